import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for /offers and /requests: the portal's pages (services/portal) run in
 * a school's or provider's browser at another origin and call these routes
 * themselves with a bearer token, so services never call each other. Only the
 * configured origins (INTAKE_CORS_ORIGINS) get the headers; no credentials
 * (the token is a header, not a cookie). A preflight is answered here, before
 * authentication, because browsers send it without the Authorization header.
 */
export function listingCors(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    res.setHeader('Vary', 'Origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'ETag, Location, Idempotent-Replayed');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT');
        res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, if-match, idempotency-key');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
