import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for the public sign-in routes only (`/auth/sign-in-links`,
 * `/auth/sessions`): the console's sign-in pages run in the broker's browser at
 * review's origin and post there themselves, so services never call each other.
 * Only the configured origins (INTAKE_CORS_ORIGINS) get the headers; no
 * credentials are allowed, since the routes need no cookie.
 */
export function signInCors(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    res.setHeader('Vary', 'Origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'POST');
        res.setHeader('Access-Control-Allow-Headers', 'content-type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
