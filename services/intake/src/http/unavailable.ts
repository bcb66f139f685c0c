import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, sendProblem } from '@koppel/http';
import type { Logger } from '@koppel/logging';

const UNAVAILABLE = /^Mongo(ose)?(ServerSelection|Network|NetworkTimeout|NotConnected|Topology|PoolCleared)/;

/** Whether an error means the database could not be reached (as opposed to a bug or a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  return UNAVAILABLE.test(name) || (error as { code?: string })?.code === 'ECONNREFUSED';
}

/**
 * The database is briefly away: 503 with Retry-After. A write either reached the
 * database with its events in the same document (the relay publishes them later)
 * or did not happen; a client that is unsure retries with the same Idempotency-Key.
 */
export function databaseUnavailableHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!isDatabaseUnavailable(error)) return next(error);
    logger.warn('database unavailable', { path: req.path, error: (error as Error).message });
    res.setHeader('Retry-After', '5');
    sendProblem(res, new HttpProblem(503, 'Service unavailable', 'The database is not reachable right now; nothing was changed. Retry shortly.'), req.path);
  };
}
