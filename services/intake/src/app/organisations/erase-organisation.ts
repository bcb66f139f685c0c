import { addressHashOf } from '@koppel/auth';
import { createEnvelope, ERASED, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { ListingStore } from '../../store/listing-store';
import type { Listing, StoredOrganisation } from '../../store/models';
import { type ListingKind, listingEvent, offerKind, requestKind, withdrawnPayload } from '../listings/kinds';
import type { Publication } from '../publication';
import type { OrganisationDeps } from './deps';

export type EraseResult = { kind: 'erased'; doc: StoredOrganisation } | { kind: 'not-found' } | { kind: 'changed-meanwhile' };

/**
 * Erases an organisation's people from intake and tells every other service to do the
 * same (issue #11): its listings lose the contact's name and address and are withdrawn
 * (their tombstones let the compacted topics forget them); the organisation loses its
 * contacts and name, is withdrawn, and publishes `organisation.erased` with the SHA-256
 * of each address it had. Idempotent: erasing again finishes what a crash left undone
 * and publishes nothing new for the organisation itself.
 */
export async function eraseOrganisation(deps: OrganisationDeps, id: string, now = new Date()): Promise<EraseResult> {
  const existing = await deps.store.findById(id);
  if (!existing) return { kind: 'not-found' };
  await eraseListings(offerKind, deps.listings.offers, deps.publication, id, now);
  await eraseListings(requestKind, deps.listings.requests, deps.publication, id, now);
  if (existing.erasedAt) return erased(deps, existing);
  const revision = existing.revision + 1;
  const addressHashes = [...new Set(existing.data.contacts.map((c) => addressHashOf(c.email)))];
  const event = outboxEntry(
    TOPICS.organisations,
    createEnvelope({ type: 'organisation.erased', key: id, payload: { organisationId: id, revision, addressHashes } }),
  );
  const written = await deps.store.eraseIfRevision(
    id,
    existing.revision,
    { data: { ...existing.data, name: ERASED.name, contacts: [] }, withdrawnAt: existing.withdrawnAt ?? now, now },
    [event],
  );
  if (!written) return { kind: 'changed-meanwhile' };
  deps.publication.afterWrite();
  deps.publication.publishSoon(written.events);
  return erased(deps, written.doc);
}

/** The erased organisation, forgotten by this process's cache of active ones. */
function erased(deps: OrganisationDeps, doc: StoredOrganisation): EraseResult {
  deps.active.forget(doc._id);
  return { kind: 'erased', doc };
}

/** Each listing of the organisation without its contact's name and address; active ones withdrawn with their event. */
async function eraseListings<T extends Listing>(
  kind: ListingKind<T, never>,
  store: ListingStore<T>,
  publication: Publication,
  organisationId: string,
  now: Date,
): Promise<void> {
  for (const doc of await store.ownedBy(organisationId)) {
    if (kind.contactEmailOf(doc.data) === ERASED.email && doc.status !== 'active') continue; // erased before
    const listing = kind.withoutContact(doc.data);
    if (doc.status !== 'active') {
      await store.replaceData(doc._id, listing, now);
      continue;
    }
    const event = listingEvent(kind, 'withdrawn', doc._id, withdrawnPayload(kind.name, doc._id, 'erased'));
    publication.publishSoon(await store.withdrawWithData(doc._id, listing, now, [event]));
  }
}
