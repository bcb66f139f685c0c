import { randomBytes } from 'node:crypto';
import { signToken } from '@koppel/auth';
import { ALL_TOPICS, createEnvelope, type Offer, type Request, TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { createMemoryTransport, Publisher } from '@koppel/messaging';
import { bearer, readTestStack, requestJson, waitFor } from '@koppel/testkit';
import { makeOffer, makeRequest } from '../../../../packages/matching/test/fixtures';
import { loadReviewConfig, type RunningReview, review } from '../../src';

/**
 * What providers can learn from demand (issue #13) as a component: offers and requests in
 * through the in-process transport, the provider's anonymised figures out of
 * `/insights/demand`, on the run's real database (a database of its own, so the figures
 * are this test's alone).
 */
describe('review demand in a provider’s reach, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const publisher = new Publisher(transport);
  const portal = 'http://portal.example.test';
  type Claims = Parameters<typeof signToken>[1];
  const tokenOf = (role: 'provider' | 'requester' | 'broker', org: string, extra: Partial<Claims> = {}) =>
    bearer(signToken(stack.authSecret, { sub: `${org}@example.org`, role, org, ttlSeconds: 600, ...extra }).token);
  const admin = bearer(stack.adminToken);
  let running: RunningReview;
  const database = `${stack.namespace}-review-demand-${Date.now()}`;

  beforeAll(async () => {
    await transport.ensureTopics(ALL_TOPICS);
    const config = loadReviewConfig({
      MONGO_URI: stack.mongoUri,
      REVIEW_DB: database,
      REVIEW_INSIGHTS_DB: `${database}-insights`,
      REVIEW_PORT: '0',
      REVIEW_GROUP_ID: 'review-demand-component',
      REVIEW_CORS_ORIGINS: portal,
      AUTH_TOKEN_SECRET: stack.authSecret,
      ANSWER_LINK_SECRET: randomBytes(32).toString('base64url'),
      KAFKA_BROKERS: 'not-used:9092',
      OUTBOX_INTERVAL_MS: '100',
    });
    running = await review.start(config, createLogger('review', { write: () => undefined }), { transport });
    await waitFor('review to be ready', async () => (await fetch(`${running.url}/readyz`)).ok, { timeoutMs: 30_000, intervalMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  /** Minutes ago: inside any window, whatever the day the test runs. */
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
  const publishOffer = (offer: Offer) =>
    publisher.publish(TOPICS.offers, createEnvelope({ type: 'offer.created', key: offer.id, payload: { offer }, occurredAt: ago(60) }));
  const publishRequest = (request: Request, minutesAgo: number) =>
    publisher.publish(
      TOPICS.requests,
      createEnvelope({ type: 'request.created', key: request.id, payload: { request }, occurredAt: ago(minutesAgo) }),
    );
  const withdrawOrganisation = (organisationId: string) =>
    publisher.publish(
      TOPICS.organisations,
      createEnvelope({ type: 'organisation.withdrawn', key: organisationId, payload: { organisationId, revision: 2 }, occurredAt: ago(1) }),
    );
  const demand = (query: string, headers: Record<string, string>) =>
    requestJson('GET', `${running.url}/insights/demand${query}`, undefined, headers);

  const PROVIDER = 'prov-demand-kortrijk';
  const school = (id: string, municipality: string, postcode: string, country: 'BE' | 'NL' | 'FR', lat: number, lon: number) => ({
    id,
    name: `Basisschool ${id.toUpperCase()}`,
    municipality,
    postcode,
    country,
    lat,
    lon,
  });
  const MENEN = (id: string) => school(id, 'Menen', '8930', 'BE', 50.797, 3.122); // ~11 km from Kortrijk
  const near = [
    makeRequest({ id: 'req-d-menen-1', title: 'Theater voor het eerste leerjaar', school: MENEN('sch-d-menen-1') }),
    makeRequest({ id: 'req-d-menen-2', title: 'Dans voor de kleuters', school: MENEN('sch-d-menen-2'), disciplines: ['dance'] }),
    makeRequest({
      id: 'req-d-menen-3',
      // The requester's name in its own title: taken out.
      title: 'Circus op Basisschool SCH-D-MENEN-3',
      school: MENEN('sch-d-menen-3'),
      disciplines: ['circus'],
      pupils: { ageMin: 12, ageMax: 13 },
    }),
    makeRequest({
      id: 'req-d-waregem',
      title: 'Muziek in Waregem',
      school: school('sch-d-waregem', 'Waregem', '8790', 'BE', 50.889, 3.426),
    }),
    // Far, but in Belgium: reached by the online offer.
    makeRequest({
      id: 'req-d-antwerpen',
      title: 'Online erfgoedles',
      school: school('sch-d-antwerpen', 'Antwerpen', '2000', 'BE', 51.219, 4.402),
      disciplines: ['heritage'],
    }),
  ];
  const far = [
    // ~27 km: beyond the at_school offer's 20 km, and not in Belgium for the online one.
    makeRequest({ id: 'req-d-lille', title: 'Atelier à Lille', school: school('sch-d-lille', 'Lille', '59000', 'FR', 50.629, 3.057) }),
    makeRequest({
      id: 'req-d-maastricht',
      title: 'Muziek in Maastricht',
      school: school('sch-d-maastricht', 'Maastricht', '6211', 'NL', 50.851, 5.691),
    }),
  ];
  // Near, but its organisation is withdrawn: counts nowhere.
  const gone = makeRequest({ id: 'req-d-gone', title: 'Vertrokken school', school: MENEN('sch-d-gone') });

  it('when a provider’s offers reach requests near and not far, then its token sees the near ones counted and titles without names', async () => {
    await publishOffer(
      makeOffer({
        id: 'off-d-travels',
        provider: { id: PROVIDER, name: 'Theater Kortrijk' },
        reach: { mode: 'at_school', maxTravelKm: 20 },
      }),
    );
    await publishOffer(
      makeOffer({ id: 'off-d-online', provider: { id: PROVIDER, name: 'Theater Kortrijk' }, reach: { mode: 'online', maxTravelKm: 0 } }),
    );
    await publishOffer(
      makeOffer({
        id: 'off-d-gent',
        provider: { id: 'prov-demand-gent', name: 'Gent Speelt' },
        location: { municipality: 'Gent', postcode: '9000', lat: 51.054, lon: 3.717 },
        reach: { mode: 'at_school', maxTravelKm: 10 },
      }),
    );
    for (const [i, request] of [...near, ...far, gone].entries()) await publishRequest(request, 30 - i);
    await withdrawOrganisation('sch-d-gone');
    await transport.idle();

    const mine = await demand('', tokenOf('provider', PROVIDER));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toBe('no-store');
    expect(mine.body).toMatchObject({ provider: PROVIDER, months: 12, requestsInReach: near.length });
    expect(mine.body.byDiscipline).toEqual([
      { discipline: 'visual_arts', requests: 2 },
      { discipline: 'dance', requests: 1 },
      { discipline: 'heritage', requests: 1 },
      { discipline: 'circus', requests: 1 },
    ]);
    expect(mine.body.byAgeBand).toEqual(
      expect.arrayContaining([
        { ageBand: '9-11', requests: 4 },
        { ageBand: '12-14', requests: 1 },
      ]),
    );
    expect(mine.body.byMonth).toHaveLength(12);
    expect(mine.body.byMonth.reduce((sum: number, m: { requests: number }) => sum + m.requests, 0)).toBe(near.length);
    // Newest first; Menen (3 requests in reach) by name, Waregem and Antwerpen (one each) by their province.
    expect(mine.body.recent.map((r: { title: string; municipality: string }) => [r.title, r.municipality])).toEqual([
      ['Online erfgoedles', 'Antwerpen'],
      ['Muziek in Waregem', 'West-Vlaanderen'],
      ['Circus op …', 'Menen'],
      ['Dans voor de kleuters', 'Menen'],
      ['Theater voor het eerste leerjaar', 'Menen'],
    ]);
    expect(mine.body.recent[0]).toEqual({
      title: 'Online erfgoedles',
      disciplines: ['heritage'],
      ageMin: 9,
      ageMax: 10,
      municipality: 'Antwerpen',
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
    });
    const json = JSON.stringify(mine.body);
    for (const request of [...near, ...far, gone]) {
      expect(json).not.toContain(request.school.id);
      expect(json.toLowerCase()).not.toContain(request.school.name.toLowerCase());
      expect(json).not.toContain(request.id);
    }
    for (const title of [...far, gone].map((r) => r.title)) expect(json).not.toContain(title);

    // An admin asks for the same provider by its id; a provider only for itself.
    const asAdmin = await demand(`?provider=${PROVIDER}&months=2`, admin);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body.requestsInReach).toBe(near.length);
    expect(asAdmin.body.byMonth).toHaveLength(2);
    expect((await demand(`?provider=${PROVIDER}`, tokenOf('provider', PROVIDER))).status).toBe(200);
    expect((await demand('?provider=prov-demand-gent', tokenOf('provider', PROVIDER))).status).toBe(403);
  });

  it('when another provider asks, then it sees none of them', async () => {
    const theirs = await demand('', tokenOf('provider', 'prov-demand-gent'));
    expect(theirs.status).toBe(200);
    expect(theirs.body).toMatchObject({ provider: 'prov-demand-gent', requestsInReach: 0, byDiscipline: [], recent: [] });
    const nothing = await demand('', tokenOf('provider', 'prov-demand-without-offers'));
    expect(nothing.body.requestsInReach).toBe(0);
  });

  it('when a requester, a broker or nobody asks, or the query is wrong, then it is refused', async () => {
    expect((await demand('', tokenOf('requester', 'sch-d-menen-1'))).status).toBe(403);
    expect(
      (await demand('', tokenOf('broker', 'brk-demand', { regions: [{ country: 'BE', postcodeFrom: 8000, postcodeTo: 8999 }] }))).status,
    ).toBe(403);
    expect((await demand('', {})).status).toBe(401);
    const noProvider = await demand('', admin);
    expect(noProvider.status).toBe(400);
    expect(noProvider.body.errors.map((e: { path: string }) => e.path)).toEqual(['provider']);
    const bad = await demand('?months=0&colour=blue', tokenOf('provider', PROVIDER));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveLength(2);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('months');
    expect((await demand('?months=25', tokenOf('provider', PROVIDER))).status).toBe(400);
  });

  it('when a withdrawn provider’s token asks, then it is refused as on the other routes', async () => {
    const leaving = 'prov-demand-leaving';
    await publishOffer(
      makeOffer({ id: 'off-d-leaving', provider: { id: leaving, name: 'Weg' }, reach: { mode: 'online', maxTravelKm: 0 } }),
    );
    await withdrawOrganisation(leaving);
    await transport.idle();
    await waitFor('the withdrawal to be known', async () => (await demand('', tokenOf('provider', leaving))).status === 401, {
      timeoutMs: 15_000,
      intervalMs: 100,
    });
    // An admin asking for it sees nothing in its reach either.
    expect((await demand(`?provider=${leaving}`, admin)).body.requestsInReach).toBe(0);
  });

  it('when the portal’s page calls it from the browser, then CORS lets its origin send the bearer token', async () => {
    const preflight = await fetch(`${running.url}/insights/demand`, {
      method: 'OPTIONS',
      headers: { origin: portal, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(portal);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET');
    const call = await demand('', { origin: portal, ...tokenOf('provider', PROVIDER) });
    expect(call.status).toBe(200);
    expect(call.headers.get('access-control-allow-origin')).toBe(portal);
    const elsewhere = await demand('', { origin: 'http://elsewhere.example.test', ...tokenOf('provider', PROVIDER) });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });
});
