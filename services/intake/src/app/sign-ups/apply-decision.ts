import type { Listing, StoredListing } from '../../store/models';
import type { ListingStore } from '../../store/listing-store';
import type { SignUpDecidedPayload } from '@koppel/contracts';
import { type ListingKind, listingEvent, offerKind, requestKind } from '../listings/kinds';
import { changedEvent } from '../organisations/deps';
import type { SignUpDeps } from './deps';
import { signUpMail } from './mails';

/**
 * A broker decided on a sign-up (`signup.decided` from review, issue #13). Approved: the
 * organisation becomes active and exists for everyone from its `organisation.created`;
 * its contact is mailed where to sign in. Rejected: it stays out, and the contact is
 * mailed the reason. Only a sign-up awaiting approval changes, so a redelivery (or a
 * second decision) changes nothing.
 */
export async function applySignUpDecision(deps: SignUpDeps, decision: SignUpDecidedPayload): Promise<void> {
  const doc = await deps.store.findById(decision.organisationId);
  const approved = decision.decision === 'approved';
  // Approved before (a redelivery, perhaps after a crash between the approval and the release): release what is still held.
  if (approved && doc?.status === 'active') return releaseAllHeld(deps, doc._id);
  if (doc?.status !== 'awaiting_approval') return;
  const signInPage = deps.settings.SIGNIN_PORTAL_LINK_BASE ?? deps.settings.SIGNIN_LINK_BASE;
  const mail = approved
    ? signUpMail(doc.data, { kind: 'approved', link: signInPage }, deps.settings)
    : signUpMail(doc.data, { kind: 'rejected', reason: decision.reason }, deps.settings);
  const events = approved ? [changedEvent('organisation.created', doc.data, 1), mail] : [mail];
  const written = await deps.store.decideSignUp(
    doc._id,
    { approved, decidedBy: decision.decidedBy, reason: decision.reason, now: new Date() },
    events,
  );
  if (!written) return;
  deps.active.forget(doc._id);
  deps.publication.publishSoon(written.events);
  if (approved) await releaseAllHeld(deps, doc._id);
  deps.logger.info('sign-up decided', { organisation: doc._id, decision: decision.decision });
}

/** Every listing the organisation prepared while awaiting approval, published: its offers, then its requests. */
async function releaseAllHeld(deps: SignUpDeps, organisationId: string): Promise<void> {
  await releaseHeld(deps, offerKind, deps.listings.offers, organisationId);
  await releaseHeld(deps, requestKind, deps.listings.requests, organisationId);
}

/**
 * The listings of one kind an organisation prepared while awaiting approval, published
 * now: each active one gets its `created` event (its latest state), after the
 * organisation's own `organisation.created`. Only held ones change, so releasing again
 * (the decision redelivered after a crash in between) publishes nothing twice.
 */
async function releaseHeld<T extends Listing>(
  deps: SignUpDeps,
  kind: ListingKind<T, never>,
  store: ListingStore<T>,
  organisationId: string,
): Promise<void> {
  const held = (await store.ownedBy(organisationId)).filter((l: StoredListing<T>) => l.held && l.status === 'active');
  for (const listing of held) {
    const events = await store.releaseHeld(listing._id, [listingEvent(kind, 'created', listing._id, kind.payloadOf(listing.data))]);
    deps.publication.publishSoon(events);
  }
}
