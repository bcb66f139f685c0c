import { createHash } from 'node:crypto';
import type { Model } from 'mongoose';
import { parseEvent, type Envelope, type TopicName } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { outboxMetrics, reportOutboxBacklog } from './metrics';
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
  /** Entries that failed their schema when published, moved aside with the reason (the relay reports them). */
  parkedEvents: { type: Object },
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
  return entries.map((entry) => [
    pendingEventKey(entry.id),
    { id: entry.id, topic: entry.topic, event: JSON.parse(JSON.stringify(entry.event)) as Envelope, seq: nextSeq() },
  ]);
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

/**
 * The events an outbox fragment (of `appendToOutbox` or `initialOutbox`) stores, by
 * key: what a writer hands the relay with `nudge`, so the relay need not read them back.
 */
export function pendingIn(fragment: { $set: Record<string, unknown> } | OutboxFields): Record<string, PendingEvent> {
  if ('pendingEvents' in fragment) return fragment.pendingEvents;
  const handed: Record<string, PendingEvent> = {};
  for (const [path, value] of Object.entries(fragment.$set))
    if (path.startsWith('pendingEvents.')) handed[path.slice('pendingEvents.'.length)] = value as PendingEvent;
  return handed;
}

export function outboxEntry(topic: TopicName, event: Envelope): OutboxEntry {
  return { id: event.id, topic, event };
}

/** One document's outbox clean-up: published entries removed, invalid ones moved to `parkedEvents`. */
function removalOf(
  published: Array<[string, PendingEvent]>,
  invalid: Array<[string, PendingEvent & { reason: string }]>,
): Record<string, unknown> {
  const removed = [...published, ...invalid];
  const update: Record<string, unknown> = {
    $unset: Object.fromEntries(removed.map(([key]) => [`pendingEvents.${key}`, ''])),
    $inc: { pendingEventCount: -removed.length },
  };
  if (invalid.length) {
    const parkedAt = new Date().toISOString();
    update.$set = Object.fromEntries(invalid.map(([key, entry]) => [`parkedEvents.${key}`, { ...entry, parkedAt }]));
  }
  return update;
}

interface PassResult {
  published: number;
  failed: boolean;
}

/** What the relay knows of a document to publish: events handed over, and whether (and how) to read it back. */
interface DirtyDocument {
  /** 'all': every pending event; 'settled': those older than the sweep's grace (a periodic sweep found it). */
  read?: 'all' | 'settled';
  handed?: Record<string, PendingEvent>;
}

interface BatchItem {
  name: string;
  id: string;
  known: DirtyDocument;
}

interface PendingDocument {
  _id: string;
  pendingEvents?: Record<string, PendingEvent>;
}

export interface OutboxRelay {
  /**
   * Publish the pending events of this document soon (called right after a write,
   * so latency stays low). With `handed` (see `pendingIn`), the events the write
   * stored, which then need not be read back. Without an id: look for pending
   * documents in every model.
   */
  nudge(modelName?: string, id?: string, handed?: Record<string, PendingEvent>): void;
  /** Looks for pending documents, publishes everything; resolves with the number of events published. */
  drain(): Promise<number>;
  /** Events parked since start because they failed their schema (see `parkedEvents`). */
  parkedCount(): number;
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
  /**
   * A periodic sweep leaves events younger than this to the writer that stored them
   * (it is about to nudge), so an event is not published and removed twice. The
   * sweep at start takes everything.
   */
  sweepGraceMs?: number;
  /**
   * Documents per publish: their events go out in one broker request and are removed
   * in one bulk write. 20 by default: a larger clean-up write holds the service's one
   * connection longer (intake's p99 at 100/s: 366 ms with 50, 260 ms with 20, the
   * same throughput). At most 99: FerretDB 1.24.2 never answers an update command of
   * 100 or more statements (decision 0014).
   */
  batchSize?: number;
}

/**
 * Publishes what writers put in the outbox. Writers name the document they
 * changed (`nudge(model, id)`), best with the events they stored (`pendingIn`), so
 * the steady state reads nothing back (or reads by `_id` only), publishes many
 * documents' events in one broker request, and removes them in one bulk write:
 * nothing on this path grows with the size of a collection. A sweep at start and
 * every `sweepIntervalMs` (5 minutes) finds what nobody named (a crash between
 * write and publish, another instance's writes); on MongoDB it uses the index on
 * `pendingEventCount`, on FerretDB it is a scan.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = Math.min(options.batchSize ?? 20, 99);
  const graceMicros = (options.sweepGraceMs ?? 10_000) * 1000;
  const models = new Map(options.models.map((m) => [m.modelName, m]));
  const dirty = new Map<string, Map<string, DirtyDocument>>(options.models.map((m) => [m.modelName, new Map()]));
  let sweepWanted: 'all' | 'settled' | false = 'all';
  let running: Promise<PassResult> | null = null;
  let stopped = false;
  let parked = 0;

  /** Records what is known of a document to publish; reading it back wins over a sweep's grace. */
  const markDirty = (modelName: string, id: string, change: DirtyDocument) => {
    const ids = dirty.get(modelName);
    if (!ids) return;
    const known = ids.get(id);
    ids.set(id, {
      read: known?.read === 'all' || change.read === 'all' ? 'all' : (known?.read ?? change.read),
      handed: { ...known?.handed, ...change.handed },
    });
  };
  const hasDirty = () => [...dirty.values()].some((ids) => ids.size > 0);

  /** Adds every document with pending events to the dirty set (their ids only: the reads come batch by batch). */
  const sweep = async (read: 'all' | 'settled'): Promise<void> => {
    for (const [name, model] of models) {
      const docs = (await model.find({ pendingEventCount: { $gt: 0 } }, { _id: 1 }).lean()) as Array<{ _id: string }>;
      for (const doc of docs) markDirty(name, doc._id, { read });
    }
  };

  /** Takes up to one batch of dirty documents out of the set. */
  const takeBatch = (): BatchItem[] => {
    const batch: BatchItem[] = [];
    for (const [name, ids] of dirty) {
      for (const [id, known] of ids) {
        if (batch.length >= batchSize) return batch;
        ids.delete(id);
        batch.push({ name, id, known });
      }
    }
    return batch;
  };

  /**
   * Valid entries in write order, and those that fail their schema: publishing them
   * can never succeed, so they are parked (moved to `parkedEvents` with the reason)
   * in the same write that removes the published ones, and reported.
   */
  const publishable = (
    id: string,
    pending: Record<string, PendingEvent>,
  ): { valid: Array<[string, PendingEvent]>; invalid: Array<[string, PendingEvent & { reason: string }]> } => {
    const valid: Array<[string, PendingEvent]> = [];
    const invalid: Array<[string, PendingEvent & { reason: string }]> = [];
    for (const [key, entry] of Object.entries(pending).sort(([, a], [, b]) => a.seq - b.seq)) {
      const check = parseEvent(entry.topic, entry.event);
      if (check.ok) valid.push([key, entry]);
      else invalid.push([key, { ...entry, reason: check.reason }]);
    }
    for (const [, entry] of invalid)
      log.error('outbox event fails its schema: parked, not published', {
        documentId: id,
        eventId: entry.id,
        topic: entry.topic,
        reason: entry.reason,
      });
    return { valid, invalid };
  };

  /** What to publish of one document: what its writer handed over, plus what reading it back finds. */
  const pendingOf = async (item: BatchItem): Promise<Record<string, PendingEvent>> => {
    const pending = { ...item.known.handed };
    if (!item.known.read) return pending;
    const doc = (await models.get(item.name)!.findById(item.id, { pendingEvents: 1 }).lean()) as PendingDocument | null;
    const settledBefore = Date.now() * 1000 - graceMicros;
    for (const [key, entry] of Object.entries(doc?.pendingEvents ?? {})) {
      if (item.known.read === 'all' || entry.seq < settledBefore) pending[key] = entry;
    }
    return pending;
  };

  /**
   * Publishes a batch in one broker request, then removes exactly those events from
   * their documents in one bulk write. The removal stays in step with publishing on
   * purpose: under a burst the relay then shares the service's one connection with
   * its requests instead of crowding them out (docs/performance.md).
   */
  const publishBatch = async (batch: BatchItem[]): Promise<number> => {
    try {
      const work = await Promise.all(batch.map(async (item) => ({ ...item, ...publishable(item.id, await pendingOf(item)) })));
      const entries = work.flatMap((w) => w.valid.map(([, entry]) => entry));
      if (entries.length === 0 && work.every((w) => w.invalid.length === 0)) return 0;
      await options.publisher.publishAll(entries.map((e) => ({ topic: e.topic, event: e.event })));
      for (const [name, model] of models) {
        const removals = work
          .filter((w) => w.name === name && w.valid.length + w.invalid.length > 0)
          .map((w) => ({ updateOne: { filter: { _id: w.id }, update: removalOf(w.valid, w.invalid) } }));
        if (removals.length) await model.bulkWrite(removals, { ordered: false });
      }
      for (const w of work) {
        if (w.invalid.length) outboxMetrics.parked.inc({ model: w.name }, w.invalid.length);
        if (w.valid.length) outboxMetrics.published.inc({ model: w.name }, w.valid.length);
      }
      parked += work.reduce((n, w) => n + w.invalid.length, 0);
      return entries.length;
    } catch (error) {
      // Kept for the next try, read back from the document rather than taken from what was handed
      // over: a bulk removal that failed part-way has removed some entries already (FerretDB 1.24.2
      // does not say which), and removing one again would count it twice in `pendingEventCount`.
      for (const item of batch) markDirty(item.name, item.id, { read: 'all' });
      throw error;
    }
  };

  /** Sweeps if asked, then publishes batch after batch until nothing is dirty; stops at the first failure. */
  const run = (): Promise<PassResult> => {
    if (running) return running;
    running = (async () => {
      let published = 0;
      try {
        while (!stopped) {
          if (sweepWanted) {
            const read = sweepWanted;
            sweepWanted = false;
            await sweep(read).catch((error) => {
              sweepWanted = sweepWanted || read;
              throw error;
            });
          }
          const batch = takeBatch();
          if (batch.length === 0 && !sweepWanted) break;
          published += await publishBatch(batch);
        }
        return { published, failed: false };
      } catch (error) {
        // The broker or database is away: the events stay in their documents and in the set; the timer retries.
        log.warn('outbox pass failed, will retry', { error: (error as Error).message });
        return { published, failed: true };
      } finally {
        running = null;
        if (published > 0) log.debug('outbox events published', { published });
      }
    })();
    return running;
  };

  const stopReporting = reportOutboxBacklog(() => new Map([...dirty].map(([name, ids]) => [name, ids.size])));

  const retryTimer = setInterval(() => {
    if (hasDirty()) void run();
  }, options.intervalMs ?? 1000);
  const sweepTimer = setInterval(() => {
    sweepWanted = sweepWanted || 'settled';
    void run();
  }, options.sweepIntervalMs ?? 300_000);
  retryTimer.unref();
  sweepTimer.unref();

  return {
    nudge: (modelName, id, handed) => {
      if (modelName && id) markDirty(modelName, id, handed ? { handed } : { read: 'all' });
      else sweepWanted = 'all';
      void run();
    },
    drain: async () => {
      if (running) await running;
      sweepWanted = 'all';
      let total = 0;
      for (;;) {
        const pass = await run();
        total += pass.published;
        if (pass.failed || stopped) return total;
        if (!sweepWanted && !hasDirty()) return total;
      }
    },
    parkedCount: () => parked,
    stop: async () => {
      stopped = true;
      stopReporting();
      clearInterval(retryTimer);
      clearInterval(sweepTimer);
      if (running) await running;
    },
  };
}
