import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { TOPICS } from '@koppel/contracts';
import { ferretdbBinary, kafkaLibs } from '@koppel/infra/src/downloads';
import { startFerretDBLocal } from '@koppel/infra/src/ferretdb-local';
import { startKafkaLocal } from '@koppel/infra/src/kafka-local';
import { findFreePort, stopPid } from '@koppel/infra/src/process';
import { startServiceProcess } from '@koppel/launcher';
import { bearer, readTopic, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag } from './helpers';

/**
 * "Database or broker briefly down: the write either happens and its event is
 * eventually published, or the client gets a 503 and nothing happened."
 * Each case gets a database or broker of its own, so the shared stack is untouched.
 */
describe('intake while the database or the broker is briefly down', () => {
  const { stack, kafka } = e2eContext();
  const quiet = () => undefined;
  const common = (tag: string) => ({
    ports: 'ephemeral' as const,
    logDir: join(stack.runDir, 'services'),
    namespace: stack.namespace,
    logName: `intake-outage-${tag}`,
  });

  it('answers 503 while the database is down and stores nothing; works again once it is back', async () => {
    const tag = uniqueTag();
    const { offer } = goodPair('req-0001', 'off-0035', tag);
    const dir = join(stack.runDir, `outage-ferretdb-${tag}`);
    const port = await findFreePort();
    let ferret = await startFerretDBLocal({ binary: ferretdbBinary(), dir, port, detached: false, log: quiet });
    const intake = await startServiceProcess('intake', {
      ...common(tag),
      infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: ferret.mongoUri },
      extraEnv: { AUTH_TOKEN_SECRET: stack.authSecret },
    });
    try {
      await stopPid(ferret.service.pid, 5000);
      const down = await requestJson('POST', `${intake.url}/offers`, offer, bearer(stack.adminToken));
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toContain('application/problem+json');

      ferret = await startFerretDBLocal({ binary: ferretdbBinary(), dir, port, detached: false, log: quiet });
      await waitFor(
        'intake to reach the database again',
        async () => (await requestJson('GET', `${intake.url}/offers/${offer.id}`, undefined, bearer(stack.adminToken))).status === 404,
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      const events = await readTopic(kafka, TOPICS.offers, () => false, 2000);
      expect(events.filter((m) => m.key === offer.id)).toHaveLength(0);

      expect((await requestJson('POST', `${intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
      const after = await readTopic(kafka, TOPICS.offers, (ms) => ms.some((m) => m.key === offer.id));
      expect(after.filter((m) => m.key === offer.id)).toHaveLength(1);
    } finally {
      await intake.stop();
      await stopPid(ferret.service.pid, 5000);
    }
  });

  it('answers 503 with Retry-After within seconds while the database hangs (paused), and a retry with the same key stores one listing', async () => {
    const tag = uniqueTag();
    const { offer } = goodPair('req-0001', 'off-0035', tag);
    const dir = join(stack.runDir, `paused-ferretdb-${tag}`);
    const ferret = await startFerretDBLocal({ binary: ferretdbBinary(), dir, port: await findFreePort(), detached: false, log: quiet });
    const intake = await startServiceProcess('intake', {
      ...common(tag),
      infra: { kafkaBrokers: stack.kafkaBrokers, mongoUri: ferret.mongoUri },
      extraEnv: { AUTH_TOKEN_SECRET: stack.authSecret, INTAKE_DB_TIMEOUT_MS: '2000' },
    });
    const key = { ...bearer(stack.adminToken), 'idempotency-key': `paused-${tag}` };
    try {
      process.kill(ferret.service.pid, 'SIGSTOP');
      const started = Date.now();
      const paused = await requestJson('POST', `${intake.url}/offers`, offer, key);
      const waited = Date.now() - started;
      expect(paused.status).toBe(503);
      expect(paused.headers.get('retry-after')).toBe('5');
      expect(waited).toBeLessThan(15_000);
      process.kill(ferret.service.pid, 'SIGCONT');

      // The write may or may not have reached the database; the retry with the same key settles it.
      const retried = await waitFor(
        'intake to store the offer after the pause',
        async () => {
          const res = await requestJson('POST', `${intake.url}/offers`, offer, key);
          return res.status === 201 ? res : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      expect(retried.body.id).toBe(offer.id);
      const events = await readTopic(kafka, TOPICS.offers, (ms) => ms.some((m) => m.key === offer.id));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await readTopic(kafka, TOPICS.offers, () => false, 1500)).filter((m) => m.key === offer.id)).toHaveLength(1);
      expect(events.length).toBeGreaterThan(0);
    } finally {
      process.kill(ferret.service.pid, 'SIGCONT');
      await intake.stop();
      await stopPid(ferret.service.pid, 5000);
    }
  });

  it('stores the write while the broker is down and publishes its event once the broker is back', async () => {
    const tag = uniqueTag();
    const { offer } = goodPair('req-0001', 'off-0035', tag);
    const dir = join(stack.runDir, `outage-kafka-${tag}`);
    const [port, controllerPort] = [await findFreePort(), await findFreePort()];
    const kafkaOptions = { libs: kafkaLibs(), dir, port, controllerPort, detached: false, log: quiet };
    let broker = await startKafkaLocal(kafkaOptions);
    const database = `${stack.namespace}-outage-intake-${tag}`;
    const intake = await startServiceProcess('intake', {
      ...common(tag),
      infra: { kafkaBrokers: broker.brokers, mongoUri: stack.mongoUri },
      extraEnv: { AUTH_TOKEN_SECRET: stack.authSecret, INTAKE_DB: database },
    });
    const ownKafka = new Kafka({ clientId: 'outage-test', brokers: broker.brokers, logLevel: logLevel.NOTHING });
    try {
      await stopPid(broker.service.pid, 20_000);
      const res = await requestJson('POST', `${intake.url}/offers`, offer, bearer(stack.adminToken));
      expect(res.status).toBe(201);

      const connection = await mongoose.createConnection(stack.mongoUri, { dbName: database }).asPromise();
      try {
        const stored = await connection.collection('offers').findOne({ _id: offer.id as any });
        expect(stored?.pendingEventCount).toBe(1);
      } finally {
        await connection.close();
      }

      broker = await startKafkaLocal(kafkaOptions);
      const events = await readTopic(ownKafka, TOPICS.offers, (ms) => ms.some((m) => m.key === offer.id), 60_000);
      expect(events.filter((m) => m.key === offer.id)).toHaveLength(1);
    } finally {
      await intake.stop();
      await stopPid(broker.service.pid, 20_000);
    }
  });

  it('starts while the broker is down, is alive but not ready, stores writes, and publishes them once the broker is up', async () => {
    const tag = uniqueTag();
    const { offer } = goodPair('req-0001', 'off-0035', tag);
    const dir = join(stack.runDir, `outage-no-kafka-${tag}`);
    const [port, controllerPort] = [await findFreePort(), await findFreePort()];
    const database = `${stack.namespace}-outage-intake-nokafka-${tag}`;
    // Nothing listens on the broker's port yet.
    const intake = await startServiceProcess('intake', {
      ...common(tag),
      until: 'alive',
      infra: { kafkaBrokers: [`127.0.0.1:${port}`], mongoUri: stack.mongoUri },
      extraEnv: { AUTH_TOKEN_SECRET: stack.authSecret, INTAKE_DB: database },
    });
    let broker: Awaited<ReturnType<typeof startKafkaLocal>> | undefined;
    const ownKafka = new Kafka({ clientId: 'outage-test-late', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
    try {
      const notReady = await fetch(`${intake.url}/readyz`);
      expect(notReady.status).toBe(503);
      const report = (await notReady.json()) as { checks: Record<string, { ok: boolean }> };
      expect(report.checks.database.ok).toBe(true);
      expect(report.checks.broker.ok).toBe(false);
      expect((await requestJson('POST', `${intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);

      broker = await startKafkaLocal({ libs: kafkaLibs(), dir, port, controllerPort, detached: false, log: quiet });
      await waitFor(
        'intake to be ready (broker reached, topics created)',
        async () => (await fetch(`${intake.url}/readyz`)).status === 200,
        { timeoutMs: 90_000, intervalMs: 500 },
      );
      const events = await readTopic(ownKafka, TOPICS.offers, (ms) => ms.some((m) => m.key === offer.id), 90_000);
      expect(events.filter((m) => m.key === offer.id)).toHaveLength(1);
    } finally {
      await intake.stop();
      if (broker) await stopPid(broker.service.pid, 20_000);
    }
  });
});
