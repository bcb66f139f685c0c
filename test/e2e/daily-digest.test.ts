import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { signToken } from '@koppel/auth';
import { createEnvelope, parseEvent, TOPICS } from '@koppel/contracts';
import { findFreePort } from '@koppel/infra/src/process';
import { bearer, requestJson, waitFor } from '@koppel/testkit';
import { createLogger } from '@koppel/logging';
import { addressedMatch } from '../../services/notifier/src/app/address-match';
import { collectForDigest, findDigestSource } from '../../services/notifier/src/app/collect-for-digest';
import type { MatchMailDeps } from '../../services/notifier/src/app/match-mails';
import { mailPreferenceOf, recordOrganisationEvent } from '../../services/notifier/src/app/record-organisation';
import { resendMail } from '../../services/notifier/src/app/resend-mail';
import { type DigestDeps, sendDueDigests } from '../../services/notifier/src/app/send-due-digests';
import { createDeliveryModel, deliveryStore } from '../../services/notifier/src/store/deliveries';
import { createDigestItemModel, digestItemStore } from '../../services/notifier/src/store/digest-items';
import { createDigestModel, type DigestDoc, digestStore } from '../../services/notifier/src/store/digests';
import type { AddressedMatch } from '../../services/notifier/src/store/mail-source';
import { createOrganisationModel, organisationStore } from '../../services/notifier/src/store/organisations';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';
import { withdrawListings } from './withdraw-listings';

/**
 * The daily digest's scheduler on the real database and SMTP server, with an
 * injected clock instead of waiting for a day. Two passes at the same instant
 * stand for two notifier instances: one digest goes out per provider and day.
 */
describe('daily digest for providers who chose it', () => {
  const { stack, inbox, kafka } = e2eContext();
  let connection: mongoose.Connection;
  let deps: DigestDeps;
  let digestRecords: mongoose.Model<DigestDoc>;
  const transport = nodemailer.createTransport({ host: stack.smtp.host, port: stack.smtp.port, secure: false });

  beforeAll(async () => {
    connection = await mongoose.createConnection(stack.mongoUri, { dbName: `${stack.namespace}-digest-${uniqueTag()}` }).asPromise();
    const items = createDigestItemModel(connection);
    const digests = createDigestModel(connection);
    await items.init();
    await digests.init();
    digestRecords = digests;
    deps = {
      items: digestItemStore(items),
      digests: digestStore(digests),
      transport,
      from: 'koppel <noreply@koppel.example>',
      logger: createLogger('digest-test', { level: 'warn' }),
      sendTime: '07:00',
      timeZone: 'Europe/Brussels',
      leaseMs: 60_000,
      maxAttempts: 2,
      linksFor: (s) => ({
        interested: `http://review.example/answers/${s.match.matchId}-yes`,
        notInterested: `http://review.example/answers/${s.match.matchId}-no`,
      }),
      publishSoon: () => undefined,
    };
  });

  afterAll(async () => {
    await connection?.close();
    transport.close();
  });

  function approved(tag: string, n: number, providerEmail: string): AddressedMatch {
    return {
      matchId: `req-${tag}-${n}::off-${tag}`,
      requestId: `req-${tag}-${n}`,
      offerId: `off-${tag}`,
      score: 0.8,
      explanation: {},
      summary: 'Past bij de leeftijd.',
      request: {
        title: `Aanvraag ${n}`,
        municipality: 'Kortrijk',
        postcode: '8500',
        country: 'BE',
        ageMin: 9,
        ageMax: 10,
        pupils: 40,
        disciplines: ['theatre'],
      },
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
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'koppel: 1 nieuw voorstel (2026-01-16)',
      'koppel: 3 nieuwe voorstellen (2026-01-15)',
    ]);

    // Each match is reported sent (mail.sent in the digest's outbox) for the console.
    const stored = await digestRecords.findById(`prov-${tag}:2026-01-15`).lean();
    expect(stored?.status).toBe('sent');
    expect(
      Object.values(stored?.pendingEvents ?? {})
        .map((e) => (e.event.payload as { matchId: string }).matchId)
        .sort(),
    ).toEqual([1, 2, 3].map((n) => `req-${tag}-${n}::off-${tag}`));
  });

  it("the running notifier mails the school at once and keeps the digest provider's mail for the digest", async () => {
    const tag = uniqueTag();
    const email = `digest-live-${tag}@example.org`;
    const match = approved(tag, 1, email);
    const event = createEnvelope({
      type: 'match.decided',
      key: match.requestId,
      payload: { match, decision: 'approved', decidedBy: 'test', decidedAt: new Date().toISOString() },
    });
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({ topic: TOPICS.matchesDecided, messages: [{ key: event.key, value: JSON.stringify(event) }] });
    await producer.disconnect();
    await inbox.waitForMailTo(match.school.email);
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        'the notifier to consume the approval',
        async () => {
          const [offsets] = await admin.fetchOffsets({ groupId: `${stack.namespace}-koppel-notifier`, topics: [TOPICS.matchesDecided] });
          const committed = offsets.partitions.find((p) => p.partition === sent.partition);
          return committed !== undefined && BigInt(committed.offset) > BigInt(sent.baseOffset ?? '0');
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      );
    } finally {
      await admin.disconnect();
    }
    // No approval mail of its own (a digest may already have gone out if the run is past the send time).
    expect((await inbox.to(email)).filter((m) => m.subject.startsWith('Voorstel van koppel'))).toHaveLength(0);
  });

  it('gives a digest up after the last attempt, reports each match failed, and a resend mails the match alone, once', async () => {
    const tag = uniqueTag();
    const email = `digest-down-${tag}@example.org`;
    // A real SMTP client against a port with nothing listening: every send fails.
    const down = nodemailer.createTransport({ host: '127.0.0.1', port: await findFreePort(), secure: false, connectionTimeout: 2000 });
    const failingDeps = { ...deps, transport: down };
    for (const n of [1, 2]) await collectForDigest(deps.items, { match: approved(tag, n, email) });
    const id = `prov-${tag}:2026-02-10`;

    expect(await sendDueDigests(new Date('2026-02-10T06:01:00Z'), failingDeps)).toEqual([]);
    expect((await digestRecords.findById(id).lean())?.status).toBe('sending');
    // The lease (60 s) ran out: the second and last attempt fails too.
    expect(await sendDueDigests(new Date('2026-02-10T06:03:00Z'), failingDeps)).toEqual([]);
    const failed = await digestRecords.findById(id).lean();
    expect(failed?.status).toBe('failed');
    expect(failed?.attempts).toBe(2);
    const reported = Object.values(failed!.pendingEvents)
      .map((e) => e.event)
      .filter((e) => e.type === 'mail.failed');
    expect(reported.map((e) => (e.payload as { matchId: string }).matchId).sort()).toEqual(
      [1, 2].map((n) => `req-${tag}-${n}::off-${tag}`),
    );
    expect(reported.every((e) => (e.payload as { recipient: string }).recipient === 'provider')).toBe(true);
    // Given up means given up: later passes neither retry it nor start another for that day.
    expect(await sendDueDigests(new Date('2026-02-10T09:00:00Z'), deps)).toEqual([]);
    expect(await inbox.to(email)).toHaveLength(0);
    down.close();

    // The broker resends one of them from the console: it goes out as a single approval mail, once, even if the request is delivered twice.
    const deliveries = createDeliveryModel(connection);
    await deliveries.init();
    const deliveryDeps: MatchMailDeps = {
      deliveries: deliveryStore(deliveries),
      transport,
      from: deps.from,
      logger: deps.logger,
      maxAttempts: 2,
      publishSoon: () => undefined,
      addressed: (match) => addressedMatch(organisationStore(createOrganisationModel(connection)), match),
      render: () => ({ subject: `Voorstel (opnieuw) ${tag}`, text: 'opnieuw', html: '<p>opnieuw</p>' }),
      digestSourceOf: (matchId) => findDigestSource(deps.items, matchId),
    };
    const matchId = `req-${tag}-1::off-${tag}`;
    const envelope = createEnvelope({
      type: 'mail.resend-requested',
      key: matchId,
      payload: {
        matchId,
        recipient: 'provider',
        kind: 'approved',
        requestedBy: 'broker@example.org',
        requestedAt: new Date().toISOString(),
      },
    });
    const parsed = parseEvent(TOPICS.mails, envelope);
    if (!parsed.ok) throw new Error(parsed.reason);
    const resend = parsed.event;
    if (resend.type !== 'mail.resend-requested') throw new Error(`unexpected ${resend.type}`);
    await resendMail(resend, deliveryDeps);
    await resendMail(resend, deliveryDeps);
    const [mail] = await inbox.waitForMailTo(email);
    expect(mail.subject).toBe(`Voorstel (opnieuw) ${tag}`);
    expect((await deliveries.findById(`${matchId}:provider`).lean())?.status).toBe('sent');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await inbox.to(email)).toHaveLength(1);
  });

  it('a provider who chooses the digest through the API gets its approvals there, the school at once', async () => {
    const tag = uniqueTag();
    const intake = stack.services.intake.url;
    const email = `digest-choice-${tag}@example.org`;
    const org = await requestJson(
      'POST',
      `${intake}/organisations`,
      { type: 'theatre', name: `Theater ${tag}`, contacts: [{ name: 'Educatie', email }] },
      bearer(stack.adminToken),
    );
    expect(org.status).toBe(201);
    const providerToken = signToken(stack.authSecret, { sub: email, role: 'provider', org: org.body.id, ttlSeconds: 600 }).token;
    const chosen = await requestJson(
      'PUT',
      `${intake}/organisations/${org.body.id}/mail-preference`,
      { mailPreference: 'daily_digest' },
      bearer(providerToken),
    );
    expect(chosen.status).toBe(200);
    expect(chosen.body.mailPreference).toBe('daily_digest');

    // The notifier learns the choice from the organisation's event.
    const notifierDb = connection.getClient().db(`${stack.namespace}-koppel-notifier`);
    await waitFor(
      'the notifier to store the preference',
      async () => (await notifierDb.collection('organisations').findOne({ _id: org.body.id as never }))?.mailPreference === 'daily_digest',
      { timeoutMs: 30_000, intervalMs: 250 },
    );

    const { request, offer } = goodPair('req-0001', 'off-0035', tag);
    offer.provider = { id: org.body.id, name: `Theater ${tag}`, email, language: 'nl' };
    expect((await requestJson('POST', `${intake}/offers`, offer, bearer(providerToken))).status).toBe(201);
    expect((await requestJson('POST', `${intake}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    expect(
      (
        await requestJson(
          'POST',
          `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`,
          {},
          bearer(stack.adminToken),
        )
      ).status,
    ).toBe(200);
    // Out of the matcher's pool once decided (a withdrawal before would withdraw the pending proposal too).
    await withdrawListings(stack, request.id, offer.id);

    await inbox.waitForMailTo(request.school.email);
    await waitFor(
      'the approval kept for the digest',
      async () => notifierDb.collection('digest_items').findOne({ _id: `${proposal.id}:provider` as never }),
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect((await inbox.to(email)).filter((m) => m.subject.startsWith('Voorstel van koppel'))).toHaveLength(0);
  });

  it('keeps the newest organisation revision, whatever order its events arrive in', async () => {
    const organisations = createOrganisationModel(connection);
    await organisations.init();
    const preferences = organisationStore(organisations);
    const tag = uniqueTag();
    const provider = { id: `prov-pref-${tag}`, name: 'Circusschool', email: `pref-${tag}@example.org`, language: 'nl' as const };
    const changed = (revision: number, mailPreference: 'each' | 'daily_digest', role: 'provider' | 'requester' = 'provider') => {
      const parsed = parseEvent(
        TOPICS.organisations,
        createEnvelope({
          type: 'organisation.updated',
          key: provider.id,
          payload: {
            revision,
            organisation: {
              id: provider.id,
              type: role === 'provider' ? 'circus_school' : 'school',
              role,
              name: provider.name,
              contacts: [{ name: 'X', email: provider.email, language: 'nl' }],
              mailPreference: role === 'provider' ? mailPreference : undefined,
            },
          },
        }),
      );
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.event as Parameters<typeof recordOrganisationEvent>[1];
    };
    expect(await mailPreferenceOf(preferences, { ...provider, mailPreference: 'daily_digest' })).toBe('daily_digest'); // unknown yet: the snapshot's
    expect(await recordOrganisationEvent(preferences, changed(3, 'daily_digest'))).toBe('stored');
    expect(await recordOrganisationEvent(preferences, changed(2, 'each'))).toBe('older');
    expect(await recordOrganisationEvent(preferences, changed(3, 'each'))).toBe('older');
    expect(await mailPreferenceOf(preferences, provider)).toBe('daily_digest');
    expect(await recordOrganisationEvent(preferences, changed(4, 'each'))).toBe('stored');
    expect(await mailPreferenceOf(preferences, { ...provider, mailPreference: 'daily_digest' })).toBe('each');
    expect(await recordOrganisationEvent(preferences, changed(5, 'each', 'requester'))).toBe('stored');
    expect(await mailPreferenceOf(preferences, provider)).toBe('each'); // a requester has none: the snapshot's, else 'each'
  });
});
