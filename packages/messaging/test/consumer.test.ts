import { createEnvelope, deadLetterTopicFor, type KoppelEvent, TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { createMemoryTransport, deadLetterCounts, PermanentError, Publisher, type Subscription, subscribe, TransientError } from '../src';

/**
 * The consumer's rules on the in-process transport, in milliseconds: a message that
 * is not an event is dead-lettered with the reason, a transient failure is retried
 * until it passes, a permanent one dead-lettered at once, and what a handler returns
 * is published before its offset is committed. (The same rules against Kafka and a
 * database that goes away: consumer-failures.int.test.ts.)
 */
describe('subscribe on the in-process transport', () => {
  const silent = createLogger('test', { write: () => undefined });
  const withdrawn = (id: string) => createEnvelope({ type: 'offer.withdrawn', key: id, payload: { offerId: id } });
  let subscription: Subscription | undefined;
  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
  });

  async function setUp(handler: (event: KoppelEvent) => Promise<unknown>) {
    const transport = createMemoryTransport();
    await transport.ensureTopics([TOPICS.offers, TOPICS.matchesProposed, deadLetterTopicFor(TOPICS.offers)]);
    const publisher = new Publisher(transport);
    subscription = await subscribe({
      transport,
      publisher,
      groupId: 'g',
      topics: [TOPICS.offers],
      logger: silent,
      retryDelayMs: 5,
      maxRetryDelayMs: 20,
      maxAttempts: 2,
      handler: async (event) => {
        await handler(event);
      },
    });
    return { transport, publisher };
  }

  it('dead-letters a message that is not JSON, with the reason, and goes on with the next', async () => {
    const seen: string[] = [];
    const { transport, publisher } = await setUp(async (event) => seen.push(event.id));
    await publisher.publishRaw(TOPICS.offers, { key: 'x', value: 'not json' });
    const good = withdrawn('o-1');
    await publisher.publish(TOPICS.offers, good);
    await transport.idle();
    expect(seen).toEqual([good.id]);
    const [parked] = await transport.readTopic(deadLetterTopicFor(TOPICS.offers));
    expect(parked.headers['dlq-reason']).toMatch(/not valid JSON/);
    expect(parked.headers['dlq-consumer-group']).toBe('g');
    expect((await deadLetterCounts(transport, [TOPICS.offers]))[0]).toMatchObject({ parked: 1, waiting: 1 });
  });

  it('retries a transient failure until it passes, and dead-letters nothing', async () => {
    let attempts = 0;
    const { transport } = await setUp(async () => {
      attempts += 1;
      if (attempts < 4) throw new TransientError('database away');
    });
    await new Publisher(transport).publish(TOPICS.offers, withdrawn('o-2'));
    await transport.idle();
    expect(attempts).toBe(4);
    expect(subscription!.status()).toMatchObject({ state: 'running', deadLettered: 0 });
    expect(await transport.topicSize(deadLetterTopicFor(TOPICS.offers))).toBe(0);
  });

  it('dead-letters a permanent failure at once', async () => {
    let attempts = 0;
    const { transport } = await setUp(async () => {
      attempts += 1;
      throw new PermanentError('this offer can never be handled');
    });
    await new Publisher(transport).publish(TOPICS.offers, withdrawn('o-3'));
    await transport.idle();
    expect(attempts).toBe(1);
    expect(subscription!.status().deadLettered).toBe(1);
  });
});
