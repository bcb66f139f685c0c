import type { NextFunction, Request, Response } from 'express';
import { bearerTokenOf, verifyToken, type Claims } from '@koppel/auth';
import { HttpProblem } from '@koppel/http';

/** Who is calling: the verified claims of the bearer token. */
export type Principal = Claims;

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** Verifies the bearer token; a missing, forged or expired token gets a 401 with `WWW-Authenticate`. */
export function authenticate(secret: string) {
  return (req: Request, res: Response, next: NextFunction) => {
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
