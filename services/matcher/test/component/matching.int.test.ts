import { ALL_TOPICS, createEnvelope, type KoppelEvent, TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { createMemoryTransport, Publisher } from '@koppel/messaging';
import { readTestStack, waitFor } from '@koppel/testkit';
import { makeOffer, makeRequest } from '../../../../packages/matching/test/fixtures';
import { loadMatcherConfig, matcher, type RunningMatcher } from '../../src';

/**
 * The matcher as a component: started in this process on the in-process transport
 * (no Kafka), with its real store on the run's database. Events go in on the
 * transport; what it publishes is read back from the transport.
 */
describe('the matcher, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const publisher = new Publisher(transport);
  let running: RunningMatcher;

  beforeAll(async () => {
    const config = loadMatcherConfig({
      MONGO_URI: stack.mongoUri,
      MATCHER_DB: `${stack.namespace}-matcher-component-${Date.now()}`,
      MATCHER_PORT: '0',
      MATCHER_GROUP_ID: 'matcher-component',
      KAFKA_BROKERS: 'not-used:9092',
    });
    await transport.ensureTopics(ALL_TOPICS);
    running = await matcher.start(config, createLogger('matcher', { write: () => undefined }), { transport });
    // Ready: its consumer has joined (so `transport.idle()` waits for it).
    await waitFor('the matcher to be ready', async () => (await fetch(`${running.url}/readyz`)).ok, { timeoutMs: 30_000, intervalMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  const proposals = async () =>
    (await transport.readTopic(TOPICS.matchesProposed)).map(
      (m) => JSON.parse(m.value ?? 'null') as Extract<KoppelEvent, { type: 'match.proposed' }>,
    );

  it('when an offer and a fitting request arrive, then it proposes the pair once, with an explanation', async () => {
    const offer = makeOffer({ id: 'off-c1' });
    const request = makeRequest({ id: 'req-c1' });
    await publisher.publish(TOPICS.offers, createEnvelope({ type: 'offer.created', key: offer.id, payload: { offer } }));
    const created = createEnvelope({ type: 'request.created', key: request.id, payload: { request } });
    await publisher.publish(TOPICS.requests, created);
    await transport.idle();
    const [proposal, ...more] = await proposals();
    expect(more).toEqual([]);
    expect(proposal.payload.match).toMatchObject({ requestId: 'req-c1', offerId: 'off-c1' });
    expect(proposal.payload.match.summary.length).toBeGreaterThan(0);
    expect(proposal.causationId).toBe(created.id);
    expect(running.engine.offerCount).toBe(1);

    // A redelivered request event yields the very same proposal event (same id): review dedupes it.
    await publisher.publish(TOPICS.requests, created);
    await transport.idle();
    const again = await proposals();
    expect(again).toHaveLength(2);
    expect(again[1].id).toBe(proposal.id);
  });

  it('when an offer is withdrawn, then a later request is not proposed it', async () => {
    const offer = makeOffer({ id: 'off-c2' });
    await publisher.publish(TOPICS.offers, createEnvelope({ type: 'offer.created', key: offer.id, payload: { offer } }));
    await publisher.publish(TOPICS.offers, createEnvelope({ type: 'offer.withdrawn', key: offer.id, payload: { offerId: offer.id } }));
    // Topics are not ordered among each other (on Kafka neither): the request comes once the withdrawal is handled.
    await transport.idle();
    const request = makeRequest({ id: 'req-c2' });
    await publisher.publish(TOPICS.requests, createEnvelope({ type: 'request.created', key: request.id, payload: { request } }));
    await transport.idle();
    // Topics are read partition by partition, not in time order: pick the new request's proposals.
    const offered = (await proposals()).filter((p) => p.payload.match.requestId === 'req-c2').map((p) => p.payload.match.offerId);
    expect(offered).toEqual(['off-c1']);
  });

  it('when a request finds nothing that fits, then match.missed says which offers came nearest and why', async () => {
    const offer = makeOffer({
      id: 'off-c3',
      title: 'Circusatelier jongleren',
      description: 'Jongleren en acrobatie.',
      audience: { ageMin: 15, ageMax: 18 },
    });
    await publisher.publish(TOPICS.offers, createEnvelope({ type: 'offer.created', key: offer.id, payload: { offer } }));
    await transport.idle();
    const request = makeRequest({
      id: 'req-c3',
      title: 'Jongleren in de klas',
      description: 'Een circusatelier jongleren.',
      pupils: { ageMin: 8, ageMax: 9 },
    });
    await publisher.publish(TOPICS.requests, createEnvelope({ type: 'request.created', key: request.id, payload: { request } }));
    await transport.idle();
    const missed = (await transport.readTopic(TOPICS.matchesMissed))
      .map((m) => JSON.parse(m.value ?? 'null') as KoppelEvent)
      .filter((e) => e.type === 'match.missed' && e.key === 'req-c3');
    expect(missed).toHaveLength(1);
    if (missed[0].type !== 'match.missed') throw new Error('not a miss');
    // Fewer than the three asked for (the earlier tests' offers may fit a little): the circus offer is the nearest miss.
    expect(missed[0].payload).toMatchObject({ requestId: 'req-c3', wanted: 3, pupilAges: [8, 9] });
    expect(missed[0].payload.proposals).toBeLessThan(3);
    const circus = missed[0].payload.nearMisses.find((m) => m.offerId === 'off-c3');
    expect(circus?.reasons).toEqual([{ constraint: 'ages', offerAges: [15, 18], pupilAges: [8, 9] }]);
  });
});
