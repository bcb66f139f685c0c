import { execFile } from 'node:child_process';
import { join, resolve as resolvePath } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { createEnvelope, deadLetterTopicFor, TOPICS, type KoppelEvent } from '@koppel/contracts';
import { ferretdbBinary } from '@koppel/infra/src/downloads';
import { startFerretDBLocal } from '@koppel/infra/src/ferretdb-local';
import { findFreePort, stopPid } from '@koppel/infra/src/process';
import { register } from 'prom-client';
import { createLogger } from '@koppel/logging';
import { readTestStack, readTopic, waitFor } from '@koppel/testkit';
import { createKafkaTransport, PermanentError, Publisher, subscribeWhenReachable, type Subscription } from '../src';

/**
 * A consumer told transient failures from permanent ones, against a real broker
 * and a real database that goes away: a handler whose database is down is
 * retried until it is back (never dead-lettered, however long it takes), a
 * handler's permanent error is dead-lettered at once, and an unknown failure
 * after `maxAttempts`.
 */
describe('consumer failures, transient and permanent', () => {
  const stack = readTestStack();
  const silent = createLogger('test', { write: () => undefined });
  const transport = createKafkaTransport({ brokers: stack.kafkaBrokers, clientId: 'consumer-failures-test', logger: silent });
  const reader = new Kafka({ clientId: 'consumer-failures-reader', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
  const publisher = new Publisher(transport);
  const tag = `cf-${Date.now()}`;
  const withdrawn = (id: string) => createEnvelope({ type: 'offer.withdrawn', key: id, payload: { offerId: id } });

  afterAll(async () => {
    await transport.close();
  });

  async function consume(groupSuffix: string, handler: (event: KoppelEvent) => Promise<void>): Promise<Subscription> {
    const subscription = subscribeWhenReachable({
      transport,
      publisher,
      groupId: `${stack.namespace}-${tag}-${groupSuffix}`,
      topics: [TOPICS.offers],
      logger: silent,
      maxAttempts: 2,
      retryDelayMs: 100,
      maxRetryDelayMs: 1000,
      handler: async (event) => {
        // The offers topic is shared with the rest of the suite: only this test's events matter.
        if (event.type === 'offer.withdrawn' && event.key.startsWith(`${tag}-${groupSuffix}`)) await handler(event);
      },
    });
    await waitFor('the consumer to join its group', () => subscription.status().state === 'running', {
      timeoutMs: 60_000,
      intervalMs: 200,
    });
    return subscription;
  }

  it('retries a handler whose database is down until it is back, and dead-letters nothing', async () => {
    const dir = join(stack.runDir, `consumer-failures-db-${tag}`);
    const port = await findFreePort();
    let ferret = await startFerretDBLocal({ binary: ferretdbBinary(), dir, port, detached: false, log: () => undefined });
    const connection = await mongoose
      .createConnection(ferret.mongoUri, { dbName: 'failures', serverSelectionTimeoutMS: 500, maxPoolSize: 1 })
      .asPromise();
    const handled = connection.collection<{ _id: string }>('handled');
    const event = withdrawn(`${tag}-outage`);
    let calls = 0;
    const subscription = await consume('outage', async (e) => {
      calls += 1;
      await handled.insertOne({ _id: e.id });
    });
    try {
      await stopPid(ferret.service.pid, 5000);
      await publisher.publish(TOPICS.offers, event);
      // Far more attempts than maxAttempts (2), and still waiting, not dead-lettered.
      await waitFor('the consumer to keep retrying', () => (subscription.status().retrying?.attempts ?? 0) >= 4, {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
      expect(subscription.status().state).toBe('retrying');
      expect(subscription.status().deadLettered).toBe(0);
      // The same, as Prometheus sees it.
      const group = subscription.status().groupId;
      const metricValue = async (name: string) =>
        (await register.getSingleMetric(name)!.get()).values.find((v) => v.labels.group === group)?.value;
      expect(await metricValue('koppel_consumer_retrying')).toBe(1);
      expect(await metricValue('koppel_consumer_retries_total')).toBeGreaterThanOrEqual(4);

      ferret = await startFerretDBLocal({ binary: ferretdbBinary(), dir, port, detached: false, log: () => undefined });
      await waitFor('the event handled once the database is back', async () => (await handled.findOne({ _id: event.id })) !== null, {
        timeoutMs: 60_000,
        intervalMs: 300,
      });
      await waitFor('the consumer to be running again', () => subscription.status().state === 'running', { timeoutMs: 10_000 });
      expect(await metricValue('koppel_consumer_retrying')).toBe(0);
      expect(calls).toBeGreaterThanOrEqual(4);
      const parked = await readTopic(reader, deadLetterTopicFor(TOPICS.offers), () => false, 1500);
      expect(parked.filter((m) => m.key === event.key)).toHaveLength(0);
    } finally {
      await subscription.stop();
      await connection.close();
      await stopPid(ferret.service.pid, 5000);
    }
  });

  it('dead-letters a permanent failure at once and an unknown one after maxAttempts, with the reason', async () => {
    const permanent = withdrawn(`${tag}-poison-permanent`);
    const unknown = withdrawn(`${tag}-poison-unknown`);
    const attempts = new Map<string, number>();
    const subscription = await consume('poison', async (e) => {
      attempts.set(e.id, (attempts.get(e.id) ?? 0) + 1);
      if (e.id === permanent.id) throw new PermanentError('this offer can never be withdrawn');
      throw new Error('a bug that this event triggers');
    });
    try {
      await publisher.publish(TOPICS.offers, [permanent, unknown]);
      const parked = await readTopic(
        reader,
        deadLetterTopicFor(TOPICS.offers),
        (ms) => ms.filter((m) => m.key?.startsWith(`${tag}-poison`)).length >= 2,
        60_000,
      );
      const reasons = new Map(
        parked.filter((m) => m.key?.startsWith(`${tag}-poison`)).map((m) => [m.key, String(m.headers['dlq-reason'])]),
      );
      expect(reasons.get(permanent.key)).toMatch(/^permanent failure: this offer can never be withdrawn/);
      expect(reasons.get(unknown.key)).toMatch(/^failed 2 times: a bug/);
      expect(attempts.get(permanent.id)).toBe(1);
      expect(attempts.get(unknown.id)).toBe(2);
      await waitFor('both counted', () => subscription.status().deadLettered === 2, { timeoutMs: 10_000 });
    } finally {
      await subscription.stop();
    }
  });

  it('replays a parked event with the dlq command once its cause is fixed, and a second replay does nothing', async () => {
    const event = withdrawn(`${tag}-replay-1`);
    let fixed = false;
    const handledIds: string[] = [];
    const subscription = await consume('replay', async (e) => {
      if (!fixed) throw new PermanentError('the offer is not known yet');
      handledIds.push(e.id);
    });
    const dlq = (...args: string[]) => runDlq(args, stack.kafkaBrokers.join(','));
    try {
      await publisher.publish(TOPICS.offers, event);
      await waitFor('the event parked', () => subscription.status().deadLettered === 1, { timeoutMs: 60_000, intervalMs: 200 });

      const listed = await dlq('list', '--topic', `${TOPICS.offers}.dlq`);
      const line = listed.stdout.split('\n').find((l) => l.includes(event.id));
      expect(line).toContain('waiting');
      expect(line).toContain('permanent failure: the offer is not known yet');
      const shown = JSON.parse((await dlq('show', '--topic', TOPICS.offers, '--id', event.id)).stdout) as {
        value: { id: string };
        reason: string;
      };
      expect(shown.value.id).toBe(event.id);

      fixed = true;
      expect((await dlq('replay', '--topic', TOPICS.offers, '--id', event.id)).stdout).toContain('replayed=1 already_replayed=0');
      await waitFor('the replayed event handled', () => handledIds.includes(event.id), { timeoutMs: 60_000, intervalMs: 200 });
      expect((await dlq('replay', '--topic', TOPICS.offers, '--id', event.id)).stdout).toContain('replayed=0 already_replayed=1');
      expect((await dlq('list', '--topic', TOPICS.offers)).stdout.split('\n').find((l) => l.includes(event.id))).toContain('replayed');
      const counts = (await dlq('list')).stdout.split('\n').find((l) => l.startsWith(TOPICS.offers));
      expect(counts).toMatch(/\d+\s+\d+\s+\d+$/);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(handledIds.filter((id) => id === event.id)).toHaveLength(1);

      const usage = await dlq('show', '--topic', TOPICS.offers);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('show needs --id');
    } finally {
      await subscription.stop();
    }
  });
});

/** Runs `npm run --silent dlq -- <args>` as an operator would. */
function runDlq(args: string[], brokers: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'dlq', '--', ...args],
      { cwd: resolvePath(__dirname, '../../..'), env: { ...process.env, KAFKA_BROKERS: brokers }, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
