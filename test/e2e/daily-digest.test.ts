import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { createEnvelope, TOPICS, type MatchSnapshot } from '@koppel/contracts';
import { waitFor } from '@koppel/testkit';
import { createLogger } from '@koppel/logging';
import { collectForDigest } from '../../services/notifier/src/digest/collect-for-digest';
import { sendDueDigests, type DigestDeps } from '../../services/notifier/src/digest/send-due-digests';
import { createDigestItemModel, createDigestModel } from '../../services/notifier/src/digest/store';
import { e2eContext, uniqueTag } from './helpers';

/**
 * The daily digest's scheduler on the real database and SMTP server, with an
 * injected clock instead of waiting for a day. Two passes at the same instant
 * stand for two notifier instances: one digest goes out per provider and day.
 */
describe('daily digest for providers who chose it', () => {
  const { stack, inbox, kafka } = e2eContext();
  let connection: mongoose.Connection;
  let deps: DigestDeps;
  const transport = nodemailer.createTransport({ host: stack.smtp.host, port: stack.smtp.port, secure: false });

  beforeAll(async () => {
    connection = await mongoose.createConnection(stack.mongoUri, { dbName: `${stack.namespace}-digest-${uniqueTag()}` }).asPromise();
    const items = createDigestItemModel(connection);
    const digests = createDigestModel(connection);
    await items.init();
    await digests.init();
    deps = {
      items,
      digests,
      transport,
      from: 'koppel <noreply@koppel.example>',
      logger: createLogger('digest-test', { level: 'warn' }),
      sendTime: '07:00',
      timeZone: 'Europe/Brussels',
      leaseMs: 60_000,
      linksFor: (s) => ({ interested: `http://review.example/answers/${s.match.matchId}-yes`, notInterested: `http://review.example/answers/${s.match.matchId}-no` }),
      publishSoon: () => undefined,
    };
  });

  afterAll(async () => {
    await connection?.close();
    transport.close();
  });

  function approved(tag: string, n: number, providerEmail: string): MatchSnapshot {
    return {
      matchId: `req-${tag}-${n}::off-${tag}`, requestId: `req-${tag}-${n}`, offerId: `off-${tag}`, score: 0.8, explanation: {}, summary: 'Past bij de leeftijd.',
      request: { title: `Aanvraag ${n}`, municipality: 'Kortrijk', postcode: '8500', country: 'BE', ageMin: 9, ageMax: 10, pupils: 40, disciplines: ['theatre'] },
      offer: { title: 'Toneelworkshop', municipality: 'Kortrijk', format: 'workshop', pricePerPupil: 5, disciplines: ['theatre'] },
      school: { id: `s-${n}`, name: `School ${n}`, email: `school-${n}-${tag}@example.org`, language: 'nl' },
      provider: { id: `prov-${tag}`, name: 'Theater Antigone', email: providerEmail, language: 'nl', mailPreference: 'daily_digest' },
    };
  }

  it('sends one mail per provider per day after the send time, whatever the number of instances', async () => {
    const tag = uniqueTag();
    const email = `digest-${tag}@example.org`;
    for (const n of [1, 2, 3]) expect(await collectForDigest(deps.items, { match: approved(tag, n, email) })).toBe('collected');
    expect(await collectForDigest(deps.items, { match: approved(tag, 1, email) })).toBe('already-collected');

    // 06:59 in Brussels (05:59 UTC in winter): not yet.
    expect(await sendDueDigests(new Date('2026-01-15T05:59:00Z'), deps)).toEqual([]);
    // 07:05: two instances at once; exactly one sends.
    const at = new Date('2026-01-15T06:05:00Z');
    const [a, b] = await Promise.all([sendDueDigests(at, deps), sendDueDigests(at, deps)]);
    expect([...a, ...b]).toEqual([`prov-${tag}:2026-01-15`]);
    const [mail] = await inbox.waitForMailTo(email);
    expect(mail.subject).toBe('koppel: 3 nieuwe voorstellen (2026-01-15)');
    expect(mail.text).toContain(`http://review.example/answers/req-${tag}-3::off-${tag}-yes`);

    // A match approved later that day waits for the next day's digest.
    await collectForDigest(deps.items, { match: approved(tag, 4, email) });
    expect(await sendDueDigests(new Date('2026-01-15T15:00:00Z'), deps)).toEqual([]);
    expect(await sendDueDigests(new Date('2026-01-16T06:01:00Z'), deps)).toEqual([`prov-${tag}:2026-01-16`]);
    const mails = await inbox.waitForMailTo(email, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual(['koppel: 1 nieuw voorstel (2026-01-16)', 'koppel: 3 nieuwe voorstellen (2026-01-15)']);

    // Each match is reported sent (mail.sent in the digest's outbox) for the console.
    const stored = await deps.digests.findById(`prov-${tag}:2026-01-15`).lean();
    expect(stored?.status).toBe('sent');
    expect(stored?.outbox.map((e) => (e.event.payload as { matchId: string }).matchId).sort()).toEqual([1, 2, 3].map((n) => `req-${tag}-${n}::off-${tag}`));
  });

  it('the running notifier mails the school at once and keeps the digest provider\'s mail for the digest', async () => {
    const tag = uniqueTag();
    const email = `digest-live-${tag}@example.org`;
    const match = approved(tag, 1, email);
    const event = createEnvelope({ type: 'match.decided', key: match.requestId, payload: { match, decision: 'approved', decidedBy: 'test', decidedAt: new Date().toISOString() } });
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic: TOPICS.matchesDecided, messages: [{ key: event.key, value: JSON.stringify(event) }] });
    await producer.disconnect();
    await inbox.waitForMailTo(match.school.email);
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor('the notifier to consume the approval', async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: `${stack.namespace}-koppel-notifier`, topics: [TOPICS.matchesDecided] });
        const committed = offsets.partitions.find((p) => p.partition === sent.partition);
        return committed !== undefined && BigInt(committed.offset) > BigInt(sent.baseOffset ?? '0');
      }, { timeoutMs: 30_000, intervalMs: 250 });
    } finally {
      await admin.disconnect();
    }
    // No approval mail of its own (a digest may already have gone out if the run is past the send time).
    expect((await inbox.to(email)).filter((m) => m.subject.startsWith('Voorstel van koppel'))).toHaveLength(0);
  });
});
