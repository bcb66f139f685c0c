import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { signToken } from '@koppel/auth';
import { kafkaLibs } from '@koppel/infra/src/downloads';
import { startKafkaLocal } from '@koppel/infra/src/kafka-local';
import { findFreePort, stopPid } from '@koppel/infra/src/process';
import { startServiceProcess } from '@koppel/launcher';
import { bearer, demoOffers, demoRequests, requestJson, uniqueCopy, waitFor } from '@koppel/testkit';
import { e2eContext, uniqueTag } from './helpers';

/**
 * A matcher and a notifier started with empty databases, long after the events
 * were written, still know every active offer, every open request and every
 * provider's digest choice: the state topics are compacted, not expired.
 * A broker of its own keeps its data for 2 seconds (instead of 7 days), rolls a
 * segment every second and cleans up at once; a plain topic beside them shows that
 * anything not compacted is really gone by the time the fresh services start.
 */
describe('state a new instance can rebuild from the compacted topics', () => {
  const { stack } = e2eContext();
  const quiet = () => undefined;

  it('a fresh matcher knows every active listing and no withdrawn one, a fresh notifier every digest choice, after the retention has passed', async () => {
    const tag = uniqueTag();
    const dir = join(stack.runDir, `rebuild-kafka-${tag}`);
    const [port, controllerPort] = [await findFreePort(), await findFreePort()];
    const broker = await startKafkaLocal({
      libs: kafkaLibs(),
      dir,
      port,
      controllerPort,
      detached: false,
      log: quiet,
      extraProperties: [
        'log.retention.ms=2000',
        'log.retention.check.interval.ms=1000',
        'log.roll.ms=1000',
        'log.segment.delete.delay.ms=0',
        'log.cleaner.backoff.ms=500',
        'log.cleaner.min.cleanable.ratio=0.01',
        'log.cleaner.delete.retention.ms=1000',
      ],
    });
    const kafka = new Kafka({ clientId: 'rebuild-test', brokers: broker.brokers, logLevel: logLevel.NOTHING });
    const common = {
      infra: { kafkaBrokers: broker.brokers, mongoUri: stack.mongoUri },
      ports: 'ephemeral' as const,
      logDir: join(stack.runDir, 'services'),
      namespace: `${stack.namespace}-rebuild-${tag}`,
    };
    const started: Array<{ stop(): Promise<void> }> = [];
    const connection = await mongoose.createConnection(stack.mongoUri).asPromise();
    try {
      const intake = await startServiceProcess('intake', {
        ...common,
        logName: `intake-rebuild-${tag}`,
        extraEnv: { AUTH_TOKEN_SECRET: stack.authSecret },
      });
      started.push(intake);

      // A plain topic with one early message: the control for "the retention has passed".
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic: `rebuild-control-${tag}`, messages: [{ key: 'early', value: 'gone after 2 s' }] });

      const offers = demoOffers()
        .slice(0, 3)
        .map((o) => uniqueCopy(o, tag));
      const request = uniqueCopy(demoRequests()[0], tag);
      for (const offer of offers)
        expect((await requestJson('POST', `${intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
      expect((await requestJson('POST', `${intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
      expect((await requestJson('POST', `${intake.url}/offers/${offers[2].id}/withdraw`, {}, bearer(stack.adminToken))).status).toBe(200);
      const email = `rebuild-${tag}@example.org`;
      const org = await requestJson(
        'POST',
        `${intake.url}/organisations`,
        { type: 'theatre', name: `Theater ${tag}`, contacts: [{ name: 'Educatie', email }] },
        bearer(stack.adminToken),
      );
      expect(org.status).toBe(201);
      const providerToken = signToken(stack.authSecret, { sub: email, role: 'provider', org: org.body.id, ttlSeconds: 600 }).token;
      expect(
        (
          await requestJson(
            'PUT',
            `${intake.url}/organisations/${org.body.id}/mail-preference`,
            { mailPreference: 'daily_digest' },
            bearer(providerToken),
          )
        ).status,
      ).toBe(200);

      // Well past the retention, with new segments rolled behind the old ones: the control's early message is deleted.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const later = uniqueCopy(demoOffers()[3], tag);
      expect((await requestJson('POST', `${intake.url}/offers`, later, bearer(stack.adminToken))).status).toBe(201);
      const admin = kafka.admin();
      await admin.connect();
      try {
        await waitFor(
          "the retention to delete the control topic's early segment",
          async () => {
            await producer.send({ topic: `rebuild-control-${tag}`, messages: [{ key: 'later', value: 'rolls the segment' }] });
            const [partition] = await admin.fetchTopicOffsets(`rebuild-control-${tag}`);
            return BigInt(partition.low) > 0n;
          },
          { timeoutMs: 60_000, intervalMs: 1000 },
        );
      } finally {
        await admin.disconnect();
        await producer.disconnect();
      }

      // Fresh instances: empty databases, new consumer groups.
      const matcher = await startServiceProcess('matcher', { ...common, logName: `matcher-rebuild-${tag}` });
      started.push(matcher);
      const known = await waitFor(
        'the fresh matcher to read the state topics',
        async () => {
          const health = (await requestJson('GET', `${matcher.url}/healthz`)).body as { offers: number; requests: number };
          return health.offers >= 3 && health.requests >= 1 ? health : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await requestJson('GET', `${matcher.url}/healthz`)).body).toMatchObject({ offers: 3, requests: 1 });
      expect(known).toMatchObject({ offers: 3, requests: 1 });
      const matcherDb = connection.getClient().db(`${common.namespace}-koppel-matcher`);
      const stored = await matcherDb
        .collection('offers')
        .find({}, { projection: { _id: 1, open: 1 } })
        .toArray();
      expect(
        stored
          .filter((o) => o.open)
          .map((o) => o._id)
          .sort(),
      ).toEqual([offers[0].id, offers[1].id, later.id].sort());

      const notifier = await startServiceProcess('notifier', { ...common, logName: `notifier-rebuild-${tag}` });
      started.push(notifier);
      const notifierDb = connection.getClient().db(`${common.namespace}-koppel-notifier`);
      await waitFor(
        'the fresh notifier to know the digest choice',
        async () =>
          (await notifierDb.collection('organisations').findOne({ _id: org.body.id as never }))?.mailPreference === 'daily_digest',
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    } finally {
      for (const s of started.reverse()) await s.stop().catch(() => undefined);
      await connection.close();
      await stopPid(broker.service.pid, 20_000);
    }
  });
});
