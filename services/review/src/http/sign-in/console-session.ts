import type { NextFunction, Request, Response } from 'express';
import type { Claims, OrganisationStanding } from '@koppel/auth';
import { storedSessionOf } from '../../app/console-sessions';
import type { ConsoleSessions } from '../../store/console-sessions';
import { pageViewOf } from '../page-view';

/** The cookie holding the id of the broker's console session (store/console-sessions.ts). */
export const SESSION_COOKIE = 'koppel_console';

/** The value of one cookie from a Cookie header, or undefined (a tiny parser: the console sets only this cookie). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The Set-Cookie value for a session: HttpOnly (no script reads it), SameSite=Lax (no cross-site form posts carry it), only under /console, gone when the token expires. */
export function sessionCookie(sessionId: string, claims: Claims, options: { secure: boolean; now?: Date }): string {
  const maxAge = Math.max(0, claims.exp - Math.floor((options.now ?? new Date()).getTime() / 1000));
  return `${SESSION_COOKIE}=${encodeURIComponent(sessionId)}; Path=/console; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/console; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in broker or admin (set by requireConsoleSession, or requireBrokerToken for the API). */
    consoleUser?: Claims;
  }
}

/**
 * Lets signed-in brokers and admins through; anyone else is sent to the
 * sign-in page (a GET) or refused with 401 (a form post without a session).
 */
export function requireConsoleSession(sessions: ConsoleSessions, standing: OrganisationStanding) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const session = await storedSessionOf(cookieValue(req.get('cookie'), SESSION_COOKIE), sessions, standing);
    if (session.ok) {
      req.consoleUser = session.claims;
      return next();
    }
    if (req.method === 'GET') {
      res.redirect(303, `/console/sign-in${session.reason === 'missing' ? '' : `?reason=${session.reason}`}`);
      return;
    }
    res.status(401).type('text').send(pageViewOf(req).copy.problems.notSignedIn);
  };
}
