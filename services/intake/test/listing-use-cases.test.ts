import {
  ListingQuerySchema,
  type Offer,
  type OfferInput,
  OfferInputSchema,
  type Organisation,
  type Request,
  type RequestInput,
  RequestInputSchema,
} from '@koppel/contracts';
import { createListing, earlierListing } from '../src/app/listings/create-listing';
import { type ListingDeps, offerKind, requestKind } from '../src/app/listings/kinds';
import { findListings, findVisibleListing } from '../src/app/listings/read-listings';
import { replaceListing, replaceRefusal } from '../src/app/listings/replace-listing';
import { withdrawListing } from '../src/app/listings/withdraw-listing';
import { idempotencyRecord, idFromIdempotency } from '../src/app/idempotency';
import type { Principal } from '../src/app/principal';
import { EXAMPLES } from '../src/http/openapi/examples';
import { memoryStores, recordingPublication } from './fakes';

const admin: Principal = { sub: 'admin@example.org', role: 'admin', iat: 0, exp: 9e9, jti: 'j-admin' };
const providerOf = (org: string): Principal => ({ sub: 'educatie@example.org', role: 'provider', org, iat: 0, exp: 9e9, jti: `j-${org}` });
const provider: Organisation = {
  id: 'org-prov',
  type: 'theatre',
  role: 'provider',
  name: 'Theater Antigone',
  contacts: [{ name: 'Ed', email: 'educatie@example.org', language: 'nl' }],
} as Organisation;

/** A valid body of an admin's offer for the provider, parsed as the route would. */
const offerInput = (extra: Record<string, unknown> = {}): OfferInput =>
  OfferInputSchema.parse({
    ...EXAMPLES.offers.input,
    provider: { id: provider.id, name: provider.name, email: 'educatie@example.org', language: 'nl' },
    ...extra,
  });

function world() {
  const stores = memoryStores();
  stores.organisations.add(provider);
  const publication = recordingPublication();
  const deps: ListingDeps<Offer, OfferInput> = {
    kind: offerKind,
    store: stores.offers.store,
    organisations: stores.active,
    publication,
  };
  return { ...stores, publication, deps };
}

describe('creating a listing', () => {
  it('stores it with its created event, passes the crash point, then has the event published', async () => {
    const { deps, offers, publication } = world();
    const result = await createListing(deps, admin, offerInput(), undefined);
    if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`);
    const id = result.doc._id;
    expect(id).toMatch(/^off-/);
    expect(result.doc).toMatchObject({ status: 'active', revision: 1, data: { provider: { id: 'org-prov', registered: true } } });
    expect(offers.docs.get(id)).toMatchObject({ ownerId: 'org-prov', revision: 1, pendingEventCount: 1 });
    const [event] = offers.eventsOf(id);
    expect(event).toMatchObject({ type: 'offer.created', key: id, payload: { offer: { id } } });
    expect(publication.calls).toEqual(['afterWrite', `publishSoon Offer ${id}`]);
  });

  it('derives the id from the Idempotency-Key: a retry gets the first result, another body with the key a conflict', async () => {
    const { deps, offers, publication } = world();
    const body = { title: 'Eerste' };
    const record = idempotencyRecord(admin, 'key-1', body);
    const first = await createListing(deps, admin, offerInput(body), record);
    expect(first).toMatchObject({ kind: 'created', doc: { _id: idFromIdempotency('off', record) } });
    const retry = await createListing(deps, admin, offerInput(body), record);
    expect(retry).toMatchObject({ kind: 'replayed', doc: { _id: idFromIdempotency('off', record), revision: 1 } });
    const other = await createListing(deps, admin, offerInput({ title: 'Iets anders' }), idempotencyRecord(admin, 'key-1', { title: 'x' }));
    expect(other).toEqual({ kind: 'key-reused' });
    expect(offers.docs.size).toBe(1);
    expect(publication.calls).toHaveLength(2); // the first create only
  });

  it('finds an earlier create by its key only when the body names its id', async () => {
    const { deps } = world();
    const body = { id: 'off-named', title: 'Genoemd' };
    const record = idempotencyRecord(admin, 'key-2', body);
    expect(await earlierListing(deps, record, body)).toBeUndefined();
    await createListing(deps, admin, offerInput(body), record);
    expect(await earlierListing(deps, record, body)).toMatchObject({ kind: 'replayed', doc: { _id: 'off-named' } });
    expect(await earlierListing(deps, idempotencyRecord(admin, 'key-2', { ...body, title: 'Anders' }), body)).toEqual({
      kind: 'key-reused',
    });
    expect(await earlierListing(deps, record, { title: 'Genoemd' })).toBeUndefined();
  });

  it("names a taken id, and refuses a provider's offer for another organisation", async () => {
    const { deps } = world();
    await createListing(deps, admin, offerInput({ id: 'off-taken' }), undefined);
    expect(await createListing(deps, admin, offerInput({ id: 'off-taken' }), undefined)).toEqual({ kind: 'exists', id: 'off-taken' });
    const foreign = await createListing(
      deps,
      providerOf('org-prov'),
      offerInput({ provider: { ...offerInput().provider, id: 'org-else' } }),
      undefined,
    );
    expect(foreign).toMatchObject({ kind: 'forbidden', detail: expect.stringMatching(/own organisation/) });
    const gone = await createListing(deps, providerOf('org-gone'), offerInput(), undefined);
    expect(gone).toMatchObject({ kind: 'forbidden', detail: expect.stringMatching(/does not exist/) });
  });
});

describe('replacing and withdrawing a listing', () => {
  it('refuses a withdrawn listing or a stale If-Match before the body is read', async () => {
    const { deps } = world();
    const created = await createListing(deps, admin, offerInput({ id: 'off-r' }), undefined);
    const current = (await findVisibleListing(deps, admin, 'off-r'))!;
    expect(created.kind).toBe('created');
    expect(replaceRefusal(current, undefined)).toBeUndefined();
    expect(replaceRefusal(current, 1)).toBeUndefined();
    expect(replaceRefusal(current, 7)).toEqual({ kind: 'stale', revision: 1, wanted: 7 });
    expect(replaceRefusal({ ...current, status: 'withdrawn' }, 1)).toEqual({ kind: 'withdrawn' });
  });

  it('replaces at the revision read, and reports a change made meanwhile instead of losing it', async () => {
    const { deps, offers, publication } = world();
    await createListing(deps, admin, offerInput({ id: 'off-r' }), undefined);
    const current = (await findVisibleListing(deps, admin, 'off-r'))!;
    const replaced = await replaceListing(deps, admin, current, offerInput({ title: 'Nieuwe titel' }));
    expect(replaced).toMatchObject({ kind: 'replaced', doc: { revision: 2, data: { id: 'off-r', title: 'Nieuwe titel' } } });
    expect(offers.eventsOf('off-r').map((e) => e.type)).toEqual(['offer.created', 'offer.updated']);
    expect(publication.calls.slice(-2)).toEqual(['afterWrite', 'publishSoon Offer off-r']);
    // `current` is still revision 1: someone else's change came in between.
    expect(await replaceListing(deps, admin, current, offerInput({ title: 'Te laat' }))).toEqual({ kind: 'changed-meanwhile' });
    expect(offers.docs.get('off-r')?.data.title).toBe('Nieuwe titel');
  });

  it("withdraws once with its event, and treats another's listing as none", async () => {
    const { deps, offers } = world();
    await createListing(deps, admin, offerInput({ id: 'off-w' }), undefined);
    expect(await withdrawListing(deps, providerOf('org-other'), 'off-w', 'nee')).toEqual({ kind: 'not-found' });
    expect(await withdrawListing(deps, admin, 'off-w', 'Niet meer beschikbaar')).toMatchObject({
      kind: 'withdrawn',
      doc: { status: 'withdrawn', revision: 2 },
    });
    expect(offers.eventsOf('off-w')[1]).toMatchObject({
      type: 'offer.withdrawn',
      key: 'off-w',
      payload: { offerId: 'off-w', reason: 'Niet meer beschikbaar' },
    });
    expect(await withdrawListing(deps, admin, 'off-w', undefined)).toEqual({ kind: 'already-withdrawn' });
    expect(await withdrawListing(deps, admin, 'off-none', undefined)).toEqual({ kind: 'not-found' });
  });
});

describe('listing pages', () => {
  it('continues after the cursor of the previous page and refuses a cursor of another sort', async () => {
    const { deps } = world();
    for (const n of [1, 2, 3]) await createListing(deps, admin, offerInput({ id: `off-p${n}` }), undefined);
    const query = { sort: 'createdAt' as const, limit: 2 };
    const first = await findListings(deps, admin, query);
    if (first.kind !== 'page') throw new Error('expected a page');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await findListings(deps, admin, { ...query, cursor: first.nextCursor! });
    if (second.kind !== 'page') throw new Error('expected a page');
    expect([...first.items, ...second.items].map((d) => d._id).sort()).toEqual(['off-p1', 'off-p2', 'off-p3']);
    expect(second.nextCursor).toBeNull();
    expect(await findListings(deps, admin, { ...query, sort: '-updatedAt', cursor: first.nextCursor! })).toEqual({ kind: 'bad-cursor' });
    expect(await findListings(deps, providerOf('org-other'), query)).toMatchObject({ kind: 'page', items: [] });
  });
});

describe('a school board asking for its schools (issue #13)', () => {
  const board = {
    id: 'org-board',
    type: 'school_board',
    role: 'requester',
    name: 'Scholengroep Leie',
    contacts: [{ name: 'Lien', email: 'lien@example.org', language: 'nl' }],
    place: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.83, lon: 3.26 },
  } as Organisation;
  const member = {
    id: 'org-linde',
    type: 'school',
    role: 'requester',
    name: 'Basisschool De Linde',
    contacts: [{ name: 'Tom', email: 'tom@example.org', language: 'nl' }],
    place: { municipality: 'Harelbeke', postcode: '8530', country: 'BE', lat: 50.85, lon: 3.31 },
    memberOf: ['org-board'],
  } as Organisation;
  const stranger = { ...member, id: 'org-other', name: 'Basisschool Elders', memberOf: [] } as Organisation;
  const boardToken: Principal = { sub: 'lien@example.org', role: 'requester', org: 'org-board', iat: 0, exp: 9e9, jti: 'j-board' };
  const requestBody = (schoolId: string): RequestInput =>
    RequestInputSchema.parse({ ...EXAMPLES.requests.input, school: { id: schoolId, country: 'BE' } });

  function boardWorld() {
    const stores = memoryStores();
    for (const org of [board, member, stranger]) stores.organisations.add(org);
    const deps: ListingDeps<Request, RequestInput> = {
      kind: requestKind,
      store: stores.requests.store,
      organisations: stores.active,
      publication: recordingPublication(),
    };
    return { ...stores, deps };
  }

  it('asks for a member school in its name, names the board, and sees the request in its own list', async () => {
    const { deps, requests } = boardWorld();
    const created = await createListing(deps, boardToken, requestBody('org-linde'), undefined);
    if (created.kind !== 'created') throw new Error(`expected created, got ${JSON.stringify(created)}`);
    expect(created.doc.data).toMatchObject({ school: { id: 'org-linde', name: 'Basisschool De Linde', municipality: 'Harelbeke' } });
    expect(created.doc.data.requestedBy).toBe('org-board');
    expect(requests.docs.get(created.doc._id)).toMatchObject({ ownerId: 'org-linde', managerId: 'org-board' });
    const listed = await findListings(deps, boardToken, ListingQuerySchema.parse({}));
    if (listed.kind !== 'page') throw new Error('expected a page');
    expect(listed.items.map((d) => d._id)).toEqual([created.doc._id]);
    expect(await findVisibleListing(deps, boardToken, created.doc._id)).not.toBeNull();
  });

  it('refuses a school that is not one of its members', async () => {
    const { deps } = boardWorld();
    expect(await createListing(deps, boardToken, requestBody('org-other'), undefined)).toMatchObject({ kind: 'forbidden' });
  });
});
