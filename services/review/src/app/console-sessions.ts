import { type Claims, type Role, verifyToken } from '@koppel/auth';
import type { ConsoleSessions } from '../store/console-sessions';

/** Roles that may use the console and the review API: brokers (their regions only) and admins (everything). */
export const CONSOLE_ROLES: readonly Role[] = ['broker', 'admin'];

export type ConsoleSession = { ok: true; claims: Claims } | { ok: false; reason: 'missing' | 'invalid' | 'role' };

/** Checks a session token for the console: signed with our secret, not expired, role broker or admin. */
export function consoleSessionOf(token: string | undefined, secret: string, now: Date = new Date()): ConsoleSession {
  if (!token) return { ok: false, reason: 'missing' };
  const verified = verifyToken(secret, token, now);
  if (!verified.ok) return { ok: false, reason: 'invalid' };
  if (!CONSOLE_ROLES.includes(verified.claims.role)) return { ok: false, reason: 'role' };
  return { ok: true, claims: verified.claims };
}

/**
 * Signs a broker or admin in to the console: the session token intake issued becomes
 * a stored session, whose id (for the cookie) is returned with the token's claims.
 */
export async function startConsoleSession(
  sessions: ConsoleSessions,
  token: string,
  secret: string,
): Promise<{ ok: true; sessionId: string; claims: Claims } | { ok: false; reason: 'missing' | 'invalid' | 'role' }> {
  const session = consoleSessionOf(token, secret);
  if (!session.ok) return session;
  return { ok: true, sessionId: await sessions.start(session.claims), claims: session.claims };
}

/** Signs out: the stored session ends for good. */
export async function endConsoleSession(sessions: ConsoleSessions, sessionId: string): Promise<void> {
  await sessions.end(sessionId);
}
