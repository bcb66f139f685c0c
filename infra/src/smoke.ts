/**
 * Hand-run smoke check of the local infrastructure:
 *   npx tsx infra/src/smoke.ts            (add --compat for the FerretDB compatibility checks)
 * Starts infra on ephemeral ports, creates a topic, produces + consumes one message with kafkajs,
 * inserts + finds a document with mongoose, stops, and prints timings.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { ensureDownloads, startInfra } from './index';
import { runCompatChecks } from './ferretdb-compat';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

async function main(): Promise<void> {
  const t0 = Date.now();
  const mark = (what: string, since: number): void => console.log(`[smoke] ${what}: ${((Date.now() - since) / 1000).toFixed(2)} s`);
  const log = (line: string): void => console.log(`[infra] ${line}`);

  await ensureDownloads(log);
  mark('ensureDownloads', t0);

  const t1 = Date.now();
  const infra = await startInfra({ mode: 'local', ports: 'ephemeral', mailCatcher: process.argv.includes('--mail'), log });
  mark('startInfra', t1);
  console.log('[smoke] endpoints', JSON.stringify(infra.endpoints));
  try {
    const t2 = Date.now();
    const kafka = new Kafka({ clientId: 'smoke', brokers: infra.endpoints.kafkaBrokers, logLevel: logLevel.WARN });
    const admin = kafka.admin();
    await admin.connect();
    const topic = `smoke-${randomUUID()}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'hallo koppel' }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: `smoke-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message within 30 s')), 30_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          clearTimeout(timer);
          resolve(message.value?.toString() ?? '');
        },
      });
    });
    await consumer.disconnect();
    if (received !== 'hallo koppel') throw new Error(`unexpected message ${received}`);
    mark(`kafka topic+produce+consume ("${received}")`, t2);

    const t3 = Date.now();
    const conn = await mongoose.createConnection(infra.endpoints.mongoUri, { dbName: 'smoke' }).asPromise();
    const Thing = conn.model('Thing', new mongoose.Schema({ name: String, at: Date }));
    await Thing.create({ name: 'eerste', at: new Date() });
    const found = await Thing.findOne({ name: 'eerste' }).lean();
    if (!found) throw new Error('document not found');
    mark('mongoose insert+find', t3);
    if (process.argv.includes('--compat')) {
      const results = await runCompatChecks(conn);
      for (const r of results) console.log(`[compat] ${r.ok ? 'OK  ' : 'FAIL'} ${r.name}${r.detail ? ` — ${r.detail}` : ''}`);
    }
    await conn.close();
  } finally {
    const t4 = Date.now();
    await infra.stop();
    mark('stop', t4);
    mark('total', t0);
  }
}

main().catch((error) => {
  console.error('[smoke] FAILED', error);
  process.exitCode = 1;
});
