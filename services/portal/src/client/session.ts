/// <reference lib="dom" />
import { z } from 'zod';

/**
 * The session token from the one-time sign-in link (intake's POST
 * /auth/sessions), kept in sessionStorage: gone when the tab closes, never in
 * a cookie (the APIs take bearer tokens only, so there is nothing to forge cross-site).
 */
export const SessionSchema = z.object({
  token: z.string().min(10),
  role: z.enum(['admin', 'requester', 'provider', 'broker']),
  organisationId: z.string().optional(),
  expiresAt: z.iso.datetime(),
});
export type Session = z.infer<typeof SessionSchema>;

const KEY = 'koppel.session';

export function currentSession(): Session | undefined {
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= Date.now()) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function endSession(): void {
  sessionStorage.removeItem(KEY);
}
