import mongoose, { Schema, type Connection } from 'mongoose';
import { createEnvelope, TOPICS, type Envelope, type TopicName } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { readTestStack } from '@koppel/testkit';
import { appendToOutbox, initialOutbox, outboxEntry, outboxSchemaFields, startOutboxRelay, type Publisher } from '../src';

/**
 * The outbox relay against the real database, racing writers that append events
 * to the same documents. Every event must be published, and none twice.
 * The publisher records instead of sending: the unit under test is the relay's
 * bookkeeping in the database, not Kafka.
 */
describe('outbox relay under concurrent writes', () => {
  const stack = readTestStack();
  const silent = createLogger('test', { write: () => undefined });

  async function raceRounds(connection: Connection, rounds: number): Promise<{ published: string[]; expected: string[] }> {
    const model = connection.model(`Doc${rounds}${Date.now()}`, new Schema({ _id: String, ...outboxSchemaFields }, { versionKey: false }));
    const published: string[] = [];
    const publisher = { publish: async (_topic: TopicName, events: Envelope | Envelope[]) => void published.push(...[events].flat().map((e) => e.id)) } as unknown as Publisher;
    const relay = startOutboxRelay({ models: [model], publisher, logger: silent, intervalMs: 60_000 });
    const expected: string[] = [];
    const event = (key: string) => createEnvelope({ type: 'offer.withdrawn', key, payload: { offerId: key } });
    try {
      for (let i = 0; i < rounds; i++) {
        const id = `doc-${i}`;
        const first = event(id);
        const later = [event(id), event(id), event(id), event(id)];
        expected.push(first.id, ...later.map((e) => e.id));
        await model.create({ _id: id, ...initialOutbox([outboxEntry(TOPICS.offers, first)]) });
        // Writers append while the relay publishes and removes: the race a busy service has.
        await Promise.all([
          relay.drain(),
          ...later.map((e) => model.updateOne({ _id: id }, appendToOutbox([outboxEntry(TOPICS.offers, e)]))),
          relay.drain(),
        ]);
      }
      await relay.drain();
      await relay.drain();
    } finally {
      await relay.stop();
    }
    return { published, expected };
  }

  it('publishes every event exactly once when the process keeps one database connection (the default)', async () => {
    const connection = await mongoose.createConnection(stack.mongoUri, { dbName: `${stack.namespace}-outbox-race`, maxPoolSize: 1 }).asPromise();
    try {
      const { published, expected } = await raceRounds(connection, 40);
      expect([...published].sort()).toEqual([...expected].sort());
    } finally {
      await connection.close();
    }
  });
});
