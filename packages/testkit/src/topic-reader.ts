import { randomUUID } from 'node:crypto';
import type { Batch, Kafka, KafkaMessage } from 'kafkajs';
import { textHeaders } from '@koppel/messaging/src/kafka';

export interface ReadMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  offset: string;
  partition: number;
}

/**
 * Consumes `topics` from the beginning with a throwaway consumer group, handing each batch
 * to `take` until it returns true or `timeoutMs` passes; resolves with whether `take` finished.
 */
async function consumeFromStart(kafka: Kafka, topics: string[], take: (batch: Batch) => boolean, timeoutMs: number): Promise<boolean> {
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
  await consumer.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    let resolveDone: () => void = () => undefined;
    const finished = new Promise<boolean>((r) => (resolveDone = () => r(true)));
    await consumer.run({ eachBatch: async ({ batch }) => void (take(batch) && resolveDone()) });
    return await Promise.race([finished, new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)))]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
}

/**
 * Reads a topic from the beginning with a throwaway consumer group until
 * `done(messages)` is true or the timeout passes, then returns what it read.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  done: (messages: ReadMessage[]) => boolean,
  timeoutMs = 20_000,
): Promise<ReadMessage[]> {
  const messages: ReadMessage[] = [];
  await consumeFromStart(
    kafka,
    [topic],
    (batch) => {
      for (const message of batch.messages) messages.push(toReadMessage(message, batch.partition));
      return done(messages);
    },
    timeoutMs,
  );
  return messages;
}

function toReadMessage(message: KafkaMessage, partition: number): ReadMessage {
  const headers = textHeaders(message.headers);
  return { key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, headers, offset: message.offset, partition };
}

/**
 * Every message the topics hold now: each is read from the beginning to its current end
 * (high watermark) with a throwaway consumer group. For checks of a whole topic's
 * content, such as an erased address found nowhere.
 */
export async function readWholeTopics(kafka: Kafka, topics: string[], timeoutMs = 30_000): Promise<Array<ReadMessage & { topic: string }>> {
  const admin = kafka.admin();
  await admin.connect();
  const unread = new Set<string>();
  try {
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic)) if (BigInt(p.high) > BigInt(p.low)) unread.add(`${topic}/${p.partition}`);
    }
  } finally {
    await admin.disconnect();
  }
  const messages: Array<ReadMessage & { topic: string }> = [];
  if (unread.size === 0) return messages;
  const finished = await consumeFromStart(
    kafka,
    topics,
    (batch) => {
      for (const message of batch.messages) messages.push({ ...toReadMessage(message, batch.partition), topic: batch.topic });
      if (batch.offsetLag() === '0') unread.delete(`${batch.topic}/${batch.partition}`);
      return unread.size === 0;
    },
    timeoutMs,
  );
  if (!finished) throw new Error(`topics not read to their end in ${timeoutMs} ms: ${[...unread].join(', ')}`);
  return messages;
}
