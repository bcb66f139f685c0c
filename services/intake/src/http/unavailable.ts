import type { NextFunction, Request, Response } from 'express';
import { HttpProblem, redactPath, sendProblem } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import { classifyFailure } from '@koppel/messaging';

/** Whether an error means the database could not be reached or did not answer (as opposed to a bug or a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyFailure(error) === 'transient';
}

/** A time-out after the command was sent: the database may still apply it. */
function mayHaveHappened(error: unknown): boolean {
  return /NetworkTimeout|PoolCleared/.test((error as { name?: string })?.name ?? '');
}

/**
 * The database is briefly away: 503 with Retry-After. A write either reached the
 * database with its events in the same document (the relay publishes them later)
 * or did not happen. When the database did not answer in time, the write may still
 * have happened: the client retries with the same Idempotency-Key and gets the
 * stored listing back instead of a second one.
 */
export function databaseUnavailableHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!isDatabaseUnavailable(error)) return next(error);
    logger.warn('database unavailable', { path: redactPath(req.baseUrl + req.path), error: (error as Error).message });
    res.setHeader('Retry-After', '5');
    const detail = mayHaveHappened(error)
      ? 'The database did not answer in time; the change may have been stored. Retry shortly with the same Idempotency-Key.'
      : 'The database is not reachable right now; nothing was changed. Retry shortly.';
    sendProblem(res, new HttpProblem(503, 'Service unavailable', detail), req.path);
  };
}
