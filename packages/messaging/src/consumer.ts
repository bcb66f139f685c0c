import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicFor, parseEvent, type Envelope, type KoppelEvent, type TopicName } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { Publisher } from './publisher';

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
  kafka: Kafka;
  publisher: Publisher;
  groupId: string;
  topics: TopicName[];
  handler: EventHandler;
  logger: Logger;
  fromBeginning?: boolean;
  /** Attempts of the handler before the message is dead-lettered. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt. */
  retryDelayMs?: number;
  /**
   * Handles a whole chunk at once (e.g. one bulk insert for many events), in the
   * chunk's order. If it throws, the chunk is handled again message by message with
   * `handler`, with retries and dead-lettering, so one bad event is still isolated.
   */
  chunkHandler?: ChunkHandler;
  /** Messages handled before their outgoing events are published and their offsets committed. */
  chunkSize?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

/** Why a message went to the dead-letter topic, in its headers. */
export function deadLetterHeaders(reason: string, source: MessageContext, original: IHeaders | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(original ?? {})) if (v !== undefined) headers[k] = String(v);
  return {
    ...headers,
    'dlq-reason': reason.slice(0, 4000),
    'dlq-source-topic': source.topic,
    'dlq-source-partition': String(source.partition),
    'dlq-source-offset': source.offset,
    'dlq-failed-at': new Date().toISOString(),
  };
}

/**
 * Consumes validated events. A message that is not JSON or fails its schema
 * goes to `<topic>.dlq` with the reason, and consumption carries on. A handler
 * that keeps failing is retried with backoff, then dead-lettered too, so one
 * poisoned message never blocks a partition forever. Offsets are committed only
 * after the handler succeeded (or the message was parked), so a crash means
 * redelivery, never loss: handlers must be idempotent.
 */
export async function subscribe(options: SubscriptionOptions): Promise<Subscription> {
  const log = options.logger.child({ component: 'consumer', groupId: options.groupId });
  const consumer: Consumer = options.kafka.consumer({ groupId: options.groupId, sessionTimeout: 15000, heartbeatInterval: 1500 });
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const chunkSize = options.chunkSize ?? 50;
  let stopping = false;

  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });

  const deadLetter = async (message: KafkaMessage, context: MessageContext, reason: string) => {
    log.warn('message dead-lettered', { ...context, reason });
    await options.publisher.publishRaw(deadLetterTopicFor(context.topic), {
      key: message.key?.toString() ?? null,
      value: message.value,
      headers: deadLetterHeaders(reason, context, message.headers),
    });
  };

  /** Handles one decoded event with retries; returns its outgoing events (none when it was dead-lettered). */
  const handleOne = async (item: ChunkItem & { message: KafkaMessage }, heartbeat: () => Promise<void>): Promise<OutgoingEvent[]> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await options.handler(item.event, item.context)) ?? [];
      } catch (error) {
        const reason = `handler failed after ${attempt} attempt(s): ${(error as Error).message}`;
        if (stopping) throw error; // leave the offset uncommitted: redelivered after restart
        if (attempt >= maxAttempts) {
          await deadLetter(item.message, item.context, reason);
          return [];
        }
        log.warn('handler failed, retrying', { ...item.context, attempt, eventId: item.event.id, error: (error as Error).message });
        await sleep(retryDelayMs * 2 ** (attempt - 1));
        await heartbeat();
      }
    }
  };

  /** A chunk's outgoing events: from the chunk handler if there is one and it succeeds, else message by message. */
  const handleChunk = async (items: Array<ChunkItem & { message: KafkaMessage }>, heartbeat: () => Promise<void>): Promise<OutgoingEvent[]> => {
    if (items.length === 0) return [];
    if (options.chunkHandler) {
      try {
        return (await options.chunkHandler(items.map(({ event, context }) => ({ event, context })))) ?? [];
      } catch (error) {
        if (stopping) throw error;
        log.warn('chunk handler failed, handling its messages one by one', { count: items.length, error: (error as Error).message });
      }
    }
    const outgoing: OutgoingEvent[] = [];
    for (const item of items) outgoing.push(...(await handleOne(item, heartbeat)));
    return outgoing;
  };

  // Batches, in chunks of up to `chunkSize` messages: a chunk is handled in
  // partition order, its outgoing events go out in one broker request, and only
  // then are its offsets resolved and committed.
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
      for (let start = 0; start < batch.messages.length; start += chunkSize) {
        if (!isRunning() || isStale()) return;
        const messages = batch.messages.slice(start, start + chunkSize);
        const items: Array<ChunkItem & { message: KafkaMessage }> = [];
        for (const message of messages) {
          const context: MessageContext = { topic: batch.topic as TopicName, partition: batch.partition, offset: message.offset };
          const decoded = decodeEvent(context.topic, message.value);
          if (decoded.ok) items.push({ event: decoded.event, context, message });
          else await deadLetter(message, context, decoded.reason);
        }
        await options.publisher.publishAll(await handleChunk(items, heartbeat));
        resolveOffset(messages[messages.length - 1].offset);
        await commitOffsetsIfNecessary();
        await heartbeat();
      }
    },
  });

  return {
    stop: async () => {
      stopping = true;
      await consumer.disconnect();
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
