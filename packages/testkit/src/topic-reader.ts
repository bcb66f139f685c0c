import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  offset: string;
  partition: number;
}

/**
 * Reads a topic from the beginning with a throwaway consumer group until
 * `done(messages)` is true or the timeout passes, then returns what it read.
 */
export async function readTopic(kafka: Kafka, topic: string, done: (messages: ReadMessage[]) => boolean, timeoutMs = 20_000): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let resolveDone: () => void = () => undefined;
    const finished = new Promise<void>((r) => (resolveDone = r));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push(toReadMessage(message, partition));
        if (done(messages)) resolveDone();
      },
    });
    await Promise.race([finished, new Promise((r) => setTimeout(r, timeoutMs))]);
    return messages;
  } finally {
    await consumer.disconnect();
  }
}

function toReadMessage(message: KafkaMessage, partition: number): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
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
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    let resolveDone: () => void = () => undefined;
    const finished = new Promise<void>((r) => (resolveDone = r));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) messages.push({ ...toReadMessage(message, batch.partition), topic: batch.topic });
        if (batch.offsetLag() === '0') unread.delete(`${batch.topic}/${batch.partition}`);
        if (unread.size === 0) resolveDone();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`topics not read to their end in ${timeoutMs} ms: ${[...unread].join(', ')}`)), timeoutMs)));
    await Promise.race([finished, timedOut]).finally(() => clearTimeout(timer));
    return messages;
  } finally {
    await consumer.disconnect();
  }
}
