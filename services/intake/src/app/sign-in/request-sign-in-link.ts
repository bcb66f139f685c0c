import { addressHashOf, randomLinkSecret, sealText, sha256Hex } from '@koppel/auth';
import { createEnvelope, type SignInContact, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { SignInLink } from '../../store/models';
import type { SignInDeps, SignInSettings } from './deps';

/** At most this many open links per organisation; older ones are dropped when a new one is made. */
const OPEN_LINKS = 5;

/** Schools and providers sign in on the portal, brokers and admins on the console. */
export function signInLinkBaseFor(role: string, config: Pick<SignInSettings, 'SIGNIN_LINK_BASE' | 'SIGNIN_PORTAL_LINK_BASE'>): string {
  const portal = role === 'requester' || role === 'provider';
  return portal && config.SIGNIN_PORTAL_LINK_BASE ? config.SIGNIN_PORTAL_LINK_BASE : config.SIGNIN_LINK_BASE;
}

/**
 * At most `perHour` sign-in links per address in any hour, in memory per instance.
 * Returns whether this request may make one. Bounded: past 10,000 addresses the
 * oldest are forgotten.
 */
export function perAddressThrottle(perHour: number, now: () => number = Date.now): (address: string) => boolean {
  const seen = new Map<string, number[]>();
  return (address) => {
    const t = now();
    const recent = (seen.get(address) ?? []).filter((at) => t - at < 3_600_000);
    const allowed = recent.length < perHour;
    if (allowed) recent.push(t);
    seen.delete(address);
    seen.set(address, recent);
    if (seen.size > 10_000) seen.delete(seen.keys().next().value!);
    return allowed;
  };
}

/**
 * Sign-in by one-time link, the request. For a known, active contact a random secret
 * is made, only its hash stored, and the link is published as `signin.link-requested`
 * through the organisation's outbox; the notifier mails it. Returns the function that
 * takes one request: it returns at once, the same for every address, and the work
 * follows, so whether the address is known shows neither in the answer nor in its
 * timing (issue #11). An address asking too often in an hour gets no new link, so
 * nobody can flood a contact's mailbox.
 */
export function signInLinkRequests(deps: SignInDeps): (email: string) => void {
  const { logger, settings } = deps;
  const throttle = perAddressThrottle(settings.SIGNIN_LINKS_PER_ADDRESS_PER_HOUR);
  let pending: Promise<void> = Promise.resolve();
  return (email) => {
    const address = email.toLowerCase();
    if (!throttle(address)) {
      logger.warn('sign-in links for one address throttled', { limitPerHour: settings.SIGNIN_LINKS_PER_ADDRESS_PER_HOUR });
      return;
    }
    // One after another: links of one organisation share its revision, and concurrent
    // requests would only race for it (sign-ins are rare; a queue costs nothing).
    pending = pending
      .then(() => issueLink(deps, address))
      .catch((error: Error) => logger.warn('sign-in link not made', { error: error.message }));
  };
}

/** Makes a link for a known, active contact and stores it with its event; nothing for anyone else. Retries a concurrent request's conflict. */
async function issueLink(deps: SignInDeps, address: string): Promise<void> {
  const { store, publication, logger, settings } = deps;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const org = await store.findActiveByContactEmail(address);
    if (!org) return;
    const contact = org.data.contacts.find((c) => c.email.toLowerCase() === address)!;
    const secret = randomLinkSecret();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + settings.SIGNIN_LINK_TTL_MINUTES * 60_000);
    const link = new URL(signInLinkBaseFor(org.data.role, settings));
    link.searchParams.set('token', secret);
    const event = createEnvelope({
      type: 'signin.link-requested',
      // Neither the address nor the link in the clear (issue #11): the topic keeps events for days, erasure or not.
      key: addressHashOf(address),
      payload: {
        sealedContact: sealText(
          JSON.stringify({ email: contact.email, name: contact.name } satisfies SignInContact),
          settings.SIGNIN_LINK_KEY,
        ),
        language: contact.language,
        sealedLink: sealText(link.toString(), settings.SIGNIN_LINK_KEY),
        expiresAt: expiresAt.toISOString(),
      },
    });
    const open = (org.signInLinks ?? []).filter((l) => !l.usedAt && new Date(l.expiresAt) > now).slice(-(OPEN_LINKS - 1));
    const links: SignInLink[] = [...open, { hash: sha256Hex(secret), email: address, expiresAt }];
    // Guarded by signInRevision: two links requested at the same moment must not overwrite each other silently.
    const written = await store.replaceSignInLinksIfRevision(org._id, org.signInRevision ?? 0, links, [outboxEntry(TOPICS.signIn, event)]);
    if (!written) continue;
    publication.afterWrite();
    publication.publishSoon(written);
    logger.info('sign-in link requested', { organisation: org._id });
    return;
  }
  logger.warn('sign-in link not made: the organisation kept changing', {});
}
