import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';

/**
 * The raw rates of the broker and the database the pipeline runs on, measured in
 * the same run with the same number and size of items: what the pipeline could at
 * best do if it did nothing but move bytes. A load run prints its own rate
 * against these.
 */
export interface Ceilings {
  /** Messages per second, produced (acks=all, batches of 100) and consumed end to end. */
  brokerPerSecond: number;
  /** Single-document writes per second over one connection: an insert then an update by _id for each item. */
  databaseWritesPerSecond: number;
}

const PRODUCE_BATCH = 100;

export async function measureBrokerCeiling(kafka: Kafka, count: number, bytes: number): Promise<number> {
  const topic = `koppel.bench.ceiling.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `ceiling-${randomUUID()}` });
  try {
    await Promise.all([producer.connect(), consumer.connect()]);
    await consumer.subscribe({ topic, fromBeginning: true });
    let received = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((r) => (finish = r));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        received += batch.messages.length;
        if (received >= count) finish();
      },
    });
    const value = Buffer.alloc(bytes, 'x');
    const started = performance.now();
    for (let sent = 0; sent < count; sent += PRODUCE_BATCH) {
      const size = Math.min(PRODUCE_BATCH, count - sent);
      await producer.send({ topic, acks: -1, messages: Array.from({ length: size }, (_, i) => ({ key: String(sent + i), value })) });
    }
    await Promise.race([
      finished,
      new Promise((_, reject) => setTimeout(() => reject(new Error('broker ceiling: messages did not arrive within 120 s')), 120_000)),
    ]);
    return count / ((performance.now() - started) / 1000);
  } finally {
    await Promise.allSettled([producer.disconnect(), consumer.disconnect()]);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}

export async function measureDatabaseCeiling(mongoUri: string, count: number, bytes: number): Promise<number> {
  // One connection, like every service process (decision 0010).
  const client = new MongoClient(mongoUri, { directConnection: true, maxPoolSize: 1 });
  await client.connect();
  const db = client.db(`ceiling-${randomUUID().slice(0, 8)}`);
  try {
    const docs = db.collection<{ _id: string; data: string; revision: number }>('docs');
    const data = 'x'.repeat(bytes);
    const started = performance.now();
    for (let i = 0; i < count; i++) await docs.insertOne({ _id: `doc-${i}`, data, revision: 1 });
    for (let i = 0; i < count; i++) await docs.updateOne({ _id: `doc-${i}` }, { $set: { revision: 2 } });
    return (2 * count) / ((performance.now() - started) / 1000);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

export async function measureCeilings(kafka: Kafka, mongoUri: string, count: number, bytes: number): Promise<Ceilings> {
  // One after the other: each gets the machine to itself.
  const brokerPerSecond = await measureBrokerCeiling(kafka, count, bytes);
  const databaseWritesPerSecond = await measureDatabaseCeiling(mongoUri, count, bytes);
  return { brokerPerSecond, databaseWritesPerSecond };
}
