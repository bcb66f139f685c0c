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
