import { Router } from 'express';
import type { Model } from 'mongoose';
import { createEnvelope, SessionInputSchema, SignInLinkInputSchema, TOPICS, type SignInContact } from '@koppel/contracts';
import { addressHashOf, randomLinkSecret, sha256Hex, signToken, sealText } from '@koppel/auth';
import { HttpProblem } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import { appendToOutbox, outboxEntry } from '@koppel/messaging';
import type { IntakeConfig } from '../config';
import type { SignInLink, StoredOrganisation } from '../store/models';
import type { ListingHooks } from './listings';
import { parseInput } from './listings';

/** Schools and providers sign in on the portal, brokers and admins on the console. */
export function signInLinkBaseFor(role: string, config: Pick<IntakeConfig, 'SIGNIN_LINK_BASE' | 'SIGNIN_PORTAL_LINK_BASE'>): string {
  const portal = role === 'requester' || role === 'provider';
  return portal && config.SIGNIN_PORTAL_LINK_BASE ? config.SIGNIN_PORTAL_LINK_BASE : config.SIGNIN_LINK_BASE;
}

/** At most this many open links per organisation; older ones are dropped when a new one is made. */
const OPEN_LINKS = 5;

/**
 * Sign-in by one-time link. A request always answers 202, whether or not the
 * address is known (no account enumeration). For a known contact a random
 * secret is made, only its hash stored, and the link is published as
 * `signin.link-requested` through the organisation's outbox; the notifier mails
 * it. Exchanging the secret (once, before it expires) gives a session token.
 */
export function signInRoutes(model: Model<StoredOrganisation>, config: IntakeConfig, hooks: ListingHooks, logger: Logger): Router {
  const router = Router();
  const m = model as unknown as Model<any>;

  const throttle = perAddressThrottle(config.SIGNIN_LINKS_PER_ADDRESS_PER_HOUR);
  let pending: Promise<void> = Promise.resolve();

  /** Makes a link for a known, active contact and stores it with its event; nothing for anyone else. Retries a concurrent request's conflict. */
  const issueLink = async (address: string): Promise<void> => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const org = (await m.findOne({ contactEmails: address, status: 'active' }).lean()) as StoredOrganisation | null;
      if (!org) return;
      const contact = org.data.contacts.find((c) => c.email.toLowerCase() === address)!;
      const secret = randomLinkSecret();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + config.SIGNIN_LINK_TTL_MINUTES * 60_000);
      const link = new URL(signInLinkBaseFor(org.data.role, config));
      link.searchParams.set('token', secret);
      const event = createEnvelope({
        type: 'signin.link-requested',
        // Neither the address nor the link in the clear (issue #11): the topic keeps events for days, erasure or not.
        key: addressHashOf(address),
        payload: {
          sealedContact: sealText(
            JSON.stringify({ email: contact.email, name: contact.name } satisfies SignInContact),
            config.SIGNIN_LINK_KEY,
          ),
          language: contact.language,
          sealedLink: sealText(link.toString(), config.SIGNIN_LINK_KEY),
          expiresAt: expiresAt.toISOString(),
        },
      });
      const outbox = appendToOutbox([outboxEntry(TOPICS.signIn, event)]);
      const open = (org.signInLinks ?? []).filter((l) => !l.usedAt && new Date(l.expiresAt) > now).slice(-(OPEN_LINKS - 1));
      const links: SignInLink[] = [...open, { hash: sha256Hex(secret), email: address, expiresAt }];
      // Guarded by signInRevision: two links requested at the same moment must not overwrite each other silently.
      const result = await m.updateOne(
        { _id: org._id, signInRevision: org.signInRevision ?? 0 },
        { ...outbox, $set: { ...outbox.$set, signInLinks: links }, $inc: { ...outbox.$inc, signInRevision: 1 } },
      );
      if (result.matchedCount !== 1) continue;
      hooks.afterWrite();
      hooks.publishSoon(m.modelName, org._id);
      logger.info('sign-in link requested', { organisation: org._id });
      return;
    }
    logger.warn('sign-in link not made: the organisation kept changing', {});
  };

  /**
   * Answers 202 at once, the same for every address, and does the work after the
   * answer: whether the address is known shows neither in the answer nor in its
   * timing (issue #11). An address asking too often in an hour gets no new link
   * (still 202), so nobody can flood a contact's mailbox.
   */
  router.post('/sign-in-links', (req, res) => {
    const { email } = parseInput(SignInLinkInputSchema, req.body);
    res.status(202).json({ status: 'accepted', detail: 'If the address belongs to a contact, a sign-in link is on its way.' });
    const address = email.toLowerCase();
    if (!throttle(address)) {
      logger.warn('sign-in links for one address throttled', { limitPerHour: config.SIGNIN_LINKS_PER_ADDRESS_PER_HOUR });
      return;
    }
    // One after another: links of one organisation share its revision, and concurrent
    // requests would only race for it (sign-ins are rare; a queue costs nothing).
    pending = pending
      .then(() => issueLink(address))
      .catch((error: Error) => logger.warn('sign-in link not made', { error: error.message }));
  });

  router.post('/sessions', async (req, res) => {
    const { token } = parseInput(SessionInputSchema, req.body);
    const hash = sha256Hex(token);
    const refused = new HttpProblem(401, 'Unauthorized', 'The sign-in link is unknown, used or expired; ask for a new one.');
    for (let attempt = 0; attempt < 3; attempt++) {
      const org = (await m.findOne({ 'signInLinks.hash': hash, status: 'active' }).lean()) as StoredOrganisation | null;
      const now = new Date();
      const link = org?.signInLinks.find((l) => l.hash === hash);
      if (!org || !link || link.usedAt || new Date(link.expiresAt) <= now) throw refused;
      // Mark it used with a compare-and-set on the whole list (FerretDB v1: no positional $ or arrayFilters).
      const links = org.signInLinks.filter((l) => new Date(l.expiresAt) > now).map((l) => (l.hash === hash ? { ...l, usedAt: now } : l));
      const result = await m.updateOne(
        { _id: org._id, signInRevision: org.signInRevision },
        { $set: { signInLinks: links }, $inc: { signInRevision: 1 } },
      );
      if (result.matchedCount !== 1) continue;
      const { token: session, claims } = signToken(config.AUTH_TOKEN_SECRET, {
        sub: link.email,
        role: org.data.role,
        org: org._id,
        regions: org.data.role === 'broker' ? org.data.regions : undefined,
        ttlSeconds: config.SESSION_TTL_HOURS * 3600,
      });
      logger.info('session started', { organisation: org._id, jti: claims.jti });
      res
        .status(201)
        .json({ token: session, expiresAt: new Date(claims.exp * 1000).toISOString(), role: claims.role, organisationId: org._id });
      return;
    }
    throw new HttpProblem(409, 'Try again', 'The sign-in link changed while it was used; try once more.');
  });

  return router;
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
