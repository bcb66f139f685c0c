import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { deadLetterTopicFor } from '@koppel/contracts';
import { ensureTopics } from './kafka';

/**
 * Dead-letter topics and their replay. A consumer parks a message it cannot
 * process in `<topic>.dlq` with the reason in its headers (consumer.ts). Replaying
 * sends the original message back to `<topic>` and records the replay in
 * `<topic>.dlq.replayed` (one marker per parked message), so a second replay of
 * the same message does nothing, and counting needs offsets only: waiting =
 * parked − replayed.
 */
export interface DeadLetter {
  /** Where it is parked. */
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  eventId?: string;
  eventType?: string;
  reason?: string;
  failedAt?: string;
  /** When it was replayed, if it was. */
  replayedAt?: string;
}

export function replayedTopicFor(sourceTopic: string): string {
  return `${deadLetterTopicFor(sourceTopic)}.replayed`;
}

/** Accepts a source topic or its dead-letter topic; returns the source topic. */
export function sourceTopicOf(topic: string): string {
  return topic.replace(/\.dlq(\.replayed)?$/, '');
}

interface RawMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** Every message of a topic, from the beginning to the end as it is now (an empty list if the topic does not exist). */
export async function readWholeTopic(kafka: Kafka, topic: string): Promise<RawMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Array<{ partition: number; high: string; low: string }>;
  try {
    if (!(await admin.listTopics()).includes(topic)) return [];
    ends = (await admin.fetchTopicOffsets(topic)).filter((p) => BigInt(p.high) > BigInt(p.low));
  } finally {
    await admin.disconnect();
  }
  if (ends.length === 0) return [];
  const groupId = `koppel-topic-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId });
  const messages: RawMessage[] = [];
  const left = new Map(ends.map((p) => [p.partition, BigInt(p.high)]));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${topic} took longer than 60 s`)), 60_000);
      void consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
            messages.push({
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString('utf8') ?? null,
              headers,
            });
            const high = left.get(partition);
            if (high !== undefined && BigInt(message.offset) + 1n >= high) left.delete(partition);
            if (left.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    const admin2 = kafka.admin();
    await admin2.connect();
    await admin2.deleteGroups([groupId]).catch(() => undefined);
    await admin2.disconnect();
  }
  return messages;
}

/** The messages parked for a source topic, with their replay state. */
export async function listDeadLetters(kafka: Kafka, sourceTopic: string): Promise<DeadLetter[]> {
  const [parked, markers] = await Promise.all([
    readWholeTopic(kafka, deadLetterTopicFor(sourceTopic)),
    readWholeTopic(kafka, replayedTopicFor(sourceTopic)),
  ]);
  const replayed = new Map(markers.map((m) => [m.key, m.headers['replayed-at']]));
  return parked.map((m) => ({
    ...m,
    eventId: m.headers['event-id'],
    eventType: m.headers['event-type'],
    reason: m.headers['dlq-reason'],
    failedAt: m.headers['dlq-failed-at'],
    replayedAt: replayed.get(markerKey(m)) ?? undefined,
  }));
}

/**
 * Sends parked messages back to their source topic, with their original key,
 * value and headers (plus where they came from), and records each replay. Only
 * those not replayed before; with `eventId`, only that event's. Returns what it replayed.
 */
export async function replayDeadLetters(kafka: Kafka, sourceTopic: string, options: { eventId?: string } = {}): Promise<DeadLetter[]> {
  const waiting = (await listDeadLetters(kafka, sourceTopic)).filter(
    (m) => !m.replayedAt && (!options.eventId || m.eventId === options.eventId),
  );
  if (waiting.length === 0) return [];
  await ensureTopics(kafka, [sourceTopic, replayedTopicFor(sourceTopic)]);
  const producer = kafka.producer({ allowAutoTopicCreation: false, idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    // Several consumer groups may have parked the same event (one copy each): it goes back once.
    const sent = new Set<string>();
    for (const message of waiting) {
      const headers = Object.fromEntries(Object.entries(message.headers).filter(([k]) => !k.startsWith('dlq-')));
      const identity = message.eventId ?? markerKey(message);
      if (!sent.has(identity)) {
        sent.add(identity);
        await producer.send({
          topic: sourceTopic,
          acks: -1,
          messages: [
            {
              key: message.key,
              value: message.value,
              headers: { ...headers, 'replayed-from': `${deadLetterTopicFor(sourceTopic)}/${message.partition}/${message.offset}` },
            },
          ],
        });
      }
      const replayedAt = new Date().toISOString();
      await producer.send({
        topic: replayedTopicFor(sourceTopic),
        acks: -1,
        messages: [{ key: markerKey(message), value: null, headers: { 'replayed-at': replayedAt, 'event-id': message.eventId ?? '' } }],
      });
      message.replayedAt = replayedAt;
    }
  } finally {
    await producer.disconnect();
  }
  return waiting;
}

/** Counts per dead-letter topic from offsets alone: parked, replayed, waiting. */
export async function deadLetterCounts(
  kafka: Kafka,
  sourceTopics: string[],
): Promise<Array<{ topic: string; parked: number; replayed: number; waiting: number }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const size = async (topic: string) =>
      existing.has(topic) ? (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0) : 0;
    return await Promise.all(
      sourceTopics.map(async (topic) => {
        const [parked, replayed] = await Promise.all([size(deadLetterTopicFor(topic)), size(replayedTopicFor(topic))]);
        return { topic, parked, replayed, waiting: Math.max(0, parked - replayed) };
      }),
    );
  } finally {
    await admin.disconnect();
  }
}

function markerKey(message: { partition: number; offset: string }): string {
  return `${message.partition}/${message.offset}`;
}
