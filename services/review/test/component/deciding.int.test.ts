import { randomBytes } from 'node:crypto';
import { ALL_TOPICS, type KoppelEvent, TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { MatchingEngine } from '@koppel/matching';
import { createMemoryTransport, Publisher } from '@koppel/messaging';
import { bearer, readTestStack, requestJson, waitFor } from '@koppel/testkit';
import { makeOffer, makeRequest } from '../../../../packages/matching/test/fixtures';
// The proposal event exactly as the matcher makes it: review's input is the matcher's output.
import { proposalEvent, snapshotOf } from '../../../matcher/src/app/proposals';
import { loadReviewConfig, type RunningReview, review } from '../../src';

/**
 * Review as a component: proposals in from the in-process transport, its real API
 * and store on the run's database, decisions out through its outbox to the transport.
 */
describe('review, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const publisher = new Publisher(transport);
  let running: RunningReview;

  beforeAll(async () => {
    await transport.ensureTopics(ALL_TOPICS);
    const config = loadReviewConfig({
      MONGO_URI: stack.mongoUri,
      REVIEW_DB: `${stack.namespace}-review-component-${Date.now()}`,
      REVIEW_INSIGHTS_DB: `${stack.namespace}-review-component-insights-${Date.now()}`,
      REVIEW_PORT: '0',
      REVIEW_GROUP_ID: 'review-component',
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

  it('when a proposal arrives and an admin approves it, then match.decided goes out once, naming the decider', async () => {
    const offer = makeOffer({ id: `off-rc-${Date.now()}` });
    const request = makeRequest({ id: `req-rc-${Date.now()}` });
    const engine = new MatchingEngine();
    engine.upsertOffer(offer);
    const [best] = engine.matchRequest(request);
    const proposed = proposalEvent(snapshotOf(best, request, offer), 'source-event-1');
    await publisher.publish(TOPICS.matchesProposed, proposed);
    await publisher.publish(TOPICS.matchesProposed, proposed); // a redelivery: still one proposal
    await transport.idle();

    const admin = bearer(stack.adminToken);
    const listed = await requestJson('GET', `${running.url}/proposals?limit=100`, undefined, admin);
    expect(listed.status).toBe(200);
    const mine = listed.body.items.filter((p: { id: string }) => p.id === proposed.payload.match.matchId);
    expect(mine).toHaveLength(1);

    const approved = await requestJson('POST', `${running.url}/proposals/${encodeURIComponent(mine[0].id)}/approve`, {}, admin);
    expect(approved.status).toBe(200);
    expect((await requestJson('POST', `${running.url}/proposals/${encodeURIComponent(mine[0].id)}/approve`, {}, admin)).status).toBe(409);

    const decided = async () =>
      (await transport.readTopic(TOPICS.matchesDecided))
        .flatMap((m) => (m.value ? [JSON.parse(m.value) as KoppelEvent] : []))
        .filter((e) => e.type === 'match.decided' && e.payload.match.matchId === proposed.payload.match.matchId);
    await waitFor('match.decided on the transport', async () => (await decided()).length > 0, { timeoutMs: 10_000, intervalMs: 50 });
    const [event, ...more] = await decided();
    expect(more).toEqual([]);
    if (event.type !== 'match.decided') throw new Error('not a decision');
    expect(event.payload.decision).toBe('approved');
    expect(event.payload.decidedBy.length).toBeGreaterThan(0);
  });
});
