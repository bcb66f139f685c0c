import { deadLetterTopicFor } from '@koppel/contracts';
import type { Transport } from './transport';

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

/** The messages parked for a source topic, with their replay state. */
export async function listDeadLetters(transport: Transport, sourceTopic: string): Promise<DeadLetter[]> {
  const [parked, markers] = await Promise.all([
    transport.readTopic(deadLetterTopicFor(sourceTopic)),
    transport.readTopic(replayedTopicFor(sourceTopic)),
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
export async function replayDeadLetters(
  transport: Transport,
  sourceTopic: string,
  options: { eventId?: string } = {},
): Promise<DeadLetter[]> {
  const waiting = (await listDeadLetters(transport, sourceTopic)).filter(
    (m) => !m.replayedAt && (!options.eventId || m.eventId === options.eventId),
  );
  if (waiting.length === 0) return [];
  await transport.ensureTopics([sourceTopic, replayedTopicFor(sourceTopic)]);
  // Several consumer groups may have parked the same event (one copy each): it goes back once.
  const sent = new Set<string>();
  for (const message of waiting) {
    const headers = Object.fromEntries(Object.entries(message.headers).filter(([k]) => !k.startsWith('dlq-')));
    const identity = message.eventId ?? markerKey(message);
    if (!sent.has(identity)) {
      sent.add(identity);
      const from = `${deadLetterTopicFor(sourceTopic)}/${message.partition}/${message.offset}`;
      await transport.send([
        { topic: sourceTopic, messages: [{ key: message.key, value: message.value, headers: { ...headers, 'replayed-from': from } }] },
      ]);
    }
    // One at a time, each after its replay: a crash in between replays at most that one again, never skips it.
    const replayedAt = new Date().toISOString();
    await transport.send([
      {
        topic: replayedTopicFor(sourceTopic),
        messages: [{ key: markerKey(message), value: null, headers: { 'replayed-at': replayedAt, 'event-id': message.eventId ?? '' } }],
      },
    ]);
    message.replayedAt = replayedAt;
  }
  return waiting;
}

/** Counts per dead-letter topic from offsets alone: parked, replayed, waiting. */
export async function deadLetterCounts(
  transport: Transport,
  sourceTopics: string[],
): Promise<Array<{ topic: string; parked: number; replayed: number; waiting: number }>> {
  return Promise.all(
    sourceTopics.map(async (topic) => {
      const [parked, replayed] = await Promise.all([
        transport.topicSize(deadLetterTopicFor(topic)),
        transport.topicSize(replayedTopicFor(topic)),
      ]);
      return { topic, parked, replayed, waiting: Math.max(0, parked - replayed) };
    }),
  );
}

function markerKey(message: { partition: number; offset: string }): string {
  return `${message.partition}/${message.offset}`;
}
