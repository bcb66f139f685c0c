import { sha256Hex } from '@koppel/auth';
import type { Principal } from '../principal';
import type { SignInDeps } from './deps';
import { organisationToken } from './organisation-token';

export type StartSessionResult =
  | { kind: 'started'; token: string; expiresAt: string; role: Principal['role']; organisationId: string }
  /** The link is unknown, used or expired. */
  | { kind: 'refused' }
  /** The link changed while it was used (another exchange at the same moment), three times. */
  | { kind: 'changed-meanwhile' };

/** Sign-in by one-time link, the exchange: the link's secret (once, before it expires) for a session token. */
export async function startSession(deps: Omit<SignInDeps, 'publication'>, token: string): Promise<StartSessionResult> {
  const { store, logger, settings } = deps;
  const hash = sha256Hex(token);
  for (let attempt = 0; attempt < 3; attempt++) {
    const org = await store.findActiveBySignInLink(hash);
    const now = new Date();
    const link = org?.signInLinks.find((l) => l.hash === hash);
    if (!org || !link || link.usedAt || new Date(link.expiresAt) <= now) return { kind: 'refused' };
    // Mark it used; the expired ones go.
    const links = org.signInLinks.filter((l) => new Date(l.expiresAt) > now).map((l) => (l.hash === hash ? { ...l, usedAt: now } : l));
    if (!(await store.replaceSignInLinksIfRevision(org._id, org.signInRevision, links))) continue;
    const { token: session, claims } = organisationToken(settings.AUTH_TOKEN_SECRET, org, link.email, settings.SESSION_TTL_HOURS * 3600);
    logger.info('session started', { organisation: org._id, jti: claims.jti });
    return {
      kind: 'started',
      token: session,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      role: claims.role,
      organisationId: org._id,
    };
  }
  return { kind: 'changed-meanwhile' };
}
