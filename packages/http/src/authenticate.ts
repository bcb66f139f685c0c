import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { bearerTokenOf, type Claims, type OrganisationStanding, type Role, verifyToken } from '@koppel/auth';
import { cookieValue } from './cookies';
import { HttpProblem } from './problem';

/** Who is calling: the verified claims of a bearer token or of a signed-in session. */
export type Principal = Claims;

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `authenticate` for every request it lets through. */
    principal?: Principal;
  }
}

/** Why a caller was turned away: no credential, a bad or expired one, a withdrawn organisation, or a role the routes are not for. */
export type Refusal = 'missing' | 'invalid' | 'expired' | 'withdrawn' | 'role';

export interface AuthenticateOptions {
  /** The secret tokens are signed with (AUTH_TOKEN_SECRET). */
  secret: string;
  /** Whether the token's organisation may still act: a withdrawal revokes its tokens and sessions (issue #11). */
  standing: OrganisationStanding;
  /** Roles the routes are for; another role gets a 403. Default: every role. */
  roles?: readonly Role[];
  /**
   * A session cookie instead of the Authorization header: the cookie holds a session
   * id, `find` the claims of a session that has not ended (the console, issue #11).
   */
  session?: { cookie: string; find(sessionId: string): Promise<Claims | null> };
  /** The texts of the refusals, where routes say more than the defaults. */
  messages?: Partial<Record<Refusal, string>>;
  /** Answers a refusal itself (the console sends a GET to its sign-in page); default: a problem document. */
  refuse?: (refusal: Refusal, req: Request, res: Response) => void;
}

const DEFAULT_MESSAGES: Record<Refusal, string> = {
  missing: 'Send a bearer token: Authorization: Bearer <token>.',
  invalid: 'The token is not valid.',
  expired: 'The token has expired.',
  withdrawn: 'The organisation of this token was withdrawn; its tokens no longer work.',
  role: 'These routes are not open to your role.',
};

/** The claims of the caller's credential, or why there are none (the organisation's standing and the role are checked after). */
async function credentialOf(
  req: Request,
  options: AuthenticateOptions,
): Promise<{ ok: true; claims: Claims } | { ok: false; refusal: Refusal }> {
  if (options.session) {
    const sessionId = cookieValue(req.get('cookie'), options.session.cookie);
    if (!sessionId) return { ok: false, refusal: 'missing' };
    const claims = await options.session.find(sessionId);
    return claims ? { ok: true, claims } : { ok: false, refusal: 'invalid' };
  }
  const token = bearerTokenOf(req.get('authorization'));
  if (!token) return { ok: false, refusal: 'missing' };
  const verified = verifyToken(options.secret, token);
  if (!verified.ok) return { ok: false, refusal: verified.reason === 'expired' ? 'expired' : 'invalid' };
  return { ok: true, claims: verified.claims };
}

/**
 * The one authentication of every service: verifies the bearer token (or the
 * session cookie), refuses a withdrawn organisation's credentials and roles the
 * routes are not for, and sets `req.principal`. A refusal is a 401 with
 * `WWW-Authenticate` (403 for a role), unless `refuse` answers it.
 */
export function authenticate(options: AuthenticateOptions): RequestHandler {
  const messages = { ...DEFAULT_MESSAGES, ...options.messages };
  const refuse =
    options.refuse ??
    ((refusal: Refusal, _req: Request, res: Response) => {
      if (refusal === 'role') throw new HttpProblem(403, 'Forbidden', messages.role);
      res.setHeader('WWW-Authenticate', refusal === 'missing' ? 'Bearer realm="koppel"' : 'Bearer realm="koppel", error="invalid_token"');
      throw new HttpProblem(401, 'Unauthorized', messages[refusal]);
    });
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const credential = await credentialOf(req, options);
      const refusal: Refusal | undefined = !credential.ok
        ? credential.refusal
        : credential.claims.org && !(await options.standing(credential.claims.org))
          ? 'withdrawn'
          : options.roles && !options.roles.includes(credential.claims.role)
            ? 'role'
            : undefined;
      if (refusal || !credential.ok) return refuse(refusal ?? 'invalid', req, res);
      req.principal = credential.claims;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The principal `authenticate` set; routes behind it can rely on it. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new HttpProblem(401, 'Unauthorized', DEFAULT_MESSAGES.missing);
  return req.principal;
}
