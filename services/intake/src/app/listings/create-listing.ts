import type { IdempotencyRecord, Listing, StoredListing } from '../../store/models';
import { createdWithKey, findsEarlierByKey, idFromIdempotency, type Replay, replayOf } from '../idempotency';
import type { Principal } from '../principal';
import type { Forbidden, Invalid } from '../results';
import { type ListingDeps, listingEvent, organisationFor } from './kinds';

/** What a client sees of a stored listing: the listing and its lifecycle. */
export type ListingState<T> = Pick<
  StoredListing<T>,
  '_id' | 'data' | 'status' | 'revision' | 'createdAt' | 'updatedAt' | 'withdrawnAt' | 'held'
>;

export type CreateListingResult<T> =
  | { kind: 'created'; doc: ListingState<T> }
  | Replay<StoredListing<T>>
  /** Another listing has the id (the body's, or one derived from another caller's key). */
  | { kind: 'exists'; id: string }
  | Invalid
  | Forbidden;

/**
 * What an earlier create with the same Idempotency-Key made, when only its key can
 * find it (the body names its own id): its result again, or 'key-reused' for another
 * body. Undefined when there is none and the listing is to be created.
 */
export async function earlierListing<T extends Listing, I extends { id?: string }>(
  deps: ListingDeps<T, I>,
  idempotency: IdempotencyRecord,
  body: unknown,
): Promise<Replay<StoredListing<T>> | undefined> {
  if (!findsEarlierByKey(body)) return undefined;
  const existing = await deps.store.findByIdempotency(idempotency);
  return existing ? replayOf(existing, idempotency) : undefined;
}

/**
 * Creates a listing from its parsed input and stores its `created` event with it; a
 * school or provider creates for its own organisation only. With an Idempotency-Key
 * and no id in the body, the id is derived from the key, so a concurrent retry
 * collides with this create and gets its result.
 */
export async function createListing<T extends Listing, I extends { id?: string }>(
  deps: ListingDeps<T, I>,
  principal: Principal,
  input: I,
  idempotency: IdempotencyRecord | undefined,
): Promise<CreateListingResult<T>> {
  const { kind, store, publication } = deps;
  const organisation = await organisationFor(deps, principal, input);
  const id = input.id ?? (idempotency ? idFromIdempotency(kind.idPrefix, idempotency) : undefined);
  const built = kind.fromInput(input, principal, organisation, id);
  if (built.kind !== 'built') return built;
  const listing = built.listing;
  const now = new Date();
  const event = listingEvent(kind, 'created', listing.id, kind.payloadOf(listing));
  // An organisation awaiting a broker's approval prepares its listings: stored, its event held back until then.
  const held = await deps.organisations.awaitsApproval(kind.ownerOf(listing));
  const inserted = await store.insertWithOutbox(listing, now, idempotency, held ? [] : [event], held);
  if (inserted.kind === 'duplicate') {
    // A concurrent retry with the same key won the insert: answer with its result.
    const existing = await store.findById(listing.id);
    if (idempotency && existing && createdWithKey(existing, idempotency)) return replayOf(existing, idempotency);
    return { kind: 'exists', id: listing.id };
  }
  publication.afterWrite();
  if (!held) publication.publishSoon(inserted.events);
  return {
    kind: 'created',
    doc: { _id: listing.id, data: listing, status: 'active', revision: 1, createdAt: now, updatedAt: now, ...(held ? { held } : {}) },
  };
}
