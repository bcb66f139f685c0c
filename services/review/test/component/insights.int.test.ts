import { randomBytes } from 'node:crypto';
import { signToken } from '@koppel/auth';
import { ALL_TOPICS, createEnvelope, type MatchSnapshot, type Offer, type Request, TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { createMemoryTransport, Publisher } from '@koppel/messaging';
import { bearer, readTestStack, requestJson, waitFor } from '@koppel/testkit';
import { MongoClient } from 'mongodb';
import { makeOffer, makeRequest } from '../../../../packages/matching/test/fixtures';
import { loadReviewConfig, type RunningReview, review } from '../../src';

/**
 * The insights read model as a component: listing, organisation and near-miss events in
 * through the in-process transport (redelivered, stale, withdrawn), the figures out of
 * `/insights/summary`, on the run's real database (a database of its own, so the
 * figures are this test's alone).
 */
describe('review insights, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const publisher = new Publisher(transport);
  const token = (claims: Parameters<typeof signToken>[1]) => signToken(stack.authSecret, claims).token;
  const admin = bearer(stack.adminToken);
  /** A broker of Kortrijk (BE 8500–8599): part of West Flanders. */
  const kortrijk = bearer(
    token({
      sub: 'kortrijk@example.org',
      role: 'broker',
      org: 'b-kortrijk',
      regions: [{ country: 'BE', postcodeFrom: 8500, postcodeTo: 8599 }],
      ttlSeconds: 600,
    }),
  );
  let running: RunningReview;
  const database = `${stack.namespace}-review-insights-${Date.now()}`;

  beforeAll(async () => {
    await transport.ensureTopics(ALL_TOPICS);
    const config = loadReviewConfig({
      MONGO_URI: stack.mongoUri,
      REVIEW_DB: database,
      REVIEW_INSIGHTS_DB: `${database}-insights`,
      REVIEW_PORT: '0',
      REVIEW_GROUP_ID: 'review-insights-component',
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

  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 10, 9, minutes));
  const offerEvent = (type: 'offer.created' | 'offer.updated', offer: Offer, occurredAt: Date, id?: string) =>
    createEnvelope({ type, key: offer.id, payload: { offer }, occurredAt, id });
  const requestEvent = (type: 'request.created' | 'request.updated', request: Request, occurredAt: Date, id?: string) =>
    createEnvelope({ type, key: request.id, payload: { request }, occurredAt, id });
  const summary = async (query: string, auth = admin) => requestJson('GET', `${running.url}/insights/summary${query}`, undefined, auth);

  it('reports its consumer group in readiness beside review’s own', async () => {
    const ready = await requestJson('GET', `${running.url}/readyz`);
    expect(ready.body.checks.consumer).toMatchObject({ ok: true, groupId: 'review-insights-component' });
    expect(ready.body.checks['consumer:review-insights-component-insights']).toMatchObject({ ok: true });
  });

  it('when listings, a miss, a proposal and withdrawals arrive (twice, and out of date), then every figure counts each once, newest wins', async () => {
    const circus = makeOffer({ id: 'off-circus', disciplines: ['circus'], audience: { ageMin: 15, ageMax: 18 }, pricePerPupil: 0 });
    const painting: Offer = { ...makeOffer({ id: 'off-paint' }), inclusion: { wheelchairAccess: true } };
    const gentOffer = makeOffer({
      id: 'off-gent',
      provider: { id: 'prov-gent' },
      location: { municipality: 'Gent', postcode: '9000', lat: 51.05, lon: 3.72 },
    });
    const goneOffer = makeOffer({ id: 'off-gone', provider: { id: 'prov-gone' } });
    const withdrawnOffer = makeOffer({ id: 'off-withdrawn' });
    const juggling = makeRequest({ id: 'req-juggle', disciplines: ['circus'], pupils: { ageMin: 8, ageMax: 9 } });
    const painted = makeRequest({ id: 'req-paint' });
    const brugge = makeRequest({ id: 'req-brugge', school: { id: 'sch-brugge', municipality: 'Brugge', postcode: '8000' } });

    const created = offerEvent('offer.created', circus, at(1));
    await publisher.publish(TOPICS.offers, created);
    await publisher.publish(TOPICS.offers, created); // a redelivery
    await publisher.publish(TOPICS.offers, offerEvent('offer.created', painting, at(1)));
    await publisher.publish(TOPICS.offers, offerEvent('offer.created', gentOffer, at(1)));
    await publisher.publish(TOPICS.offers, offerEvent('offer.created', goneOffer, at(1)));
    await publisher.publish(TOPICS.offers, offerEvent('offer.created', withdrawnOffer, at(1)));
    await publisher.publish(
      TOPICS.offers,
      createEnvelope({ type: 'offer.withdrawn', key: withdrawnOffer.id, payload: { offerId: withdrawnOffer.id }, occurredAt: at(3) }),
    );
    // An update older than the withdrawal (a replay): it reopens nothing.
    await publisher.publish(TOPICS.offers, offerEvent('offer.updated', withdrawnOffer, at(2)));
    await publisher.publish(
      TOPICS.organisations,
      createEnvelope({
        type: 'organisation.withdrawn',
        key: 'prov-gone',
        payload: { organisationId: 'prov-gone', revision: 2 },
        occurredAt: at(4),
      }),
    );
    // Updates delivered before their creation (a replay): the newest facts win, the earliest event is the creation.
    await publisher.publish(TOPICS.requests, requestEvent('request.updated', { ...painted, title: 'Schilderen, nieuwste titel' }, at(5)));
    await publisher.publish(TOPICS.requests, requestEvent('request.created', painted, at(4)));
    await publisher.publish(TOPICS.requests, requestEvent('request.updated', { ...juggling, title: 'Jongleren, nieuwste titel' }, at(7)));
    await publisher.publish(TOPICS.requests, requestEvent('request.created', juggling, at(6)));
    await publisher.publish(TOPICS.requests, requestEvent('request.created', brugge, at(6)));
    const missed = (minutes: number, nearMisses: unknown[]) =>
      createEnvelope({
        type: 'match.missed',
        key: juggling.id,
        occurredAt: at(minutes),
        payload: {
          requestId: juggling.id,
          schoolId: juggling.school.id,
          title: juggling.title,
          municipality: 'Kortrijk',
          postcode: '8500',
          country: 'BE',
          pupilAges: [8, 9],
          disciplines: ['circus'],
          proposals: 0,
          wanted: 3,
          nearMisses,
        },
      });
    const latestMiss = missed(8, [
      { offerId: circus.id, textMatch: 1, score: null, reasons: [{ constraint: 'ages', offerAges: [15, 18], pupilAges: [8, 9] }] },
    ]);
    await publisher.publish(TOPICS.matchesMissed, latestMiss);
    await publisher.publish(TOPICS.matchesMissed, missed(7, [])); // older: ignored
    await publisher.publish(TOPICS.matchesMissed, latestMiss); // a redelivery
    // A proposal for the painting request (review's own collection, as the matcher makes it).
    const match: MatchSnapshot = {
      matchId: `${painted.id}::${painting.id}`,
      requestId: painted.id,
      offerId: painting.id,
      score: 0.8,
      explanation: {},
      summary: 'Past.',
      request: {
        title: painted.title,
        municipality: 'Kortrijk',
        postcode: '8500',
        country: 'BE',
        ageMin: 9,
        ageMax: 10,
        pupils: 25,
        disciplines: ['visual_arts'],
      },
      offer: { title: painting.title, municipality: 'Kortrijk', format: 'workshop', pricePerPupil: 5, disciplines: ['visual_arts'] },
      school: { id: painted.school.id, name: 'School', language: 'nl' },
      provider: { id: painting.provider.id, name: 'Provider', language: 'nl' },
    };
    await publisher.publish(TOPICS.matchesProposed, createEnvelope({ type: 'match.proposed', key: painted.id, payload: { match } }));
    await transport.idle();

    const all = await summary('');
    expect(all.status).toBe(200);
    expect(all.body.requests).toEqual({ total: 3, withProposal: 1, withoutProposal: 2 });
    // circus, painting, Gent; not the withdrawn one, not the withdrawn organisation's.
    expect(all.body.offers).toEqual({ active: 3 });
    expect(all.body.funnel).toMatchObject({ proposed: 1, approved: 0, confirmed: 0, declined: 0 });
    // Kortrijk: two requests (juggling, painting), two offers (circus, painting); Brugge a request; Gent an offer.
    expect(all.body.municipalities).toEqual([
      { municipality: 'Brugge', region: 'West-Vlaanderen', requests: 1, offers: 0, gap: 1 },
      { municipality: 'Kortrijk', region: 'West-Vlaanderen', requests: 2, offers: 2, gap: 0 },
      { municipality: 'Gent', region: 'Oost-Vlaanderen', requests: 0, offers: 1, gap: -1 },
    ]);
    // Nothing approved, confirmed or called off yet.
    expect(all.body.outcomes).toEqual({
      declines: [],
      toApproval: { requests: 0, medianSeconds: null },
      toConfirmation: { requests: 0, medianSeconds: null },
    });
    const juggle = all.body.unmatched.find((u: { requestId: string }) => u.requestId === juggling.id);
    expect(juggle.title).toBe('Jongleren, nieuwste titel');
    expect(juggle.reasons).toEqual([
      { offerId: circus.id, offerTitle: circus.title, constraint: 'ages', offerAges: [15, 18], pupilAges: [8, 9] },
    ]);
    expect(all.body.unmatched.map((u: { requestId: string }) => u.requestId).sort()).toEqual([brugge.id, juggling.id].sort());
    const cell = (discipline: string, ageBand: string) =>
      all.body.supplyDemand.find((c: { discipline: string; ageBand: string }) => c.discipline === discipline && c.ageBand === ageBand);
    expect(cell('circus', '6-8')).toEqual({ discipline: 'circus', ageBand: '6-8', requests: 1, offers: 0 });
    expect(cell('circus', '15-17')).toEqual({ discipline: 'circus', ageBand: '15-17', requests: 0, offers: 1 });
    expect(cell('visual_arts', '9-11')).toEqual({ discipline: 'visual_arts', ageBand: '9-11', requests: 2, offers: 2 });
    expect(all.body.inclusion.counts).toMatchObject({ freeOrSocialTariff: 1, wheelchairAccess: 1, anyAttribute: 2 });
    // Never reached: the Brugge school (nothing proposed) with its name; the Gent provider (never proposed), not the painting's.
    expect(all.body.neverReached.requesters).toContainEqual({
      organisationId: 'sch-brugge',
      name: brugge.school.name,
      municipality: 'Brugge',
      region: 'West-Vlaanderen',
      requests: [{ requestId: brugge.id, title: brugge.title }],
    });
    expect(all.body.neverReached.providers).toContainEqual({
      organisationId: 'prov-gent',
      name: gentOffer.provider.name,
      municipality: 'Gent',
      region: 'Oost-Vlaanderen',
      offers: [{ offerId: gentOffer.id, title: gentOffer.title }],
    });
    expect(all.body.neverReached.providers.map((p: { organisationId: string }) => p.organisationId)).not.toContain(painting.provider.id);

    // The Kortrijk broker: its own postcodes only (not Brugge, not Gent); East Flanders is not its to ask.
    const mine = await summary('?region=West-Vlaanderen', kortrijk);
    expect(mine.status).toBe(200);
    expect(mine.body.requests).toEqual({ total: 2, withProposal: 1, withoutProposal: 1 });
    expect(mine.body.offers).toEqual({ active: 2 });
    expect((await summary('?region=Oost-Vlaanderen', kortrijk)).status).toBe(403);
    expect((await summary('?region=Oost-Vlaanderen')).body.offers).toEqual({ active: 1 });
    // The period is the requests' creation, their earliest event: the painting request's (09:04, delivered after its update at 09:05).
    expect((await summary('?from=2026-03-10T09:05:00Z&to=2026-03-10T09:06:00Z')).body.requests.total).toBe(2);
    expect((await summary('?from=2026-03-10T09:04:00Z&to=2026-03-10T09:04:00Z')).body.requests.total).toBe(1);
    const bad = await summary('?region=Atlantis&from=gisteren');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['from', 'region']);
    expect((await requestJson('GET', `${running.url}/insights/summary`)).status).toBe(401);
  });

  it('overwrites an erased organisation’s name in its listings, which then count nowhere', async () => {
    await publisher.publish(
      TOPICS.organisations,
      createEnvelope({
        type: 'organisation.erased',
        key: 'prov-gent',
        payload: { organisationId: 'prov-gent', revision: 3, addressHashes: [] },
        occurredAt: at(20),
      }),
    );
    await transport.idle();
    const all = await summary('');
    expect(all.body.neverReached.providers.map((p: { organisationId: string }) => p.organisationId)).not.toContain('prov-gent');
    const client = new MongoClient(stack.mongoUri, { directConnection: true });
    try {
      const doc = await client
        .db(`${database}-insights`)
        .collection('insight_offers')
        .findOne({ _id: 'off-gent' as never });
      expect(doc?.facts?.providerName).toBe('(gewist)');
    } finally {
      await client.close();
    }
  });

  it('lists a registered requester that asked nothing as never reached, by its newest name, and forgets a withdrawn one', async () => {
    const organisation = (id: string, name: string, type = 'after_school_care') => ({
      id,
      type,
      role: 'requester',
      name,
      contacts: [{ name: 'Contact', email: `${id}@example.org`, language: 'nl' }],
      place: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.83, lon: 3.26 },
    });
    const joined = (
      type: 'organisation.created' | 'organisation.updated',
      org: ReturnType<typeof organisation>,
      revision: number,
      minutes: number,
    ) => createEnvelope({ type, key: org.id, payload: { organisation: org as never, revision }, occurredAt: at(minutes) });
    const quiet = organisation('bso-quiet', 'BSO Stil');
    const created = joined('organisation.created', quiet, 1, 30);
    await publisher.publish(TOPICS.organisations, created);
    await publisher.publish(TOPICS.organisations, created); // a redelivery
    await publisher.publish(TOPICS.organisations, joined('organisation.updated', { ...quiet, name: 'BSO Het Speelnest' }, 2, 31));
    const leaving = organisation('jeugd-weg', 'Jeugdhuis Weg', 'youth_work');
    await publisher.publish(TOPICS.organisations, joined('organisation.created', leaving, 1, 30));
    await publisher.publish(
      TOPICS.organisations,
      createEnvelope({
        type: 'organisation.withdrawn',
        key: leaving.id,
        payload: { organisationId: leaving.id, revision: 2 },
        occurredAt: at(32),
      }),
    );
    // A provider joining is no requester never reached.
    await publisher.publish(
      TOPICS.organisations,
      joined('organisation.created', { ...organisation('prov-new', 'Theater Nieuw', 'theatre'), role: 'provider' }, 1, 30),
    );
    await transport.idle();
    const all = await summary('?region=West-Vlaanderen');
    expect(all.status).toBe(200);
    const rows = all.body.neverReached.requesters.filter((r: { requests: unknown[] }) => r.requests.length === 0);
    expect(rows).toEqual([
      { organisationId: 'bso-quiet', name: 'BSO Het Speelnest', municipality: 'Kortrijk', region: 'West-Vlaanderen', requests: [] },
    ]);
    // Another region's broker does not see it.
    const gent = bearer(
      signToken(stack.authSecret, {
        sub: 'gent@example.org',
        role: 'broker',
        org: 'brk-gent',
        regions: [{ country: 'BE', postcodeFrom: 9000, postcodeTo: 9099 }],
        ttlSeconds: 600,
      }).token,
    );
    const theirs = await summary('', gent);
    expect(theirs.body.neverReached.requesters.map((r: { organisationId: string }) => r.organisationId)).not.toContain('bso-quiet');
  });
});
