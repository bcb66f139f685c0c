import type { Listing, StoredListing } from '../../store/models';
import type { Principal } from '../principal';
import { type Forbidden, forbidden, type Invalid } from '../results';
import { type ListingDeps, listingEvent, organisationFor } from './kinds';

/** Why a listing cannot be replaced: it was withdrawn, or it is not at the revision the client last read. */
export type ReplaceRefusal = { kind: 'withdrawn' } | { kind: 'stale'; revision: number; wanted: number };

/** Whether the current listing may be replaced by a client that last read revision `wanted` (If-Match); undefined when it may. */
export function replaceRefusal(current: StoredListing<unknown>, wanted: number | undefined): ReplaceRefusal | undefined {
  if (current.status === 'withdrawn') return { kind: 'withdrawn' };
  if (wanted !== undefined && wanted !== current.revision) return { kind: 'stale', revision: current.revision, wanted };
  return undefined;
}

export type ReplaceListingResult<T> = { kind: 'replaced'; doc: StoredListing<T> } | { kind: 'changed-meanwhile' } | Invalid | Forbidden;

/**
 * Replaces a listing the principal may change (`current`, as read) with the parsed
 * input and stores its `updated` event with it. Compare-and-set on the revision read:
 * a concurrent change in between is 'changed-meanwhile', never a lost update.
 */
export async function replaceListing<T extends Listing, I extends { id?: string }>(
  deps: ListingDeps<T, I>,
  principal: Principal,
  current: StoredListing<T>,
  input: I,
): Promise<ReplaceListingResult<T>> {
  const { kind, store, publication } = deps;
  const id = current._id;
  const built = kind.fromInput(input, principal, await organisationFor(deps, principal, input), id);
  if (built.kind !== 'built') return built;
  // A school board changing a request of one of its schools names that school; a listing never changes hands.
  if (current.ownerId !== undefined && kind.ownerOf(built.listing) !== current.ownerId)
    return forbidden(`This ${kind.name} belongs to ${current.ownerId}: name it in the body to change it.`);
  const event = listingEvent(kind, 'updated', id, kind.payloadOf(built.listing));
  // Held (its organisation awaits approval): changed without an event; the approval publishes its latest state.
  const written = await store.replaceIfRevision(id, current.revision, built.listing, new Date(), current.held ? [] : [event]);
  if (!written) return { kind: 'changed-meanwhile' };
  publication.afterWrite();
  publication.publishSoon(written.events);
  return { kind: 'replaced', doc: written.doc };
}
