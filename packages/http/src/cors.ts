import type { NextFunction, Request, Response } from 'express';

export interface CorsOptions {
  /** Exact origins whose pages may call these routes from the browser. */
  origins: string[];
  methods: string[];
  /** Request headers the browser may send (lower case). */
  headers: string[];
  /** Response headers the page's script may read. */
  exposeHeaders?: string[];
}

/**
 * CORS for routes that web pages at other origins call from the browser (the
 * console's sign-in, the portal): services never call each other, the browser
 * does. Only the configured origins get the headers, never credentials (tokens
 * travel in a header, not a cookie). A preflight is answered here, before
 * authentication, because browsers send it without the Authorization header.
 */
export function corsFor(options: CorsOptions) {
  const allowed = new Set(options.origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    res.setHeader('Vary', 'Origin');
    if (!origin || !allowed.has(origin)) return next();
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (options.exposeHeaders?.length) res.setHeader('Access-Control-Expose-Headers', options.exposeHeaders.join(', '));
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', options.methods.join(', '));
    res.setHeader('Access-Control-Allow-Headers', options.headers.join(', '));
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
