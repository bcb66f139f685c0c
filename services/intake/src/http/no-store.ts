import type { NextFunction, Request, Response } from 'express';

/** API answers hold organisations' data: no cache (browser or proxy) keeps a copy. Security headers come from @koppel/http (helmet). */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
