import { Router } from 'express';
import type { Model } from 'mongoose';
import { createEnvelope, SessionInputSchema, SignInLinkInputSchema, TOPICS } from '@koppel/contracts';
import { randomLinkSecret, sha256Hex, signToken, sealText } from '@koppel/auth';
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

  router.post('/sign-in-links', async (req, res) => {
    const { email } = parseInput(SignInLinkInputSchema, req.body);
    const address = email.toLowerCase();
    const org = (await m.findOne({ contactEmails: address, status: 'active' }).lean()) as StoredOrganisation | null;
    if (org) {
      const contact = org.data.contacts.find((c) => c.email.toLowerCase() === address)!;
      const secret = randomLinkSecret();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + config.SIGNIN_LINK_TTL_MINUTES * 60_000);
      const link = new URL(signInLinkBaseFor(org.data.role, config));
      link.searchParams.set('token', secret);
      const event = createEnvelope({
        type: 'signin.link-requested',
        key: address,
        payload: { email: contact.email, name: contact.name, language: contact.language, sealedLink: sealText(link.toString(), config.SIGNIN_LINK_KEY), expiresAt: expiresAt.toISOString() },
      });
      const outbox = appendToOutbox([outboxEntry(TOPICS.signIn, event)]);
      const open = (org.signInLinks ?? []).filter((l) => !l.usedAt && new Date(l.expiresAt) > now).slice(-(OPEN_LINKS - 1));
      const links: SignInLink[] = [...open, { hash: sha256Hex(secret), email: address, expiresAt }];
      // Guarded by signInRevision: two links requested at the same moment must not overwrite each other silently.
      const result = await m.updateOne(
        { _id: org._id, signInRevision: org.signInRevision ?? 0 },
        { ...outbox, $set: { ...outbox.$set, signInLinks: links }, $inc: { ...outbox.$inc, signInRevision: 1 } },
      );
      if (result.matchedCount !== 1) throw new HttpProblem(409, 'Try again', 'Another sign-in for this organisation happened at the same moment; ask for a link again.');
      hooks.afterWrite();
      hooks.publishSoon(m.modelName, org._id);
      logger.info('sign-in link requested', { organisation: org._id });
    }
    res.status(202).json({ status: 'accepted', detail: 'If the address belongs to a contact, a sign-in link is on its way.' });
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
      const result = await m.updateOne({ _id: org._id, signInRevision: org.signInRevision }, { $set: { signInLinks: links }, $inc: { signInRevision: 1 } });
      if (result.matchedCount !== 1) continue;
      const { token: session, claims } = signToken(config.AUTH_TOKEN_SECRET, {
        sub: link.email,
        role: org.data.role,
        org: org._id,
        regions: org.data.role === 'broker' ? org.data.regions : undefined,
        ttlSeconds: config.SESSION_TTL_HOURS * 3600,
      });
      logger.info('session started', { organisation: org._id, jti: claims.jti });
      res.status(201).json({ token: session, expiresAt: new Date(claims.exp * 1000).toISOString(), role: claims.role, organisationId: org._id });
      return;
    }
    throw new HttpProblem(409, 'Try again', 'The sign-in link changed while it was used; try once more.');
  });

  return router;
}
