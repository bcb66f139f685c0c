import type { Model } from 'mongoose';
import type { Region } from '@koppel/contracts';
import { placeKey } from '@koppel/gazetteer';
import { appendToOutbox, initialOutbox, type OutboxEntry, pendingIn } from '@koppel/messaging';
import type { IdempotencyRecord, LifecycleStatus, Listing, ListingIndexFields, StoredListing } from './models';
import { isDuplicateKey, type StoredEvents } from './writes';

/** Which listings a caller may see: all, those inside some regions (country and postcode range), or one owner's. */
export type ListingVisibility = { all: true } | { regions: Region[] } | { ownerId: string };

/** How a list is ordered: by the time of the last change or of the creation, `-` for newest first. */
export type ListingSort = '-updatedAt' | 'updatedAt' | '-createdAt' | 'createdAt';

/** Where the previous page ended: the last listing's time in the sort, and its id (for equal times). */
export interface ListingPosition {
  at: Date;
  id: string;
}

/** A page's worth of listings: what the caller may see, narrowed by the query, after a position. */
export interface ListingSearch {
  visibility: ListingVisibility;
  status?: LifecycleStatus;
  discipline?: string;
  municipality?: string;
  /** Listings whose ages include this age. */
  age?: number;
  sort: ListingSort;
  after?: ListingPosition;
  limit: number;
}

/** A changed listing as stored, and the events the change stored with it. */
export interface ListingWrite<T> {
  doc: StoredListing<T>;
  events: StoredEvents;
}

/** Database filter that limits a list to what a caller may see. */
export function visibilityFilter(visibility: ListingVisibility): Record<string, unknown> {
  if ('all' in visibility) return {};
  if ('regions' in visibility) {
    const ranges = visibility.regions.map((r) => ({
      country: r.country,
      postcodeNumber: { $gte: r.postcodeFrom, $lte: r.postcodeTo },
    }));
    // No regions: sees nothing. `_id: null` matches no document.
    return ranges.length ? { $or: ranges } : { _id: null };
  }
  // Its own, and those a school board asked for its schools.
  return { $or: [{ ownerId: visibility.ownerId }, { managerId: visibility.ownerId }] };
}

function fieldOf(sort: ListingSort): { field: 'updatedAt' | 'createdAt'; descending: boolean } {
  return { field: sort.replace('-', '') as 'updatedAt' | 'createdAt', descending: sort.startsWith('-') };
}

/** Sort by the field, then by _id, so that pages never skip or repeat documents with equal times. */
export function sortOf(sort: ListingSort): Record<string, 1 | -1> {
  const { field, descending } = fieldOf(sort);
  return { [field]: descending ? -1 : 1, _id: 1 };
}

/** Documents strictly after the position in the sort order (keyset pagination: stable under inserts). */
export function afterFilter(position: ListingPosition, sort: ListingSort): Record<string, unknown> {
  const { field, descending } = fieldOf(sort);
  return {
    $or: [{ [field]: descending ? { $lt: position.at } : { $gt: position.at } }, { [field]: position.at, _id: { $gt: position.id } }],
  };
}

/** The time a listing has in a sort (what a cursor remembers). */
export function sortTimeOf(sort: ListingSort, listing: Pick<StoredListing<unknown>, 'updatedAt' | 'createdAt'>): Date {
  return new Date(listing[fieldOf(sort).field]);
}

/**
 * One kind of listing (offers or requests) in intake's database. Each listing keeps
 * its pending events in its own document (the outbox, decision 0005): every write
 * that changes a listing stores its events in the same single-document write.
 */
export class ListingStore<T extends Listing> {
  constructor(
    private readonly model: Model<StoredListing<Listing>>,
    /** Fields copied out of the listing for filters and authorisation (see `ListingIndexFields`). */
    private readonly indexFieldsOf: (listing: T) => ListingIndexFields,
  ) {}

  findById(id: string): Promise<StoredListing<T> | null> {
    return this.model.findById(id).lean<StoredListing<T>>().exec();
  }

  /** The listing an earlier create with this Idempotency-Key made (the index on the key). */
  findByIdempotency(record: IdempotencyRecord): Promise<StoredListing<T> | null> {
    return this.model.findOne({ 'idempotency.scope': record.scope, 'idempotency.key': record.key }).lean<StoredListing<T>>().exec();
  }

  /** Up to `limit` listings in the sort order, after `after`. */
  search(search: ListingSearch): Promise<StoredListing<T>[]> {
    const conditions: Record<string, unknown>[] = [visibilityFilter(search.visibility)];
    if (search.status) conditions.push({ status: search.status });
    if (search.discipline) conditions.push({ disciplines: search.discipline });
    if (search.municipality) conditions.push({ municipalityKey: placeKey(search.municipality) });
    if (search.age !== undefined) conditions.push({ ageMin: { $lte: search.age } }, { ageMax: { $gte: search.age } });
    if (search.after) conditions.push(afterFilter(search.after, search.sort));
    return this.model.find({ $and: conditions }).sort(sortOf(search.sort)).limit(search.limit).lean<StoredListing<T>[]>().exec();
  }

  /** Every listing of one organisation, active or withdrawn. */
  ownedBy(ownerId: string): Promise<StoredListing<T>[]> {
    return this.model.find({ ownerId }).lean<StoredListing<T>[]>().exec();
  }

  /**
   * Inserts a new listing at revision 1 with its first events; 'duplicate' when a
   * listing with its id exists (a concurrent retry with the same Idempotency-Key
   * derives the same id, so only one is ever created).
   */
  async insertWithOutbox(
    listing: T,
    now: Date,
    idempotency: IdempotencyRecord | undefined,
    events: OutboxEntry[],
    held = false,
  ): Promise<{ kind: 'inserted'; events: StoredEvents } | { kind: 'duplicate' }> {
    const outbox = initialOutbox(events);
    try {
      await this.model.create({
        _id: listing.id,
        data: listing,
        status: 'active',
        revision: 1,
        createdAt: now,
        updatedAt: now,
        ...this.indexFieldsOf(listing),
        ...(idempotency ? { idempotency } : {}),
        ...(held ? { held: true } : {}),
        ...outbox,
      });
    } catch (error) {
      if (isDuplicateKey(error)) return { kind: 'duplicate' };
      throw error;
    }
    return { kind: 'inserted', events: { model: this.model.modelName, id: listing.id, handed: pendingIn(outbox) } };
  }

  /**
   * Replaces an active listing if it is still at `revision` (compare-and-set: a
   * concurrent change in between makes this null, never a lost update), with its events.
   */
  async replaceIfRevision(id: string, revision: number, listing: T, now: Date, events: OutboxEntry[]): Promise<ListingWrite<T> | null> {
    const outbox = appendToOutbox(events);
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, status: 'active', revision },
        {
          $set: { ...outbox.$set, data: listing, ...this.indexFieldsOf(listing), updatedAt: now },
          $inc: { ...outbox.$inc, revision: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<StoredListing<T>>()
      .exec();
    return doc ? { doc, events: { model: this.model.modelName, id, handed: pendingIn(outbox) } } : null;
  }

  /** Withdraws an active listing with its events; null when it was not active (only once: the filter makes it atomic). */
  async withdrawIfActive(id: string, now: Date, events: OutboxEntry[]): Promise<ListingWrite<T> | null> {
    const outbox = appendToOutbox(events);
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, status: 'active' },
        {
          $set: { ...outbox.$set, status: 'withdrawn', withdrawnAt: now, updatedAt: now },
          $inc: { ...outbox.$inc, revision: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean<StoredListing<T>>()
      .exec();
    return doc ? { doc, events: { model: this.model.modelName, id, handed: pendingIn(outbox) } } : null;
  }

  /** A held listing (its organisation was waiting for approval) published: no longer held, its events in the outbox. By `_id` alone. */
  async releaseHeld(id: string, events: OutboxEntry[]): Promise<StoredEvents> {
    const outbox = appendToOutbox(events);
    await this.model.updateOne({ _id: id }, { $set: outbox.$set, $unset: { held: 1 }, $inc: outbox.$inc });
    return { model: this.model.modelName, id, handed: pendingIn(outbox) };
  }

  /** Replaces the listing's data of a withdrawn listing (no event: its withdrawal was published already). */
  async replaceData(id: string, listing: T, now: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { data: listing, updatedAt: now } });
  }

  /** Replaces the data of an active listing and withdraws it, with its events (a no-op when it is no longer active). */
  async withdrawWithData(id: string, listing: T, now: Date, events: OutboxEntry[]): Promise<StoredEvents> {
    const outbox = appendToOutbox(events);
    await this.model.updateOne(
      { _id: id, status: 'active' },
      {
        $set: { ...outbox.$set, data: listing, status: 'withdrawn', withdrawnAt: now, updatedAt: now },
        $inc: { ...outbox.$inc, revision: 1 },
      },
    );
    return { model: this.model.modelName, id, handed: pendingIn(outbox) };
  }
}
