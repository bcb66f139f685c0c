import type { Offer, Organisation, Request } from '@koppel/contracts';
import { initialOutbox, type OutboxEntry, type PendingEvent } from '@koppel/messaging';
import type { Publication } from '../src/app/publication';
import { activeOrganisations } from '../src/store/active-organisations';
import { offerIndexFields, requestIndexFields } from '../src/store/listing-index';
import { afterFilter, type ListingSearch, type ListingStore, sortTimeOf } from '../src/store/listing-store';
import type { IdempotencyRecord, Listing, ListingIndexFields, SignInLink, StoredListing, StoredOrganisation } from '../src/store/models';
import { contactEmailsOf, type OrganisationChange, type OrganisationStore } from '../src/store/organisation-store';
import type { StoredEvents } from '../src/store/writes';

/**
 * In-memory stand-ins for intake's repositories, for unit tests of app/ (the real
 * ones are exercised against the database by the end-to-end tests). They keep the
 * repositories' contracts: compare-and-set on revisions, 'duplicate' on a taken id,
 * and the events of each write in the document's outbox.
 */
const copy = <T>(value: T): T => structuredClone(value);

/** Adds events to a document's outbox, as `appendToOutbox` does in the database. */
function withEvents(doc: { pendingEvents: Record<string, PendingEvent>; pendingEventCount: number }, events: OutboxEntry[]): void {
  const added = initialOutbox(events);
  Object.assign(doc.pendingEvents, added.pendingEvents);
  doc.pendingEventCount += added.pendingEventCount;
}

export class MemoryListings<T extends Listing> {
  readonly docs = new Map<string, StoredListing<T>>();
  constructor(
    readonly modelName: string,
    private readonly indexFieldsOf: (listing: T) => ListingIndexFields,
  ) {}

  /** Typed as the repository the use cases take. */
  get store(): ListingStore<T> {
    return this as unknown as ListingStore<T>;
  }

  /** The events stored with a listing, oldest first. */
  eventsOf(id: string) {
    return Object.values(this.docs.get(id)?.pendingEvents ?? {})
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e.event);
  }

  async findById(id: string) {
    const doc = this.docs.get(id);
    return doc ? copy(doc) : null;
  }
  async findByIdempotency(record: IdempotencyRecord) {
    const doc = [...this.docs.values()].find((d) => d.idempotency?.scope === record.scope && d.idempotency.key === record.key);
    return doc ? copy(doc) : null;
  }
  async search(search: ListingSearch) {
    const owner = 'ownerId' in search.visibility ? search.visibility.ownerId : undefined;
    const after = search.after ? afterFilter(search.after, search.sort) : undefined;
    const descending = search.sort.startsWith('-');
    return [...this.docs.values()]
      .filter((d) => owner === undefined || d.ownerId === owner || d.managerId === owner)
      .filter((d) => !search.status || d.status === search.status)
      .filter((d) => {
        if (!after || !search.after) return true;
        const t = sortTimeOf(search.sort, d).getTime();
        const at = search.after.at.getTime();
        return (descending ? t < at : t > at) || (t === at && d._id > search.after.id);
      })
      .sort((a, b) => {
        const diff = sortTimeOf(search.sort, a).getTime() - sortTimeOf(search.sort, b).getTime();
        return (descending ? -diff : diff) || (a._id < b._id ? -1 : 1);
      })
      .slice(0, search.limit)
      .map(copy);
  }
  async ownedBy(ownerId: string) {
    return [...this.docs.values()].filter((d) => d.ownerId === ownerId).map(copy);
  }
  async insertWithOutbox(listing: T, now: Date, idempotency: IdempotencyRecord | undefined, events: OutboxEntry[]) {
    if (this.docs.has(listing.id)) return { kind: 'duplicate' as const };
    const doc: StoredListing<T> = {
      _id: listing.id,
      data: copy(listing),
      status: 'active',
      revision: 1,
      createdAt: now,
      updatedAt: now,
      ...this.indexFieldsOf(listing),
      ...(idempotency ? { idempotency } : {}),
      ...initialOutbox(events),
    };
    this.docs.set(listing.id, doc);
    return { kind: 'inserted' as const, events: { model: this.modelName, id: listing.id } };
  }
  async replaceIfRevision(id: string, revision: number, listing: T, now: Date, events: OutboxEntry[]) {
    const doc = this.docs.get(id);
    if (doc?.status !== 'active' || doc.revision !== revision) return null;
    Object.assign(doc, { data: copy(listing), ...this.indexFieldsOf(listing), updatedAt: now, revision: revision + 1 });
    withEvents(doc, events);
    return { doc: copy(doc), events: { model: this.modelName, id } };
  }
  async withdrawIfActive(id: string, now: Date, events: OutboxEntry[]) {
    const doc = this.docs.get(id);
    if (doc?.status !== 'active') return null;
    Object.assign(doc, { status: 'withdrawn', withdrawnAt: now, updatedAt: now, revision: doc.revision + 1 });
    withEvents(doc, events);
    return { doc: copy(doc), events: { model: this.modelName, id } };
  }
  async replaceData(id: string, listing: T, now: Date) {
    const doc = this.docs.get(id);
    if (doc) Object.assign(doc, { data: copy(listing), updatedAt: now });
  }
  async withdrawWithData(id: string, listing: T, now: Date, events: OutboxEntry[]): Promise<StoredEvents> {
    const doc = this.docs.get(id);
    if (doc?.status === 'active') {
      Object.assign(doc, { data: copy(listing), status: 'withdrawn', withdrawnAt: now, updatedAt: now, revision: doc.revision + 1 });
      withEvents(doc, events);
    }
    return { model: this.modelName, id };
  }
}

export class MemoryOrganisations {
  readonly docs = new Map<string, StoredOrganisation>();
  /** Makes the next n compare-and-set writes miss, as if another writer got there first. */
  missNext = 0;

  get store(): OrganisationStore {
    return this as unknown as OrganisationStore;
  }

  /** Stores an active organisation as an admin's create would. */
  add(organisation: Organisation): StoredOrganisation {
    const now = new Date();
    const doc: StoredOrganisation = {
      _id: organisation.id,
      data: organisation,
      status: 'active',
      revision: 1,
      createdAt: now,
      updatedAt: now,
      contactEmails: contactEmailsOf(organisation),
      signInLinks: [],
      signInRevision: 0,
      pendingEvents: {},
      pendingEventCount: 0,
    };
    this.docs.set(organisation.id, doc);
    return doc;
  }

  eventsOf(id: string) {
    return Object.values(this.docs.get(id)?.pendingEvents ?? {})
      .sort((a, b) => a.seq - b.seq)
      .map((e) => e.event);
  }

  private missed(): boolean {
    if (this.missNext <= 0) return false;
    this.missNext--;
    return true;
  }

  async findById(id: string) {
    const doc = this.docs.get(id);
    return doc ? copy(doc) : null;
  }
  async findByIdempotency(record: IdempotencyRecord) {
    const doc = [...this.docs.values()].find((d) => d.idempotency?.scope === record.scope && d.idempotency.key === record.key);
    return doc ? copy(doc) : null;
  }
  async list(options: { role?: Organisation['role']; afterId?: string; limit: number }) {
    return [...this.docs.values()]
      .filter((d) => !options.role || d.data.role === options.role)
      .filter((d) => options.afterId === undefined || d._id > options.afterId)
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .slice(0, options.limit)
      .map(copy);
  }
  async findActiveByContactEmail(address: string) {
    const doc = [...this.docs.values()].find((d) => d.status === 'active' && d.contactEmails.includes(address));
    return doc ? copy(doc) : null;
  }
  async findActiveBySignInLink(hash: string) {
    const doc = [...this.docs.values()].find((d) => d.status === 'active' && d.signInLinks.some((l) => l.hash === hash));
    return doc ? copy(doc) : null;
  }
  async insertWithOutbox(organisation: Organisation, now: Date, idempotency: IdempotencyRecord | undefined, events: OutboxEntry[]) {
    if (this.docs.has(organisation.id)) return { kind: 'duplicate' as const };
    const doc = this.add(organisation);
    Object.assign(doc, { createdAt: now, updatedAt: now, ...(idempotency ? { idempotency } : {}) });
    withEvents(doc, events);
    return { kind: 'inserted' as const, events: { model: 'Organisation', id: organisation.id } };
  }
  async changeIfRevision(id: string, revision: number, change: OrganisationChange, events: OutboxEntry[]) {
    const doc = this.docs.get(id);
    if (this.missed() || !doc || doc.status !== 'active' || doc.revision !== revision) return null;
    if ('data' in change) Object.assign(doc, { data: copy(change.data), contactEmails: contactEmailsOf(change.data) });
    else Object.assign(doc, { status: 'withdrawn', withdrawnAt: change.withdrawnAt, signInLinks: [] });
    Object.assign(doc, { revision: revision + 1, updatedAt: new Date() });
    withEvents(doc, events);
    return { doc: copy(doc), events: { model: 'Organisation', id } };
  }
  async replaceSignInLinksIfRevision(id: string, signInRevision: number, links: SignInLink[], events: OutboxEntry[] = []) {
    const doc = this.docs.get(id);
    if (this.missed() || !doc || doc.signInRevision !== signInRevision) return null;
    Object.assign(doc, { signInLinks: copy(links), signInRevision: signInRevision + 1 });
    withEvents(doc, events);
    return { model: 'Organisation', id };
  }
  async eraseIfRevision(id: string, revision: number, erased: { data: Organisation; withdrawnAt: Date; now: Date }, events: OutboxEntry[]) {
    const doc = this.docs.get(id);
    if (this.missed() || !doc || doc.revision !== revision) return null;
    Object.assign(doc, {
      data: copy(erased.data),
      contactEmails: [],
      signInLinks: [],
      status: 'withdrawn',
      withdrawnAt: erased.withdrawnAt,
      erasedAt: erased.now,
      revision: revision + 1,
      updatedAt: erased.now,
    });
    withEvents(doc, events);
    return { doc: copy(doc), events: { model: 'Organisation', id } };
  }
}

/** A publication that records what it was told, in order. */
export function recordingPublication(): Publication & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    afterWrite: () => void calls.push('afterWrite'),
    publishSoon: (events) => void calls.push(`publishSoon ${events.model} ${events.id}`),
  };
}

/** Intake's stores in memory, with the active-organisation cache over them. */
export function memoryStores() {
  const offers = new MemoryListings<Offer>('Offer', offerIndexFields);
  const requests = new MemoryListings<Request>('Request', requestIndexFields);
  const organisations = new MemoryOrganisations();
  return { offers, requests, organisations, active: activeOrganisations(organisations.store, 0, 0) };
}
