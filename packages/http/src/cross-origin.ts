import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from './problem';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a browser sent from another site: the
 * defence against cross-site request forgery for routes authenticated by a cookie
 * (the console). Browsers say where a request comes from: `Sec-Fetch-Site` (all
 * current browsers) and `Origin` (on every POST); a request whose `Sec-Fetch-Site`
 * is `cross-site`/`same-site`, or whose `Origin` is not this host, answers 403. A
 * request with neither header does not come from a browser, so carries no
 * victim's cookie by accident. The same rule as Go's CrossOriginProtection; it
 * does not rely on `SameSite=Lax` alone (issue #11).
 */
export function crossOriginProtection() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (SAFE.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site')
      return next(new HttpProblem(403, 'Forbidden', 'Cross-site requests may not change anything here.'));
    const origin = req.get('origin');
    if (origin !== undefined && site !== 'same-origin' && site !== 'none') {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.get('host')) return next(new HttpProblem(403, 'Forbidden', 'Cross-site requests may not change anything here.'));
    }
    next();
  };
}
