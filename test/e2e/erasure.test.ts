import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import mongoose from 'mongoose';
import { ALL_TOPICS, COMPACTED_TOPICS, TOPICS } from '@koppel/contracts';
import { kafkaLibs } from '@koppel/infra/src/downloads';
import { startKafkaLocal } from '@koppel/infra/src/kafka-local';
import { findFreePort, stopPid } from '@koppel/infra/src/process';
import { startServices, type RunningServices } from '@koppel/launcher';
import { bearer, readWholeTopics, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

/**
 * Issue #11: nobody could be erased. An organisation with an offer, a proposal, a daily
 * digest, sent match mails and a sign-in mail is erased through intake's API; then every collection
 * of every service database and every topic (dead-letter topics too) is scanned for its
 * contact's address and name, and neither is found anywhere.
 *
 * The services run on a broker of their own whose state topics compact within 2 seconds
 * (KAFKA_MAX_COMPACTION_LAG_MS; a day in production) and whose cleaner looks every half
 * second, so the test sees what production sees a day later, without touching the shared
 * broker's history that other tests read.
 */
describe('erasing an organisation', () => {
  const { stack, inbox } = e2eContext();
  const tag = uniqueTag();
  let broker: Awaited<ReturnType<typeof startKafkaLocal>>;
  let services: RunningServices;
  let kafka: Kafka;

  beforeAll(async () => {
    const [port, controllerPort] = [await findFreePort(), await findFreePort()];
    broker = await startKafkaLocal({
      libs: kafkaLibs(),
      dir: join(stack.runDir, `erasure-kafka-${tag}`),
      port,
      controllerPort,
      detached: false,
      log: () => undefined,
      extraProperties: ['log.cleaner.backoff.ms=500', 'log.cleaner.delete.retention.ms=1000'],
    });
    kafka = new Kafka({ clientId: 'erasure-test', brokers: broker.brokers, logLevel: logLevel.NOTHING });
    services = await startServices({
      infra: { kafkaBrokers: broker.brokers, mongoUri: stack.mongoUri, smtp: stack.smtp },
      ports: 'ephemeral',
      logDir: join(stack.runDir, 'services'),
      namespace: `${stack.namespace}-erasure-${tag}`,
      // Digests go out at the first check of the day, every second: the provider's approval arrives in one at once.
      env: {
        OUTBOX_INTERVAL_MS: '500',
        AUTH_TOKEN_SECRET: stack.authSecret,
        KAFKA_MAX_COMPACTION_LAG_MS: '2000',
        DIGEST_SEND_TIME: '00:00',
        DIGEST_CHECK_INTERVAL_MS: '1000',
      },
    });
  }, 180_000);

  afterAll(async () => {
    await services?.stop();
    if (broker) await stopPid(broker.service.pid, 20_000);
  });

  it('leaves its contact address and name in no collection of any service database and in no topic', async () => {
    const intake = services.services.intake.url;
    const review = services.services.review.url;
    const address = `jan.erase-${tag}@example.org`;
    const person = `Jan Erase ${tag}`;
    const id = `prov-erase-${tag}`;
    const created = await requestJson(
      'POST',
      `${intake}/organisations`,
      {
        id,
        type: 'artist',
        name: `Atelier De Linde ${tag}`,
        contacts: [{ name: person, email: address, language: 'nl' }],
        place: { postcode: '8500', country: 'BE' },
      },
      bearer(stack.adminToken),
    );
    expect(created.status).toBe(201);
    expect(
      (
        await requestJson(
          'PUT',
          `${intake}/organisations/${id}/mail-preference`,
          { mailPreference: 'daily_digest' },
          bearer(stack.adminToken),
        )
      ).status,
    ).toBe(200);
    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    offer.provider = { id, name: `Atelier De Linde ${tag}`, email: address, language: 'nl' };
    const posted = await requestJson('POST', `${intake}/offers`, offer, bearer(stack.adminToken));
    expect(posted.status).toBe(201);
    expect(posted.body.provider).toMatchObject({ id, registered: true }); // a registered organisation: match events name its contact by hash
    expect((await requestJson('POST', `${intake}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id, 60_000, review);
    expect(
      (await requestJson('POST', `${review}/proposals/${encodeURIComponent(proposal.id)}/approve`, {}, bearer(stack.adminToken))).status,
    ).toBe(200);
    const [digest] = await inbox.waitForMailTo(address);
    expect(digest.subject).toMatch(/^koppel: 1 nieuw voorstel/); // the digest, not a single approval mail
    await inbox.waitForMailTo(request.school.email);
    expect((await requestJson('POST', `${intake}/auth/sign-in-links`, { email: address })).status).toBe(202);
    await inbox.waitForMailTo(address, 2);
    const reviewDb = `${stack.namespace}-erasure-${tag}-koppel-review`;
    await waitFor(
      'the mail outcome in review',
      async () => Object.keys((await documentOf(stack.mongoUri, reviewDb, 'proposals', proposal.id))?.mails ?? {}).length > 0,
      { timeoutMs: 30_000, intervalMs: 500 },
    );

    const needles = [address, person];
    const before = await holdersOf(stack.mongoUri, needles);
    expect(before).not.toEqual([]);
    // Before the erasure only the state topics (organisations, offers) hold the address; match, mail
    // and sign-in events, which expire by time and not by key, never carried it.
    const topicsBefore = await topicsHolding(kafka, needles);
    expect(topicsBefore.length).toBeGreaterThan(0);
    expect(topicsBefore.filter((t) => !COMPACTED_TOPICS.has(t))).toEqual([]);

    expect((await requestJson('DELETE', `${intake}/organisations/${id}`, undefined, bearer(stack.adminToken))).status).toBe(400);
    const erased = await requestJson('DELETE', `${intake}/organisations/${id}?erase=true`, undefined, bearer(stack.adminToken));
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ status: 'withdrawn', contacts: [] });
    expect(erased.body.erasedAt).toBeDefined();

    let left: string[] = [];
    await waitFor(
      'no collection holding the address or the name',
      async () => {
        left = await holdersOf(stack.mongoUri, needles);
        return left.length === 0;
      },
      { timeoutMs: 30_000, intervalMs: 1000 },
    ).catch(() => undefined);
    expect(left).toEqual([]);

    // The broker compacts a state topic's partition once a later record has rolled its segment:
    // in production other organisations' and listings' events do that; here a tombstone for a key
    // nobody uses, in every partition, stands for them (consumers skip tombstones).
    let topicsLeft: string[] = [];
    await waitFor(
      'no topic holding the address or the name',
      async () => {
        await nudgeStateTopics(kafka);
        topicsLeft = await topicsHolding(kafka, needles);
        return topicsLeft.length === 0;
      },
      { timeoutMs: 60_000, intervalMs: 2500 },
    ).catch(() => undefined);
    expect(topicsLeft).toEqual([]);

    // Erasing again is harmless (it finishes an interrupted erasure); the match itself stays, anonymised.
    expect((await requestJson('DELETE', `${intake}/organisations/${id}?erase=true`, undefined, bearer(stack.adminToken))).status).toBe(200);
    const kept = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
    expect(kept.body.match.provider).toMatchObject({ id, name: '(gewist)' });
  }, 240_000);
});

/** One document by id, read straight from a service's database. */
async function documentOf(mongoUri: string, db: string, collection: string, id: string): Promise<Record<string, any> | null> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    return await connection
      .getClient()
      .db(db)
      .collection(collection)
      .findOne({ _id: id as never });
  } finally {
    await connection.close();
  }
}

/** `<database>.<collection>` of every document, in every database on the server, that holds one of the texts (case-insensitive). */
async function holdersOf(mongoUri: string, texts: string[]): Promise<string[]> {
  const connection = await mongoose.createConnection(mongoUri).asPromise();
  try {
    const needles = texts.map((t) => t.toLowerCase());
    const holders: string[] = [];
    const { databases } = await connection.db!.admin().listDatabases();
    for (const { name } of databases) {
      if (['admin', 'local', 'config'].includes(name)) continue;
      const db = connection.getClient().db(name);
      for (const { name: collection } of await db.listCollections().toArray()) {
        for await (const doc of db.collection(collection).find({})) {
          const text = JSON.stringify(doc).toLowerCase();
          if (needles.some((n) => text.includes(n))) holders.push(`${name}.${collection} ${String(doc._id)}`);
        }
      }
    }
    return holders;
  } finally {
    await connection.close();
  }
}

/** The topics (of all koppel's topics and their dead-letter topics that exist) with a message whose key, value or headers hold one of the texts. */
async function topicsHolding(kafka: Kafka, texts: string[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  await admin.disconnect();
  const needles = texts.map((t) => t.toLowerCase());
  const messages = await readWholeTopics(
    kafka,
    ALL_TOPICS.filter((t) => existing.has(t)),
  );
  const holding = messages.filter((m) => needles.some((n) => JSON.stringify([m.key, m.value, m.headers]).toLowerCase().includes(n)));
  return [...new Set(holding.map((m) => m.topic))].sort();
}

/** A tombstone under an unused key in every partition of every state topic: rolls segments older than the compaction lag. */
async function nudgeStateTopics(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  const producer = kafka.producer();
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const state = [TOPICS.offers, TOPICS.requests, TOPICS.organisations];
    const metadata = await admin.fetchTopicMetadata({ topics: state });
    await producer.sendBatch({
      topicMessages: metadata.topics.map((t) => ({
        topic: t.name,
        messages: t.partitions.map((p) => ({ partition: p.partitionId, key: `erasure-test-nudge-${p.partitionId}`, value: null })),
      })),
    });
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}
