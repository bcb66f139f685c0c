import type { NextFunction, Request, Response } from 'express';
import { bearerTokenOf } from '@koppel/auth';
import { HttpProblem, sendProblem } from '@koppel/http';
import { consoleSessionOf } from '../sign-in/console-session';

/**
 * The review JSON API is for the same people as the console: brokers (their
 * regions only) and admins, with a bearer token issued by intake (a session
 * from a sign-in link, or an admin-issued token). The rule is the console's.
 */
export function requireBrokerToken(secret: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const session = consoleSessionOf(bearerTokenOf(req.get('authorization')), secret);
    if (session.ok) {
      req.consoleUser = session.claims;
      return next();
    }
    const problem =
      session.reason === 'role'
        ? new HttpProblem(403, 'Forbidden', 'Only brokers and admins may use the review API.')
        : new HttpProblem(401, 'Unauthorized', session.reason === 'missing' ? 'A bearer token is required.' : 'The bearer token is invalid or expired.');
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    sendProblem(res, problem, req.originalUrl);
  };
}
