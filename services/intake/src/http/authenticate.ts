import type { NextFunction, Request, Response } from 'express';
import { bearerTokenOf, type OrganisationStanding, verifyToken } from '@koppel/auth';
import { HttpProblem } from '@koppel/http';
import type { Principal } from '../app/principal';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/**
 * Verifies the bearer token; a missing, forged or expired token gets a 401 with
 * `WWW-Authenticate`, and so does a token of an organisation that was withdrawn:
 * its signature is still good, but withdrawal revokes it (issue #11).
 */
export function authenticate(secret: string, standing: OrganisationStanding) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearerTokenOf(req.get('authorization'));
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="koppel"');
      return next(new HttpProblem(401, 'Unauthorized', 'Send a bearer token: Authorization: Bearer <token>.'));
    }
    const result = verifyToken(secret, token);
    if (!result.ok) {
      res.setHeader('WWW-Authenticate', `Bearer realm="koppel", error="invalid_token"`);
      return next(new HttpProblem(401, 'Unauthorized', result.reason === 'expired' ? 'The token has expired.' : 'The token is not valid.'));
    }
    if (result.claims.org && !(await standing(result.claims.org))) {
      res.setHeader('WWW-Authenticate', `Bearer realm="koppel", error="invalid_token"`);
      return next(new HttpProblem(401, 'Unauthorized', 'The organisation of this token was withdrawn; its tokens no longer work.'));
    }
    req.principal = result.claims;
    next();
  };
}

/** The principal set by `authenticate`; routes behind it can rely on it. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new HttpProblem(401, 'Unauthorized', 'Send a bearer token.');
  return req.principal;
}

export function requireRole(principal: Principal, ...roles: Principal['role'][]): void {
  if (!roles.includes(principal.role)) throw new HttpProblem(403, 'Forbidden', `This route is not open to the role '${principal.role}'.`);
}
