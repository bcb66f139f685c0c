import { addressHashOf } from '@koppel/auth';
import { ERASED, type Offer, type OfferInput, OfferInputSchema, type Organisation, type OrganisationInput } from '@koppel/contracts';
import { createListing } from '../src/app/listings/create-listing';
import { offerKind } from '../src/app/listings/kinds';
import {
  chooseMailPreference,
  mailPreferenceAccess,
  replaceOrganisation,
  withdrawOrganisation,
} from '../src/app/organisations/change-organisation';
import { createOrganisation } from '../src/app/organisations/create-organisation';
import type { OrganisationDeps } from '../src/app/organisations/deps';
import { eraseOrganisation } from '../src/app/organisations/erase-organisation';
import { findOrganisations, readOrganisation } from '../src/app/organisations/read-organisations';
import type { Principal } from '../src/app/principal';
import { EXAMPLES } from '../src/http/openapi/examples';
import { memoryStores, recordingPublication } from './fakes';

const admin: Principal = { sub: 'admin@example.org', role: 'admin', iat: 0, exp: 9e9, jti: 'j-admin' };
const tokenOf = (role: Principal['role'], org: string): Principal => ({ sub: 's', role, org, iat: 0, exp: 9e9, jti: `j-${org}` });
const provider = {
  id: 'org-prov',
  type: 'theatre',
  role: 'provider',
  name: 'Theater Antigone',
  contacts: [
    { name: 'Ed', email: 'Educatie@example.org', language: 'nl' },
    { name: 'Jo', email: 'jo@example.org', language: 'nl' },
  ],
} as Organisation;
const school = {
  id: 'org-school',
  type: 'school',
  role: 'requester',
  name: 'De Regenboog',
  contacts: [{ name: 'An', email: 'directie@example.org', language: 'nl' }],
} as Organisation;

function world() {
  const stores = memoryStores();
  stores.organisations.add(provider);
  stores.organisations.add(school);
  const publication = recordingPublication();
  const forgotten: string[] = [];
  const deps: OrganisationDeps = {
    store: stores.organisations.store,
    active: { get: stores.active.get, awaitsApproval: stores.active.awaitsApproval, forget: (id) => void forgotten.push(id) },
    publication,
    listings: { offers: stores.offers.store, requests: stores.requests.store },
  };
  return { ...stores, publication, forgotten, deps };
}

const input = (name: string): OrganisationInput => ({
  type: 'theatre',
  name,
  contacts: [{ name: 'Ed', email: 'ed@example.org', language: 'nl' }],
});

describe('organisations', () => {
  it('creates with its event (no crash point: only listing and sign-in writes have one), and pages in id order', async () => {
    const { deps, organisations, publication } = world();
    const created = await createOrganisation(deps, { ...input('Nieuw'), id: 'org-new' }, undefined);
    expect(created).toMatchObject({ kind: 'created', doc: { _id: 'org-new', revision: 1, data: { role: 'provider' } } });
    expect(organisations.eventsOf('org-new')).toEqual([
      expect.objectContaining({ type: 'organisation.created', payload: expect.objectContaining({ revision: 1 }) }),
    ]);
    expect(publication.calls).toEqual(['publishSoon Organisation org-new']);
    expect(await createOrganisation(deps, { ...input('Nog eens'), id: 'org-new' }, undefined)).toEqual({ kind: 'exists', id: 'org-new' });
    const first = await findOrganisations(deps, { limit: 2 });
    expect(first.items.map((d) => d._id)).toEqual(['org-new', 'org-prov']);
    expect((await findOrganisations(deps, { limit: 2, cursor: first.nextCursor! })).items.map((d) => d._id)).toEqual(['org-school']);
    expect((await findOrganisations(deps, { limit: 5, role: 'requester' })).items.map((d) => d._id)).toEqual(['org-school']);
  });

  it('lets an organisation read itself only', async () => {
    const { deps } = world();
    expect(await readOrganisation(deps, tokenOf('provider', 'org-prov'), 'org-prov')).toMatchObject({ _id: 'org-prov' });
    expect(await readOrganisation(deps, tokenOf('provider', 'org-prov'), 'org-school')).toBeUndefined();
    expect(await readOrganisation(deps, admin, 'org-school')).toMatchObject({ _id: 'org-school' });
  });

  it('replaces at the next revision with its event, reading again when another change came first', async () => {
    const { deps, organisations, forgotten } = world();
    organisations.missNext = 2;
    const result = await replaceOrganisation(deps, 'org-prov', input('Theater Antigone Kortrijk'));
    expect(result).toMatchObject({
      kind: 'changed',
      doc: { revision: 2, data: { name: 'Theater Antigone Kortrijk' }, contactEmails: ['ed@example.org'] },
    });
    expect(organisations.eventsOf('org-prov')).toEqual([
      expect.objectContaining({ type: 'organisation.updated', payload: expect.objectContaining({ revision: 2 }) }),
    ]);
    expect(forgotten).toEqual(['org-prov']);
    organisations.missNext = 5;
    expect(await replaceOrganisation(deps, 'org-prov', input('Nooit'))).toEqual({ kind: 'kept-changing' });
    expect(await replaceOrganisation(deps, 'org-none', input('Niemand'))).toEqual({ kind: 'not-found' });
    expect(await replaceOrganisation(deps, 'org-prov', { ...input('Nergens'), place: { country: 'BE', postcode: '0000' } })).toMatchObject({
      kind: 'invalid',
      errors: expect.arrayContaining([expect.objectContaining({ path: 'place.postcode' })]),
    });
  });

  it("lets a provider and an admin choose a provider's mail preference, nobody else", async () => {
    const { deps } = world();
    expect(mailPreferenceAccess(admin, 'org-school')).toBeUndefined();
    expect(mailPreferenceAccess(tokenOf('provider', 'org-prov'), 'org-prov')).toBeUndefined();
    expect(mailPreferenceAccess(tokenOf('requester', 'org-school'), 'org-school')).toMatchObject({ kind: 'forbidden' });
    expect(mailPreferenceAccess(tokenOf('provider', 'org-prov'), 'org-school')).toEqual({ kind: 'not-found' });
    expect(await chooseMailPreference(deps, 'org-school', { mailPreference: 'daily_digest' })).toEqual({ kind: 'not-a-provider' });
    expect(await chooseMailPreference(deps, 'org-prov', { mailPreference: 'daily_digest' })).toMatchObject({
      kind: 'changed',
      doc: { data: { mailPreference: 'daily_digest', name: 'Theater Antigone' } },
    });
  });

  it('withdraws once: its sign-in links go, and a change afterwards is refused', async () => {
    const { deps, organisations } = world();
    const withdrawn = await withdrawOrganisation(deps, 'org-school');
    expect(withdrawn).toMatchObject({ kind: 'changed', doc: { status: 'withdrawn', revision: 2, signInLinks: [] } });
    expect(organisations.eventsOf('org-school')[0]).toMatchObject({
      type: 'organisation.withdrawn',
      payload: { organisationId: 'org-school', revision: 2 },
    });
    expect(await withdrawOrganisation(deps, 'org-school')).toEqual({ kind: 'already-withdrawn' });
    expect(await withdrawOrganisation(deps, 'org-none')).toEqual({ kind: 'not-found' });
    expect(await replaceOrganisation(deps, 'org-school', input('Terug'))).toEqual({ kind: 'withdrawn' });
  });
});

describe('erasing an organisation', () => {
  const offerInput = (id: string): OfferInput =>
    OfferInputSchema.parse({
      ...EXAMPLES.offers.input,
      id,
      provider: { id: 'org-prov', name: 'Theater Antigone', email: 'jo@example.org', language: 'nl' },
    });

  it('erases its listings and itself with their events, and finishes again without a second event', async () => {
    const { deps, offers, organisations, publication, forgotten } = world();
    const listingDeps = { kind: offerKind, store: offers.store, organisations: deps.active, publication };
    for (const id of ['off-e1', 'off-e2']) await createListing<Offer, OfferInput>(listingDeps, admin, offerInput(id), undefined);
    await offers.store.withdrawIfActive('off-e2', new Date(), []);
    publication.calls.length = 0;

    const result = await eraseOrganisation(deps, 'org-prov');
    expect(result).toMatchObject({
      kind: 'erased',
      doc: { status: 'withdrawn', revision: 2, contactEmails: [], data: { name: ERASED.name, contacts: [] } },
    });
    for (const id of ['off-e1', 'off-e2'])
      expect(offers.docs.get(id)).toMatchObject({ status: 'withdrawn', data: { provider: { name: ERASED.name, email: ERASED.email } } });
    expect(offers.eventsOf('off-e1').at(-1)).toMatchObject({ type: 'offer.withdrawn', payload: { offerId: 'off-e1', reason: 'erased' } });
    expect(offers.eventsOf('off-e2').map((e) => e.type)).toEqual(['offer.created']); // withdrawn before: no second withdrawal
    expect(organisations.eventsOf('org-prov')).toEqual([
      expect.objectContaining({
        type: 'organisation.erased',
        payload: {
          organisationId: 'org-prov',
          revision: 2,
          addressHashes: [addressHashOf('Educatie@example.org'), addressHashOf('jo@example.org')],
        },
      }),
    ]);
    expect(publication.calls).toEqual(['publishSoon Offer off-e1', 'afterWrite', 'publishSoon Organisation org-prov']);
    expect(forgotten).toEqual(['org-prov']);

    publication.calls.length = 0;
    expect(await eraseOrganisation(deps, 'org-prov')).toMatchObject({ kind: 'erased', doc: { revision: 2 } });
    expect(organisations.eventsOf('org-prov')).toHaveLength(1);
    expect(publication.calls).toEqual([]);
    expect(await eraseOrganisation(deps, 'org-none')).toEqual({ kind: 'not-found' });
  });

  it('reports a change made while it was being erased', async () => {
    const { deps, organisations } = world();
    organisations.missNext = 1;
    expect(await eraseOrganisation(deps, 'org-school')).toEqual({ kind: 'changed-meanwhile' });
  });
});

describe('umbrella organisations (issue #13)', () => {
  const board = {
    id: 'org-board',
    type: 'school_board',
    role: 'requester',
    name: 'Scholengroep Kortrijk',
    contacts: [{ name: 'Lien', email: 'lien@example.org', language: 'nl' }],
  } as Organisation;
  const member = (memberOf: string[]): OrganisationInput => ({
    type: 'school',
    name: 'Basisschool De Linde',
    contacts: [{ name: 'Tom', email: 'tom@example.org', language: 'nl' }],
    schoolLevels: ['be_primary'],
    memberOf,
  });

  it('stores a school as a member of its school board, with its levels', async () => {
    const w = world();
    w.organisations.add(board);
    const created = await createOrganisation(w.deps, { ...member(['org-board']), id: 'org-linde' }, undefined);
    expect(created).toMatchObject({ kind: 'created', doc: { data: { memberOf: ['org-board'], schoolLevels: ['be_primary'] } } });
  });

  it('refuses an umbrella that does not exist or is no umbrella, naming each entry', async () => {
    const w = world();
    w.organisations.add(board);
    const refused = await createOrganisation(w.deps, { ...member(['org-nope', 'org-prov', 'org-board']), id: 'org-linde' }, undefined);
    expect(refused).toEqual({
      kind: 'invalid',
      errors: [
        { path: 'memberOf.0', message: 'no other organisation has the id org-nope' },
        { path: 'memberOf.1', message: 'must be a school board or a cultural hub' },
      ],
    });
    expect(w.publication.calls).toEqual([]);
    expect(await w.deps.store.findById('org-linde')).toBeNull();
  });

  it('checks the umbrellas again when an organisation is replaced', async () => {
    const w = world();
    const replaced = await replaceOrganisation(w.deps, 'org-school', member(['org-school']));
    expect(replaced).toMatchObject({ kind: 'invalid', errors: [{ path: 'memberOf.0' }] });
  });
});
