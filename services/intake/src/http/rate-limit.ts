import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '@koppel/http';

/**
 * Fixed one-minute windows per key, in memory. Per process: with N instances the
 * effective limit is N × the limit, which is acceptable for abuse protection
 * (a shared store would be needed for billing-grade limits).
 */
export function rateLimit(limitPerMinute: number, keyOf: (req: Request) => string) {
  const windows = new Map<string, { start: number; count: number }>();
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, w] of windows) if (now - w.start >= 60_000) windows.delete(key);
  }, 60_000);
  sweep.unref();
  return (req: Request, res: Response, next: NextFunction) => {
    const key = keyOf(req);
    const now = Date.now();
    let window = windows.get(key);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    const remaining = Math.max(0, limitPerMinute - window.count);
    res.setHeader('RateLimit-Limit', String(limitPerMinute));
    res.setHeader('RateLimit-Remaining', String(remaining));
    if (window.count > limitPerMinute) {
      const retryAfter = Math.ceil((window.start + 60_000 - now) / 1000);
      res.setHeader('Retry-After', String(retryAfter));
      return next(new HttpProblem(429, 'Too many requests', `At most ${limitPerMinute} requests per minute; retry in ${retryAfter} s.`));
    }
    next();
  };
}
