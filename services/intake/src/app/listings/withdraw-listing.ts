import type { Listing, StoredListing } from '../../store/models';
import type { Principal } from '../principal';
import { type ListingDeps, listingEvent, withdrawnPayload } from './kinds';
import { findVisibleListing } from './read-listings';

export type WithdrawListingResult<T> = { kind: 'withdrawn'; doc: StoredListing<T> } | { kind: 'not-found' } | { kind: 'already-withdrawn' };

/** Withdraws a listing the principal may see (kept for history) and stores its `withdrawn` event with it; only once. */
export async function withdrawListing<T extends Listing, I extends { id?: string }>(
  deps: ListingDeps<T, I>,
  principal: Principal,
  id: string,
  reason: string | undefined,
): Promise<WithdrawListingResult<T>> {
  const { kind, store, publication } = deps;
  const current = await findVisibleListing(deps, principal, id);
  if (!current) return { kind: 'not-found' };
  const event = listingEvent(kind, 'withdrawn', id, withdrawnPayload(kind.name, id, reason));
  // A held listing was never published: nobody needs to hear of its withdrawal.
  const written = await store.withdrawIfActive(id, new Date(), current.held ? [] : [event]);
  if (!written) return { kind: 'already-withdrawn' };
  publication.afterWrite();
  publication.publishSoon(written.events);
  return { kind: 'withdrawn', doc: written.doc };
}
