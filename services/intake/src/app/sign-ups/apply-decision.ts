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
  if (doc?.status !== 'awaiting_approval') return;
  const approved = decision.decision === 'approved';
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
  if (approved) {
    await releaseHeld(deps, offerKind, deps.listings.offers, doc._id);
    await releaseHeld(deps, requestKind, deps.listings.requests, doc._id);
  }
  deps.logger.info('sign-up decided', { organisation: doc._id, decision: decision.decision });
}

/**
 * The listings an organisation prepared while awaiting approval, published now: each
 * active one gets its `created` event (its latest state), after the organisation's own
 * `organisation.created`. A crash in between leaves some held; the decision's redelivery
 * finds the organisation active and releases nothing more, so an admin re-saving such a
 * listing publishes it (noted in decision 0029).
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
