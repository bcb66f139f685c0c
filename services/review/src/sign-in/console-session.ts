import type { NextFunction, Request, Response } from 'express';
import { verifyToken, type Claims, type OrganisationStanding } from '@koppel/auth';
import { pageViewOf } from '../console/view';
import type { ConsoleSessions } from '../store/console-sessions';

/** The cookie holding the id of the broker's console session (store/console-sessions.ts). */
export const SESSION_COOKIE = 'koppel_console';

/** Roles that may use the console: brokers (their regions only) and admins (everything). */
const CONSOLE_ROLES = new Set(['broker', 'admin']);

export type ConsoleSession = { ok: true; claims: Claims } | { ok: false; reason: 'missing' | 'invalid' | 'role' };

/** The value of one cookie from a Cookie header, or undefined (a tiny parser: the console sets only this cookie). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Checks a session token for the console: signed with our secret, not expired, role broker or admin. */
export function consoleSessionOf(token: string | undefined, secret: string, now: Date = new Date()): ConsoleSession {
  if (!token) return { ok: false, reason: 'missing' };
  const verified = verifyToken(secret, token, now);
  if (!verified.ok) return { ok: false, reason: 'invalid' };
  if (!CONSOLE_ROLES.has(verified.claims.role)) return { ok: false, reason: 'role' };
  return { ok: true, claims: verified.claims };
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
    /** The signed-in broker or admin (set by requireConsoleSession). */
    consoleUser?: Claims;
  }
}

/** The session of a token, refused ('invalid') when its organisation was withdrawn since it was issued. */
export async function standingSessionOf(
  token: string | undefined,
  secret: string,
  standing: OrganisationStanding,
): Promise<ConsoleSession> {
  const session = consoleSessionOf(token, secret);
  if (session.ok && session.claims.org && !(await standing(session.claims.org))) return { ok: false, reason: 'invalid' };
  return session;
}

/** The stored session a cookie names, refused when it ended, expired or its organisation was withdrawn. */
async function storedSessionOf(
  sessionId: string | undefined,
  sessions: ConsoleSessions,
  standing: OrganisationStanding,
): Promise<ConsoleSession> {
  if (!sessionId) return { ok: false, reason: 'missing' };
  const claims = await sessions.find(sessionId);
  if (!claims || (claims.org && !(await standing(claims.org)))) return { ok: false, reason: 'invalid' };
  return { ok: true, claims };
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
