import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import { parseEvent, type Envelope, type TopicName } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { Publisher } from './publisher';

/**
 * Transactional outbox without transactions (decision 0005). FerretDB v1 has no
 * multi-document transactions, so the pending events live *inside* the document
 * that changed: one single-document write stores the change and its events.
 *
 * The events are a map `pendingEvents` keyed by a hash of the event id, with a
 * counter `pendingEventCount`. The relay removes exactly the events it published
 * with `$unset` of their keys and `$inc` of the counter, filtered on `_id` alone:
 * no compare-and-set, so a writer appending a new event at the same moment is
 * never lost (other keys), and the update is an `_id` lookup on every server
 * (FerretDB v1 on SQLite uses an index for a filter on `_id` alone and nothing
 * else; docs/performance.md).
 */
export interface OutboxEntry {
  id: string;
  topic: TopicName;
  event: Envelope;
}

/** An entry as stored: `seq` keeps the order in which a document's events were written. */
export interface PendingEvent extends OutboxEntry {
  seq: number;
}

/** Fields to add to a mongoose schema definition that carries an outbox. */
export const outboxSchemaFields = {
  pendingEvents: { type: Object, default: () => ({}) },
  pendingEventCount: { type: Number, default: 0, index: true },
};

/** What a stored document with an outbox has (for the document interfaces of the services). */
export interface OutboxFields {
  pendingEvents: Record<string, PendingEvent>;
  pendingEventCount: number;
}

/** Field name of an event in `pendingEvents`: a hash, because event ids may hold dots, which are path separators. */
export function pendingEventKey(eventId: string): string {
  return `e${createHash('sha256').update(eventId).digest('hex').slice(0, 24)}`;
}

let lastSeq = 0;
/** Increasing within a process, and roughly across processes (wall clock in µs). */
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/**
 * Entries as they will be published: an event is JSON on the wire, so it is stored
 * as its JSON form (an `undefined` field would otherwise be stored as null and then
 * fail the event's schema).
 */
function pending(entries: OutboxEntry[]): Array<[string, PendingEvent]> {
  return entries.map((entry) => [pendingEventKey(entry.id), { id: entry.id, topic: entry.topic, event: JSON.parse(JSON.stringify(entry.event)) as Envelope, seq: nextSeq() }]);
}

/** The update fragment that adds events to a document's outbox in the same write as the change. */
export function appendToOutbox(entries: OutboxEntry[]): { $set: Record<string, PendingEvent>; $inc: { pendingEventCount: number } } {
  const set: Record<string, PendingEvent> = {};
  for (const [key, entry] of pending(entries)) set[`pendingEvents.${key}`] = entry;
  return { $set: set, $inc: { pendingEventCount: entries.length } };
}

/** Outbox fields for a document that is inserted with its first events. */
export function initialOutbox(entries: OutboxEntry[]): OutboxFields {
  return { pendingEvents: Object.fromEntries(pending(entries)), pendingEventCount: entries.length };
}

export function outboxEntry(topic: TopicName, event: Envelope): OutboxEntry {
  return { id: event.id, topic, event };
}

interface PassResult {
  published: number;
  failed: boolean;
}

interface PendingDocument {
  _id: string;
  pendingEvents?: Record<string, PendingEvent>;
}

export interface OutboxRelay {
  /**
   * Publish the pending events of this document soon (called right after a write,
   * so latency stays low). Without an id: look for pending documents in every model.
   */
  nudge(modelName?: string, id?: string): void;
  /** Looks for pending documents, publishes everything; resolves with the number of events published. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export interface OutboxRelayOptions {
  models: Model<any>[];
  publisher: Publisher;
  logger: Logger;
  /** How often documents nudged but not yet published (e.g. the broker was away) are retried. */
  intervalMs?: number;
  /** How often every model is searched for pending documents (what a crash or another instance left). */
  sweepIntervalMs?: number;
  /** Documents per publish: their events go out in one broker request. */
  batchSize?: number;
}

/**
 * Publishes what writers put in the outbox. Writers name the document they
 * changed (`nudge(model, id)`), so the steady state reads documents by `_id`
 * only, publishes many documents' events in one broker request, and removes them
 * in one bulk write: nothing on this path grows with the size of a collection.
 * A sweep at start and every `sweepIntervalMs` finds what nobody named (a crash
 * between write and publish, another instance's writes); on MongoDB it uses the
 * index on `pendingEventCount`.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 200;
  const models = new Map(options.models.map((m) => [m.modelName, m]));
  const dirty = new Map<string, Set<string>>(options.models.map((m) => [m.modelName, new Set<string>()]));
  let sweepWanted = true;
  let running: Promise<PassResult> | null = null;
  let stopped = false;
  const invalidReported = new Set<string>();

  const markDirty = (modelName: string, id: string) => dirty.get(modelName)?.add(id);
  const hasDirty = () => [...dirty.values()].some((ids) => ids.size > 0);

  /** Adds every document with pending events to the dirty set; true when a model had more than one page. */
  const sweep = async (): Promise<boolean> => {
    let more = false;
    for (const [name, model] of models) {
      const docs = (await model.find({ pendingEventCount: { $gt: 0 } }, { _id: 1 }).limit(batchSize * 5).lean()) as Array<{ _id: string }>;
      for (const doc of docs) markDirty(name, doc._id);
      if (docs.length === batchSize * 5) more = true;
    }
    return more;
  };

  /** Takes up to one batch of dirty ids out of the set. */
  const takeBatch = (): Array<[string, string]> => {
    const batch: Array<[string, string]> = [];
    for (const [name, ids] of dirty) {
      for (const id of ids) {
        if (batch.length >= batchSize) return batch;
        ids.delete(id);
        batch.push([name, id]);
      }
    }
    return batch;
  };

  /** Valid entries in write order; an entry that fails its schema stays in the document and is reported once. */
  const publishableEntries = (doc: PendingDocument): Array<[string, PendingEvent]> => {
    const entries = Object.entries(doc.pendingEvents ?? {}).sort(([, a], [, b]) => a.seq - b.seq);
    return entries.filter(([key, entry]) => {
      const check = parseEvent(entry.topic, entry.event);
      if (check.ok) return true;
      if (!invalidReported.has(key)) {
        invalidReported.add(key);
        log.error('outbox event fails its schema and is not published', { documentId: doc._id, eventId: entry.id, topic: entry.topic, reason: check.reason });
      }
      return false;
    });
  };

  const publishBatch = async (batch: Array<[string, string]>): Promise<number> => {
    const found = await Promise.all(
      batch.map(async ([name, id]) => ({ name, doc: (await models.get(name)!.findById(id, { pendingEvents: 1 }).lean()) as PendingDocument | null })),
    );
    const work = found.filter((f): f is { name: string; doc: PendingDocument } => f.doc !== null).map((f) => ({ name: f.name, id: f.doc._id, entries: publishableEntries(f.doc) }));
    const entries = work.flatMap((w) => w.entries.map(([, entry]) => entry));
    if (entries.length === 0) return 0;
    await options.publisher.publishAll(entries.map((e) => ({ topic: e.topic, event: e.event })));
    for (const [name, model] of models) {
      const removals = work
        .filter((w) => w.name === name && w.entries.length > 0)
        .map((w) => ({
          updateOne: {
            filter: { _id: w.id },
            update: { $unset: Object.fromEntries(w.entries.map(([key]) => [`pendingEvents.${key}`, ''])), $inc: { pendingEventCount: -w.entries.length } },
          },
        }));
      if (removals.length) await model.bulkWrite(removals, { ordered: false });
    }
    return entries.length;
  };

  /** Sweeps if asked, then publishes batch after batch until nothing is dirty; stops at the first failure. */
  const run = (): Promise<PassResult> => {
    if (running) return running;
    running = (async () => {
      let published = 0;
      let batch: Array<[string, string]> = [];
      try {
        while (!stopped) {
          if (sweepWanted) sweepWanted = await sweep();
          batch = takeBatch();
          if (batch.length === 0 && !sweepWanted) break;
          published += await publishBatch(batch);
          batch = [];
        }
        return { published, failed: false };
      } catch (error) {
        // The broker or database is away: the events stay in their documents and the ids in the set; the timer retries.
        for (const [name, id] of batch) markDirty(name, id);
        log.warn('outbox pass failed, will retry', { error: (error as Error).message });
        return { published, failed: true };
      } finally {
        running = null;
        if (published > 0) log.debug('outbox events published', { published });
      }
    })();
    return running;
  };

  const retryTimer = setInterval(() => {
    if (hasDirty()) void run();
  }, options.intervalMs ?? 1000);
  const sweepTimer = setInterval(() => {
    sweepWanted = true;
    void run();
  }, options.sweepIntervalMs ?? 60_000);
  retryTimer.unref();
  sweepTimer.unref();

  return {
    nudge: (modelName, id) => {
      if (modelName && id) markDirty(modelName, id);
      else sweepWanted = true;
      void run();
    },
    drain: async () => {
      if (running) await running;
      sweepWanted = true;
      let total = 0;
      for (;;) {
        const pass = await run();
        total += pass.published;
        if (pass.failed || stopped || (!sweepWanted && !hasDirty())) return total;
      }
    },
    stop: async () => {
      stopped = true;
      clearInterval(retryTimer);
      clearInterval(sweepTimer);
      if (running) await running;
    },
  };
}
