import { type KoppelEvent, TOPICS } from '@koppel/contracts';
import { createMemoryTransport } from '@koppel/messaging';
import { bearer, demoOffers, readTestStack, requestJson, uniqueCopy, waitFor } from '@koppel/testkit';
import type { RunningIntake } from '../../src';
import { startIntakeOn } from './start-intake';

/**
 * Intake as a component: its real HTTP API and store on the run's database, in this
 * process, publishing through its outbox to the in-process transport (no Kafka).
 */
describe('intake, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  let running: RunningIntake;

  beforeAll(async () => {
    running = await startIntakeOn(transport, { INTAKE_DB: `${stack.namespace}-intake-component-${Date.now()}` });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  const eventsOn = async (topic: string) =>
    (await transport.readTopic(topic)).flatMap((m) => (m.value ? [JSON.parse(m.value) as KoppelEvent] : []));

  it('when an admin posts an offer, then it is stored and offer.created goes out once, carrying the request id', async () => {
    const offer = uniqueCopy(demoOffers()[0], `c${Date.now().toString(36)}`);
    const res = await requestJson('POST', `${running.url}/offers`, offer, {
      ...bearer(stack.adminToken),
      'x-request-id': 'req-component-1',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/offers/${offer.id}`);
    await waitFor('offer.created on the transport', async () => (await eventsOn(TOPICS.offers)).some((e) => e.key === offer.id), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const created = (await eventsOn(TOPICS.offers)).filter((e) => e.key === offer.id);
    expect(created.map((e) => e.type)).toEqual(['offer.created']);
    expect(created[0].correlationId).toBe('req-component-1');

    // The same POST again (a client's retry) is a conflict and publishes nothing more.
    const again = await requestJson('POST', `${running.url}/offers`, offer, bearer(stack.adminToken));
    expect(again.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await eventsOn(TOPICS.offers)).filter((e) => e.key === offer.id)).toHaveLength(1);
  });

  it('when the token is missing, then it answers 401 and publishes nothing', async () => {
    const before = await transport.topicSize(TOPICS.offers);
    const res = await requestJson('POST', `${running.url}/offers`, uniqueCopy(demoOffers()[1], 'anon'));
    expect(res.status).toBe(401);
    expect(await transport.topicSize(TOPICS.offers)).toBe(before);
  });
});
