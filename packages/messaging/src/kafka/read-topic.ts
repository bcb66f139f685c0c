import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { StoredMessage } from '../transport';
import { textHeaders } from './headers';

/** Every message of a topic, from the beginning to the end as it is now (an empty list if the topic does not exist). */
export async function readWholeTopic(kafka: Kafka, topic: string): Promise<StoredMessage[]> {
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
  const messages: StoredMessage[] = [];
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
            const headers = textHeaders(message.headers);
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
