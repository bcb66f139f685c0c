import { signToken } from '@koppel/auth';
import type { Organisation } from '@koppel/contracts';
import { loadIntakeConfig } from '../src/config';
import { EXAMPLES } from '../src/http/openapi/examples';
import { memoryStores, recordingPublication } from './fakes';
import { startTestApi } from './test-api';

/**
 * The HTTP side of intake over in-memory stores: that the routes map the use cases'
 * results to the status codes, headers and problem documents the API promises.
 * The end-to-end tests (test/e2e) check the same over the real database and broker.
 */
const config = loadIntakeConfig({ AUTH_TOKEN_SECRET: 's'.repeat(48), SIGNIN_LINK_KEY: 'k'.repeat(48) });
const tokenFor = (role: 'admin' | 'provider' | 'requester', org?: string) =>
  signToken(config.AUTH_TOKEN_SECRET, { sub: 'test@example.org', role, org, ttlSeconds: 600 }).token;
const provider = {
  id: 'org-prov',
  type: 'theatre',
  role: 'provider',
  name: 'Theater Antigone',
  contacts: [{ name: 'Ed', email: 'educatie@example.org', language: 'nl' }],
} as Organisation;
const school = {
  id: 'org-school',
  type: 'school',
  role: 'requester',
  name: 'De Regenboog',
  contacts: [{ name: 'An', email: 'directie@example.org', language: 'nl' }],
} as Organisation;

describe('the intake API over in-memory stores', () => {
  const stores = memoryStores();
  stores.organisations.add(provider);
  stores.organisations.add(school);
  const publication = recordingPublication();
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let url: string;
  let failNextRead = false;

  beforeAll(async () => {
    const offers = stores.offers.store;
    const findById = offers.findById.bind(offers);
    // A database that does not answer, once asked to.
    offers.findById = async (id) => {
      if (!failNextRead) return findById(id);
      failNextRead = false;
      throw Object.assign(new Error('connection timed out'), { name: 'MongoNetworkTimeoutError' });
    };
    api = await startTestApi(stores, publication, config);
    url = api.url;
  });
  afterAll(() => api.close());

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const admin = tokenFor('admin');
  const offerBody = (extra: Record<string, unknown> = {}) => ({
    ...EXAMPLES.offers.input,
    provider: { id: 'org-prov', name: 'Theater Antigone', email: 'educatie@example.org', language: 'nl' },
    ...extra,
  });

  it('answers without a token with a 401 problem document, uncached', async () => {
    const res = await call('GET', '/offers');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('creates, reads, replaces and withdraws an offer with the promised headers and codes', async () => {
    const created = await call('POST', '/offers', offerBody(), {}, admin);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get('location')).toBe(`/offers/${id}`);
    expect(created.body).toMatchObject({ status: 'active', revision: 1 });
    expect(created.body).not.toHaveProperty('pendingEvents');
    const read = await call('GET', `/offers/${id}`, undefined, {}, admin);
    expect(read.headers.get('etag')).toBe('"1"');
    expect((await call('PUT', `/offers/${id}`, offerBody(), { 'if-match': '"7"' }, admin)).status).toBe(412);
    expect((await call('PUT', `/offers/${id}`, offerBody(), { 'if-match': 'zeven' }, admin)).body.title).toBe('Invalid If-Match');
    expect((await call('PUT', `/offers/off-none`, offerBody(), { 'if-match': 'zeven' }, admin)).status).toBe(404);
    expect((await call('PUT', `/offers/${id}`, { ...offerBody(), id: 'another' }, {}, admin)).body).toMatchObject({
      status: 400,
      detail: 'The body names another id.',
      errors: [{ path: 'id', message: `must be '${id}' or absent` }],
    });
    const updated = await call('PUT', `/offers/${id}`, offerBody({ title: 'Nieuwe titel' }), { 'if-match': '"1"' }, admin);
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    expect(updated.body).toMatchObject({ title: 'Nieuwe titel', revision: 2 });
    expect((await call('POST', `/offers/${id}/withdraw`, { reason: 'klaar' }, {}, admin)).body).toMatchObject({
      status: 'withdrawn',
      revision: 3,
    });
    expect((await call('POST', `/offers/${id}/withdraw`, {}, {}, admin)).body.title).toBe('Already withdrawn');
    expect((await call('PUT', `/offers/${id}`, offerBody(), {}, admin)).body).toMatchObject({ status: 409, title: 'Withdrawn' });
    expect(stores.offers.eventsOf(id).map((e) => e.type)).toEqual(['offer.created', 'offer.updated', 'offer.withdrawn']);
  });

  it('replays a keyed create and refuses the key with another body', async () => {
    const headers = { 'idempotency-key': 'create-once' };
    const first = await call('POST', '/offers', offerBody({ title: 'Eens' }), headers, admin);
    const again = await call('POST', '/offers', offerBody({ title: 'Eens' }), headers, admin);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.body.id).toBe(first.body.id);
    const other = await call('POST', '/offers', offerBody({ title: 'Anders' }), headers, admin);
    expect(other.body).toMatchObject({ status: 409, title: 'Idempotency-Key reused' });
    expect((await call('POST', '/offers', offerBody(), { 'idempotency-key': 'met spatie' }, admin)).body.title).toBe(
      'Invalid Idempotency-Key',
    );
    expect((await call('POST', '/offers', offerBody({ id: first.body.id }), {}, admin)).body).toMatchObject({
      status: 409,
      detail: `A offer with id '${first.body.id}' already exists.`,
    });
  });

  it('keeps roles to what they may see and do', async () => {
    const asSchool = tokenFor('requester', 'org-school');
    const created = await call('POST', '/offers', offerBody(), {}, admin);
    expect((await call('GET', '/offers', undefined, {}, asSchool)).body.detail).toBe('A requester cannot read offers.');
    expect((await call('GET', `/offers/${created.body.id}`, undefined, {}, tokenFor('provider', 'org-school'))).status).toBe(404);
    expect((await call('GET', '/offers?cursor=nonsense', undefined, {}, admin)).body.errors).toEqual([
      { path: 'cursor', message: 'use nextCursor of the previous page, with the same sort' },
    ]);
    expect((await call('PUT', '/organisations/org-school/mail-preference', { mailPreference: 'each' }, {}, asSchool)).status).toBe(403);
    expect((await call('PUT', '/organisations/org-prov/mail-preference', { mailPreference: 'each' }, {}, asSchool)).status).toBe(404);
    expect((await call('PUT', '/organisations/org-school/mail-preference', { mailPreference: 'each' }, {}, admin)).body).toMatchObject({
      status: 400,
      errors: [{ path: 'mailPreference', message: "'org-school' is not a provider" }],
    });
    expect((await call('GET', '/organisations', undefined, {}, asSchool)).status).toBe(403);
  });

  it('manages organisations and erases one only when told so', async () => {
    const body = { id: 'org-bib', type: 'library', name: 'Bib', contacts: [{ name: 'X', email: 'x@example.org' }] };
    const created = await call('POST', '/organisations', body, {}, admin);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/organisations/org-bib');
    expect((await call('POST', '/organisations', body, {}, admin)).body.detail).toBe("An organisation with id 'org-bib' already exists.");
    expect((await call('DELETE', '/organisations/org-bib', undefined, {}, admin)).body.errors).toEqual([
      { path: 'erase', message: "must be 'true'" },
    ]);
    expect((await call('DELETE', '/organisations/org-bib?erase=true', undefined, {}, admin)).body).toMatchObject({
      status: 'withdrawn',
      name: '(gewist)',
    });
    expect((await call('POST', '/organisations/org-bib/withdraw', {}, {}, admin)).body.title).toBe('Already withdrawn');
    expect((await call('PUT', '/organisations/org-none', { ...body, id: undefined }, {}, admin)).status).toBe(404);
  });

  it('answers sign-in requests alike and refuses an unknown link', async () => {
    const res = await call('POST', '/auth/sign-in-links', { email: 'nobody@example.org' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'accepted', detail: 'If the address belongs to a contact, a sign-in link is on its way.' });
    expect((await call('POST', '/auth/sessions', { token: 'x'.repeat(43) })).body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('answers 503 with Retry-After while the database does not answer', async () => {
    failNextRead = true;
    const res = await call('GET', '/offers/off-any', undefined, {}, admin);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body.detail).toMatch(/may have been stored/);
  });
});
