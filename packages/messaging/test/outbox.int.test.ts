import mongoose, { Schema, type Connection } from 'mongoose';
import { createEnvelope, TOPICS, type Envelope, type TopicName } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { readTestStack, waitFor } from '@koppel/testkit';
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
    const publisher = {
      publishAll: async (messages: Array<{ topic: TopicName; event: Envelope }>) => void published.push(...messages.map((m) => m.event.id)),
    } as unknown as Publisher;
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
    const connection = await mongoose
      .createConnection(stack.mongoUri, { dbName: `${stack.namespace}-outbox-race`, maxPoolSize: 1 })
      .asPromise();
    try {
      const { published, expected } = await raceRounds(connection, 40);
      expect([...published].sort()).toEqual([...expected].sort());
    } finally {
      await connection.close();
    }
  });

  it('publishes the events of documents it is told about, and those a sweep finds, in one batch each, without blocking on an invalid entry, which is parked', async () => {
    const connection = await mongoose
      .createConnection(stack.mongoUri, { dbName: `${stack.namespace}-outbox-batch`, maxPoolSize: 1 })
      .asPromise();
    const model = connection.model(`Batch${Date.now()}`, new Schema({ _id: String, ...outboxSchemaFields }, { versionKey: false }));
    const sends: string[][] = [];
    const publisher = {
      publishAll: async (messages: Array<{ topic: TopicName; event: Envelope }>) => void sends.push(messages.map((m) => m.event.id)),
    } as unknown as Publisher;
    const event = (key: string) => createEnvelope({ type: 'offer.withdrawn', key, payload: { offerId: key } });
    try {
      // Left by "a crash": nobody nudges these, so only the sweep can find them.
      const leftOver = [event('left-1'), event('left-2')];
      await model.create({ _id: 'left', ...initialOutbox(leftOver.map((e) => outboxEntry(TOPICS.offers, e))) });
      // An entry that fails its schema (no offerId) must not hold back the others.
      const invalid = { ...event('bad'), payload: {} } as unknown as Envelope;
      await model.create({ _id: 'bad', ...initialOutbox([outboxEntry(TOPICS.offers, invalid)]) });
      const relay = startOutboxRelay({ models: [model], publisher, logger: silent, intervalMs: 60_000, sweepIntervalMs: 60_000 });
      try {
        expect(await relay.drain()).toBe(2);
        expect(sends).toEqual([leftOver.map((e) => e.id)]);

        // Written and named by the writer: published without a sweep, several documents per broker request.
        const fresh = Array.from({ length: 5 }, (_, i) => event(`fresh-${i}`));
        for (const [i, e] of fresh.entries()) await model.create({ _id: `fresh-${i}`, ...initialOutbox([outboxEntry(TOPICS.offers, e)]) });
        for (let i = 0; i < fresh.length; i++) relay.nudge(model.modelName, `fresh-${i}`);
        await waitFor('the nudged events', () => sends.flat().length === 7);
        expect(sends.slice(1).flat().sort()).toEqual(fresh.map((e) => e.id).sort());
        expect(sends.length).toBeLessThanOrEqual(3);
      } finally {
        await relay.stop();
      }
      // Nothing left pending; the invalid entry is parked with its reason, and counted.
      expect(await model.find({ pendingEventCount: { $gt: 0 } }).lean()).toEqual([]);
      const bad = (await model.findById('bad').lean()) as { parkedEvents?: Record<string, { id: string; reason: string }> } | null;
      const parked = Object.values(bad?.parkedEvents ?? {});
      expect(parked.map((p) => p.id)).toEqual([invalid.id]);
      expect(parked[0].reason).toMatch(/payload/);
      expect(relay.parkedCount()).toBe(1);
    } finally {
      await connection.close();
    }
  });

  it('after a removal that failed part-way, publishes again only what is still in the documents, and never counts a removal twice', async () => {
    const connection = await mongoose
      .createConnection(stack.mongoUri, { dbName: `${stack.namespace}-outbox-partial`, maxPoolSize: 1 })
      .asPromise();
    const model = connection.model(`Partial${Date.now()}`, new Schema({ _id: String, ...outboxSchemaFields }, { versionKey: false }));
    const published: string[] = [];
    let release!: () => void;
    const firstSendHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    let sends = 0;
    const publisher = {
      publishAll: async (messages: Array<{ topic: TopicName; event: Envelope }>) => {
        published.push(...messages.map((m) => m.event.id));
        if (++sends === 1) await firstSendHeld; // so that the next two documents go out in one batch
      },
    } as unknown as Publisher;
    const event = (key: string) => createEnvelope({ type: 'offer.withdrawn', key, payload: { offerId: key } });
    const countOf = async (id: string) =>
      ((await model.collection.findOne({ _id: id } as never)) as { pendingEventCount?: unknown } | null)?.pendingEventCount;
    const relay = startOutboxRelay({ models: [model], publisher, logger: silent, intervalMs: 100, sweepIntervalMs: 60_000 });
    try {
      await relay.drain();
      const [first, fine, refused] = [event('first'), event('fine'), event('refused')];
      await model.create({ _id: 'first', ...initialOutbox([outboxEntry(TOPICS.offers, first)]) });
      await model.create({ _id: 'fine', ...initialOutbox([outboxEntry(TOPICS.offers, fine)]) });
      // A counter that is not a number: the server refuses this document's removal ($inc), after writing the one before it.
      await model.collection.insertOne({
        _id: 'refused',
        ...initialOutbox([outboxEntry(TOPICS.offers, refused)]),
        pendingEventCount: 'one',
      } as never);
      relay.nudge(model.modelName, 'first');
      await waitFor('the first send', () => sends === 1);
      relay.nudge(model.modelName, 'fine');
      relay.nudge(model.modelName, 'refused');
      release();
      await waitFor('the refused removal retried', () => published.filter((id) => id === refused.id).length >= 3);

      expect(published.filter((id) => id === fine.id)).toEqual([fine.id]);
      expect(await countOf('fine')).toBe(0);
      expect(await countOf('first')).toBe(0);

      await model.collection.updateOne({ _id: 'refused' } as never, { $set: { pendingEventCount: 1 } });
      await waitFor('the refused event removed once repaired', async () => (await countOf('refused')) === 0);
      expect(published.filter((id) => id === fine.id || id === first.id).sort()).toEqual([fine.id, first.id].sort());
    } finally {
      await relay.stop();
      await connection.close();
    }
  });
});
