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
  /** Messages handled before their outgoing events are published and their offsets committed. */
  chunkSize?: number;
  /** ...or this many milliseconds, whichever comes first, so a slow trickle is not held back. */
  chunkMs?: number;
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
  const chunkMs = options.chunkMs ?? 100;
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

  /** Decodes and handles one message with retries; returns its outgoing events (none when it was dead-lettered). */
  const handleMessage = async (message: KafkaMessage, context: MessageContext, heartbeat: () => Promise<void>): Promise<OutgoingEvent[]> => {
    const decoded = decodeEvent(context.topic, message.value);
    if (!decoded.ok) {
      await deadLetter(message, context, decoded.reason);
      return [];
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return (await options.handler(decoded.event, context)) ?? [];
      } catch (error) {
        const reason = `handler failed after ${attempt} attempt(s): ${(error as Error).message}`;
        if (stopping) throw error; // leave the offset uncommitted: redelivered after restart
        if (attempt >= maxAttempts) {
          await deadLetter(message, context, reason);
          return [];
        }
        log.warn('handler failed, retrying', { ...context, attempt, eventId: decoded.event.id, error: (error as Error).message });
        await sleep(retryDelayMs * 2 ** (attempt - 1));
        await heartbeat();
      }
    }
  };

  // Batches, in chunks: the messages of a chunk are handled one after another (a
  // partition's order is kept), then their outgoing events go out in one broker
  // request, and only then are their offsets resolved and committed.
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
      let outgoing: OutgoingEvent[] = [];
      let lastOffset: string | undefined;
      let chunkStarted = Date.now();
      let inChunk = 0;
      const finishChunk = async () => {
        await options.publisher.publishAll(outgoing);
        outgoing = [];
        if (lastOffset !== undefined) resolveOffset(lastOffset);
        await commitOffsetsIfNecessary();
        await heartbeat();
        chunkStarted = Date.now();
        inChunk = 0;
      };
      for (const message of batch.messages) {
        if (!isRunning() || isStale()) break;
        const context: MessageContext = { topic: batch.topic as TopicName, partition: batch.partition, offset: message.offset };
        outgoing.push(...(await handleMessage(message, context, heartbeat)));
        lastOffset = message.offset;
        if (++inChunk >= chunkSize || Date.now() - chunkStarted >= chunkMs) await finishChunk();
      }
      await finishChunk();
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
