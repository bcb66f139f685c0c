import type { Model } from 'mongoose';
import type { Envelope, TopicName } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { Publisher } from './publisher';

/**
 * Transactional outbox without transactions. FerretDB v1 has no multi-document
 * transactions, so the pending events live *inside* the document that changed:
 * one single-document write stores the change and its events together. A relay
 * publishes them and then removes exactly those events, guarded by a revision
 * counter, so a concurrent write that appends a new event is never lost.
 */
export interface OutboxEntry {
  id: string;
  topic: TopicName;
  event: Envelope;
}

/** Fields to add to a mongoose schema definition that carries an outbox. */
export const outboxSchemaFields = {
  outbox: { type: [{ _id: false, id: String, topic: String, event: Object }], default: () => [] },
  outboxPending: { type: Boolean, default: false, index: true },
  outboxRevision: { type: Number, default: 0 },
};

/** The update fragment that appends events to a document's outbox in the same write as the change. */
export function appendToOutbox(entries: OutboxEntry[]): { $push: { outbox: { $each: OutboxEntry[] } }; $set: { outboxPending: true }; $inc: { outboxRevision: number } } {
  return { $push: { outbox: { $each: entries } }, $set: { outboxPending: true }, $inc: { outboxRevision: 1 } };
}

/** Outbox fields for a document that is inserted with its first events. */
export function initialOutbox(entries: OutboxEntry[]): { outbox: OutboxEntry[]; outboxPending: boolean; outboxRevision: number } {
  return { outbox: entries, outboxPending: entries.length > 0, outboxRevision: 1 };
}

export function outboxEntry(topic: TopicName, event: Envelope): OutboxEntry {
  return { id: event.id, topic, event };
}

interface OutboxDocument {
  _id: unknown;
  outbox: OutboxEntry[];
  outboxRevision: number;
}

export interface OutboxRelay {
  /** Publish what is pending now (called right after a write so latency stays low). */
  nudge(): void;
  /** One full pass; resolves with the number of events published. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export function startOutboxRelay(options: {
  models: Model<any>[];
  publisher: Publisher;
  logger: Logger;
  intervalMs?: number;
  batchSize?: number;
}): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const intervalMs = options.intervalMs ?? 1000;
  let running: Promise<number> | null = null;
  let again = false;
  let stopped = false;

  const publishDocument = async (model: Model<any>, doc: OutboxDocument): Promise<number> => {
    const entries = doc.outbox ?? [];
    // Publish in order, grouped by topic runs, so the events of one entity keep their order.
    for (const entry of entries) await options.publisher.publish(entry.topic, entry.event);
    await removePublished(model, doc._id, new Set(entries.map((e) => e.id)));
    return entries.length;
  };

  const pass = async (): Promise<number> => {
    let published = 0;
    for (const model of options.models) {
      const docs = (await model
        .find({ outboxPending: true }, { outbox: 1, outboxRevision: 1 })
        .limit(options.batchSize ?? 100)
        .lean()) as unknown as OutboxDocument[];
      for (const doc of docs) published += await publishDocument(model, doc);
    }
    if (published > 0) log.debug('outbox events published', { published });
    return published;
  };

  const drain = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await pass();
        } while (again && !stopped);
      } catch (error) {
        // The broker or database is away: the events stay in the outbox and the next pass retries.
        log.warn('outbox pass failed, will retry', { error: (error as Error).message });
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  };

  const timer = setInterval(() => void drain(), intervalMs);
  timer.unref();

  return {
    nudge: () => void drain(),
    drain,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}

/** Removes the published events with a compare-and-set on the revision; retries if a writer got in between. */
async function removePublished(model: Model<any>, id: unknown, published: Set<string>): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const current = (await model.findOne({ _id: id }, { outbox: 1, outboxRevision: 1 }).lean()) as unknown as OutboxDocument | null;
    if (!current) return;
    const remaining = (current.outbox ?? []).filter((e) => !published.has(e.id));
    const result = await model.updateOne(
      { _id: id, outboxRevision: current.outboxRevision },
      { $set: { outbox: remaining, outboxPending: remaining.length > 0 }, $inc: { outboxRevision: 1 } },
    );
    if (result.matchedCount === 1) return;
  }
  throw new Error(`outbox of ${String(id)} kept changing; published events will be removed on the next pass`);
}
