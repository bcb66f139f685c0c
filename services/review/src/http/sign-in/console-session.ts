import type { Claims, OrganisationStanding } from '@koppel/auth';
import { authenticate } from '@koppel/http';
import { CONSOLE_ROLES } from '../../app/console-sessions';
import type { ConsoleSessions } from '../../store/console-sessions';
import { pageViewOf } from '../page-view';

/** The cookie holding the id of the broker's console session (store/console-sessions.ts). */
export const SESSION_COOKIE = 'koppel_console';

/** The Set-Cookie value for a session: HttpOnly (no script reads it), SameSite=Lax (no cross-site form posts carry it), only under /console, gone when the token expires. */
export function sessionCookie(sessionId: string, claims: Claims, options: { secure: boolean; now?: Date }): string {
  const maxAge = Math.max(0, claims.exp - Math.floor((options.now ?? new Date()).getTime() / 1000));
  return `${SESSION_COOKIE}=${encodeURIComponent(sessionId)}; Path=/console; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/console; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * Lets signed-in brokers and admins through (their session's claims become
 * `req.principal`); anyone else is sent to the sign-in page (a GET) or refused
 * with 401 (a form post without a session). A session that ended, expired or whose
 * organisation was withdrawn counts as invalid.
 */
export function requireConsoleSession(sessions: ConsoleSessions, standing: OrganisationStanding, secret: string) {
  return authenticate({
    secret,
    standing,
    roles: CONSOLE_ROLES,
    session: { cookie: SESSION_COOKIE, find: async (id) => (await sessions.find(id)) ?? null },
    refuse: (refusal, req, res) => {
      if (req.method === 'GET') res.redirect(303, `/console/sign-in${refusal === 'missing' ? '' : '?reason=invalid'}`);
      else res.status(401).type('text').send(pageViewOf(req).copy.problems.notSignedIn);
    },
  });
}
