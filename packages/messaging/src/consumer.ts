import { COMPACTED_TOPICS, deadLetterTopicFor, parseEvent, type Envelope, type KoppelEvent, type TopicName } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { backoffMs, classifyFailure } from './failures';
import { consumerMetrics } from './metrics';
import type { Publisher } from './publisher';
import { withEventTrace } from './trace';
import type { BatchControl, InboundMessage, Transport } from './transport';

export interface MessageContext {
  topic: TopicName;
  partition: number;
  offset: string;
}

/** An event a handler wants published once its message is done; `subscribe` publishes them in batches. */
export interface OutgoingEvent {
  topic: TopicName;
  event: Envelope;
}

/**
 * Handles one event. It may return events to publish: they go out in one broker
 * request with those of the other messages of the same chunk, before the chunk's
 * offsets are committed (so a crash republishes them, never loses them).
 */
export type EventHandler = (event: KoppelEvent, context: MessageContext) => Promise<void | OutgoingEvent[]>;

/** One decoded message of a chunk. */
export interface ChunkItem {
  event: KoppelEvent;
  context: MessageContext;
}

export type ChunkHandler = (items: ChunkItem[]) => Promise<void | OutgoingEvent[]>;

export interface SubscriptionOptions {
  transport: Transport;
  publisher: Publisher;
  groupId: string;
  topics: TopicName[];
  handler: EventHandler;
  logger: Logger;
  fromBeginning?: boolean;
  /**
   * Attempts of the handler for a failure that is neither transient nor permanent
   * (a bug that one message triggers) before that message is dead-lettered.
   * Transient failures are retried without limit, permanent ones dead-lettered at once.
   */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt up to `maxRetryDelayMs`, with jitter. */
  retryDelayMs?: number;
  /** Longest wait between two attempts while a failure lasts. */
  maxRetryDelayMs?: number;
  /**
   * Handles a whole chunk at once (e.g. one bulk insert for many events), in the
   * chunk's order. If it throws, the chunk is handled again message by message with
   * `handler`, with retries and dead-lettering, so one bad event is still isolated.
   */
  chunkHandler?: ChunkHandler;
  /** Messages handled before their outgoing events are published and their offsets committed. */
  chunkSize?: number;
}

/** What a subscription is doing, for readiness and the console. */
export interface SubscriptionStatus {
  groupId: string;
  /** connecting: not yet in its group; running: consuming; retrying: a failure is being waited out; crashed: stopped by an error kafkajs gave up on. */
  state: 'connecting' | 'running' | 'retrying' | 'crashed' | 'stopped';
  /** While a failure lasts: since when, how many attempts, the last error. */
  retrying?: { since: string; attempts: number; error: string; topic: TopicName; partition: number; offset: string };
  /** Counters since start. */
  retries: number;
  deadLettered: number;
  crash?: string;
}

export interface Subscription {
  status(): SubscriptionStatus;
  stop(): Promise<void>;
}

/** Why a message went to the dead-letter topic, in its headers. */
export function deadLetterHeaders(
  reason: string,
  source: MessageContext,
  original: Record<string, string> | undefined,
  groupId?: string,
): Record<string, string> {
  return {
    ...original,
    'dlq-reason': reason.slice(0, 4000),
    'dlq-source-topic': source.topic,
    'dlq-source-partition': String(source.partition),
    'dlq-source-offset': source.offset,
    'dlq-failed-at': new Date().toISOString(),
    // Several services read some topics (review and the matcher both read the listings): who parked it.
    ...(groupId ? { 'dlq-consumer-group': groupId } : {}),
  };
}

/** Thrown out of a batch when the consumer stops or loses the partition mid-retry: the offset stays uncommitted. */
class Abandoned extends Error {}

/** How often a long handler or a long wait tells the group coordinator the consumer is alive. */
const HEARTBEAT_EVERY_MS = 3000;
/** How often a lasting failure is logged again. */
const WARN_EVERY_MS = 30_000;

/**
 * Consumes validated events. A message that is not JSON or fails its schema
 * goes to `<topic>.dlq` with the reason, and consumption carries on.
 *
 * A handler's failure is classified (failures.ts): transient ones (database or
 * broker away, time-outs, SMTP 4xx) are retried without limit, with capped
 * exponential backoff and jitter, holding the partition and heartbeating, so an
 * outage delays events and never parks them; permanent ones (validation, a
 * `PermanentError`, SMTP 5xx) go to the dead-letter topic at once; anything else
 * gets `maxAttempts` tries first. Offsets are committed only after the handler
 * succeeded (or the message was parked), so a crash means redelivery, never
 * loss: handlers must be idempotent.
 */
export async function subscribe(options: SubscriptionOptions): Promise<Subscription> {
  const log = options.logger.child({ component: 'consumer', groupId: options.groupId });
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
  const chunkSize = options.chunkSize ?? 50;
  const status: SubscriptionStatus = { groupId: options.groupId, state: 'connecting', retries: 0, deadLettered: 0 };
  let stopping = false;

  /** Runs `work` while heartbeating, so a long handler does not cost the consumer its partitions. */
  const withHeartbeat = async <T>(heartbeat: () => Promise<void>, work: () => Promise<T>): Promise<T> => {
    const timer = setInterval(() => heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  };

  /** Waits before the next attempt in short steps, heartbeating; gives up when the consumer stops or loses the partition. */
  const pause = async (ms: number, batch: BatchControl) => {
    for (let left = ms; left > 0; left -= HEARTBEAT_EVERY_MS) {
      if (stopping || !batch.isRunning() || batch.isStale()) throw new Abandoned('consumer stopping or partition reassigned');
      await sleep(Math.min(left, HEARTBEAT_EVERY_MS));
      await batch.heartbeat().catch(() => undefined);
    }
    if (stopping || !batch.isRunning() || batch.isStale()) throw new Abandoned('consumer stopping or partition reassigned');
  };

  /** Records a failure being waited out: a warning when it starts and every 30 s while it lasts. */
  const noteRetry = (context: MessageContext, attempt: number, error: unknown, what: string) => {
    const message = (error as Error)?.message ?? String(error);
    const now = Date.now();
    const ongoing = status.retrying;
    status.state = 'retrying';
    status.retries += 1;
    status.retrying = { since: ongoing?.since ?? new Date(now).toISOString(), attempts: attempt, error: message.slice(0, 500), ...context };
    consumerMetrics.retries.inc({ group: options.groupId, topic: context.topic });
    consumerMetrics.retrying.set({ group: options.groupId }, 1);
    consumerMetrics.retryingSeconds.set({ group: options.groupId }, (now - Date.parse(status.retrying.since)) / 1000);
    if (attempt === 1 || now - lastWarnAt >= WARN_EVERY_MS) {
      lastWarnAt = now;
      log.warn(`${what} failed, retrying until it passes`, {
        ...context,
        attempt,
        since: status.retrying.since,
        error: message.slice(0, 500),
      });
    }
  };
  let lastWarnAt = 0;
  const noteRecovered = () => {
    if (status.state !== 'retrying') return;
    log.info('failure passed, consuming again', { ...status.retrying });
    status.state = 'running';
    status.retrying = undefined;
    consumerMetrics.retrying.set({ group: options.groupId }, 0);
    consumerMetrics.retryingSeconds.set({ group: options.groupId }, 0);
  };

  /** Broker work (publishing, dead-lettering) retried while the broker is away; anything else is thrown. */
  const untilDone = async (what: string, context: MessageContext, batch: BatchControl, work: () => Promise<void>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        noteRecovered();
        return;
      } catch (error) {
        if (stopping || classifyFailure(error) !== 'transient') throw error;
        noteRetry(context, attempt, error, what);
        await pause(backoffMs(attempt, retryDelayMs, maxRetryDelayMs), batch);
      }
    }
  };

  const deadLetter = async (message: InboundMessage, context: MessageContext, reason: string, batch: BatchControl) => {
    log.warn('message dead-lettered', { ...context, reason });
    await untilDone('dead-lettering', context, batch, () =>
      options.publisher.publishRaw(deadLetterTopicFor(context.topic), {
        key: message.key,
        value: message.value,
        headers: deadLetterHeaders(reason, context, message.headers, options.groupId),
      }),
    );
    status.deadLettered += 1;
    consumerMetrics.deadLettered.inc({ group: options.groupId, topic: context.topic });
  };

  /** Handles one decoded event with retries; returns its outgoing events (none when it was dead-lettered). */
  const handleOne = async (item: ChunkItem & { message: InboundMessage }, batch: BatchControl): Promise<OutgoingEvent[]> => {
    for (let attempt = 1; ; attempt++) {
      try {
        const outgoing =
          (await withHeartbeat(batch.heartbeat, () => withEventTrace(item.event, () => options.handler(item.event, item.context)))) ?? [];
        noteRecovered();
        return outgoing;
      } catch (error) {
        if (stopping) throw error; // leave the offset uncommitted: redelivered after restart
        const kind = classifyFailure(error);
        const message = (error as Error)?.message ?? String(error);
        if (kind === 'permanent' || (kind === 'unknown' && attempt >= maxAttempts)) {
          await deadLetter(
            item.message,
            item.context,
            `${kind === 'permanent' ? 'permanent failure' : `failed ${attempt} times`}: ${message}`,
            batch,
          );
          return [];
        }
        noteRetry(item.context, attempt, error, `handling ${item.event.type} ${item.event.id}`);
        await pause(backoffMs(attempt, retryDelayMs, kind === 'transient' ? maxRetryDelayMs : retryDelayMs * 2 ** maxAttempts), batch);
      }
    }
  };

  /** A chunk's outgoing events: from the chunk handler if there is one and it succeeds, else message by message. */
  const handleChunk = async (items: Array<ChunkItem & { message: InboundMessage }>, batch: BatchControl): Promise<OutgoingEvent[]> => {
    if (items.length === 0) return [];
    if (options.chunkHandler) {
      try {
        const outgoing =
          (await withHeartbeat(batch.heartbeat, () => options.chunkHandler!(items.map(({ event, context }) => ({ event, context }))))) ??
          [];
        noteRecovered();
        return outgoing;
      } catch (error) {
        if (stopping) throw error;
        log.warn('chunk handler failed, handling its messages one by one', { count: items.length, error: (error as Error).message });
      }
    }
    const outgoing: OutgoingEvent[] = [];
    for (const item of items) outgoing.push(...(await handleOne(item, batch)));
    return outgoing;
  };

  // Batches, in chunks of up to `chunkSize` messages: a chunk is handled in
  // partition order, its outgoing events go out in one broker request, and only
  // then are its offsets resolved and committed.
  const consumer = await options.transport.consume({
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? true,
    onJoin: () => {
      if (status.state !== 'retrying') status.state = 'running';
    },
    onCrash: (error, restarting) => {
      // The transport restarts the consumer itself after retriable crashes; only a final one leaves it stopped.
      if (restarting) return;
      status.state = 'crashed';
      status.crash = error.message;
      log.error('consumer stopped after an error it cannot recover from', { error: error.message });
    },
    eachBatch: async (batch, control) => {
      const lagLabels = { group: options.groupId, topic: batch.topic, partition: String(batch.partition) };
      /** What is left on the partition after `offset`, by the high watermark this batch came with. */
      const reportLag = (offset: string) =>
        consumerMetrics.lag.set(lagLabels, Math.max(0, Number(batch.highWatermark) - Number(offset) - 1));
      if (batch.messages.length) reportLag(String(Number(batch.messages[0].offset) - 1));
      try {
        for (let start = 0; start < batch.messages.length; start += chunkSize) {
          if (!control.isRunning() || control.isStale()) return;
          const messages = batch.messages.slice(start, start + chunkSize);
          const items: Array<ChunkItem & { message: InboundMessage }> = [];
          for (const message of messages) {
            // A tombstone on a compacted topic: the event before it already said what happened.
            if (message.value === null && COMPACTED_TOPICS.has(batch.topic)) continue;
            const context: MessageContext = { topic: batch.topic as TopicName, partition: batch.partition, offset: message.offset };
            const decoded = decodeEvent(context.topic, message.value);
            if (decoded.ok) items.push({ event: decoded.event, context, message });
            else await deadLetter(message, context, decoded.reason, control);
          }
          const outgoing = await handleChunk(items, control);
          const last = { topic: batch.topic as TopicName, partition: batch.partition, offset: messages[messages.length - 1].offset };
          await untilDone('publishing', last, control, () => options.publisher.publishAll(outgoing));
          control.resolveOffset(last.offset);
          await control.commit();
          reportLag(last.offset);
          await control.heartbeat();
        }
      } catch (error) {
        // Stopping or rebalanced while waiting: what is not committed is redelivered.
        if (error instanceof Abandoned) return;
        throw error;
      }
    },
  });

  return {
    status: () => ({ ...status, retrying: status.retrying && { ...status.retrying } }),
    stop: async () => {
      stopping = true;
      await consumer.stop();
      status.state = 'stopped';
    },
  };
}

/**
 * Subscribes as soon as the broker can be reached, without holding up the caller:
 * a service starts (HTTP, database, outbox) while Kafka is away and consumes once
 * it is back. `prepare` runs first on every try (e.g. creating the topics). Until
 * the subscription stands, its status is 'connecting' with the last error.
 */
export function subscribeWhenReachable(options: SubscriptionOptions & { prepare?: () => Promise<void> }): Subscription {
  const log = options.logger.child({ component: 'consumer', groupId: options.groupId });
  let current: Subscription | null = null;
  let stopped = false;
  let lastError: string | undefined;
  let attempts = 0;
  void (async () => {
    for (attempts = 1; !stopped; attempts++) {
      try {
        await options.prepare?.();
        const subscription = await subscribe(options);
        if (stopped) await subscription.stop();
        else current = subscription;
        if (attempts > 1) log.info('broker reachable again, consuming', { attempts });
        return;
      } catch (error) {
        lastError = (error as Error).message;
        if (attempts === 1 || attempts % 10 === 0) log.warn('broker not reachable, consuming later', { attempts, error: lastError });
        await sleep(backoffMs(attempts, 1000, 30_000));
      }
    }
  })();
  return {
    status: () =>
      current?.status() ?? {
        groupId: options.groupId,
        state: stopped ? 'stopped' : 'connecting',
        retries: Math.max(0, attempts - 1),
        deadLettered: 0,
        ...(lastError ? { crash: lastError } : {}),
      },
    stop: async () => {
      stopped = true;
      await current?.stop();
    },
  };
}

function decodeEvent(topic: TopicName, value: Buffer | null): { ok: true; event: KoppelEvent } | { ok: false; reason: string } {
  if (!value) return { ok: false, reason: 'empty message value' };
  let json: unknown;
  try {
    json = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `value is not valid JSON: ${(error as Error).message}` };
  }
  return parseEvent(topic, json);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
