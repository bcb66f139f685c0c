import type { NextFunction, Request, Response } from 'express';
import { bearerTokenOf, type OrganisationStanding } from '@koppel/auth';
import { HttpProblem, sendProblem } from '@koppel/http';
import { standingSessionOf } from '../app/console-sessions';

/**
 * The review JSON API is for the same people as the console: brokers (their
 * regions only) and admins, with a bearer token issued by intake (a session
 * from a sign-in link, or an admin-issued token). The rule is the console's,
 * withdrawn organisations included.
 */
export function requireBrokerToken(secret: string, standing: OrganisationStanding) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const session = await standingSessionOf(bearerTokenOf(req.get('authorization')), secret, standing);
    if (session.ok) {
      req.consoleUser = session.claims;
      return next();
    }
    const problem =
      session.reason === 'role'
        ? new HttpProblem(403, 'Forbidden', 'Only brokers and admins may use the review API.')
        : new HttpProblem(
            401,
            'Unauthorized',
            session.reason === 'missing' ? 'A bearer token is required.' : 'The bearer token is invalid or expired.',
          );
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    sendProblem(res, problem, req.originalUrl);
  };
}
