import { randomBytes } from 'node:crypto';
import { sealText } from '@koppel/auth';
import { ALL_TOPICS, createEnvelope, type KoppelEvent, TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { MatchingEngine } from '@koppel/matching';
import { createMemoryTransport, Publisher } from '@koppel/messaging';
import { MailInbox, readTestStack, waitFor } from '@koppel/testkit';
import { makeOffer, makeRequest } from '../../../../packages/matching/test/fixtures';
// The match snapshot exactly as the matcher makes it: the notifier's input is the matcher's and review's output.
import { snapshotOf } from '../../../matcher/src/app/proposals';
import { loadNotifierConfig, notifier, type RunningNotifier } from '../../src';

/**
 * The notifier as a component: decisions in from the in-process transport, mails out
 * to the run's real SMTP server, its real store on the run's database, mail outcomes
 * out through its outbox to the transport.
 */
describe('the notifier, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const publisher = new Publisher(transport);
  const inbox = new MailInbox(stack.mailInboxUrl);
  const linkKey = randomBytes(32).toString('base64url');
  let running: RunningNotifier;

  beforeAll(async () => {
    await transport.ensureTopics(ALL_TOPICS);
    const config = loadNotifierConfig({
      MONGO_URI: stack.mongoUri,
      NOTIFIER_DB: `${stack.namespace}-notifier-component-${Date.now()}`,
      NOTIFIER_PORT: '0',
      NOTIFIER_GROUP_ID: 'notifier-component',
      SMTP_HOST: stack.smtp.host,
      SMTP_PORT: String(stack.smtp.port),
      ANSWER_LINK_SECRET: randomBytes(32).toString('base64url'),
      SIGNIN_LINK_KEY: linkKey,
      KAFKA_BROKERS: 'not-used:9092',
      OUTBOX_INTERVAL_MS: '100',
    });
    running = await notifier.start(config, createLogger('notifier', { write: () => undefined }), { transport });
    await waitFor('the notifier to be ready', async () => (await fetch(`${running.url}/readyz`)).ok, { timeoutMs: 30_000, intervalMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  it('when a match is approved, then each side gets one mail naming the other, and mail.sent goes out for each', async () => {
    const tag = `nc${Date.now().toString(36)}`;
    const offer = makeOffer({ id: `off-${tag}`, provider: { id: `prov-${tag}`, email: `provider-${tag}@example.org` } });
    const request = makeRequest({ id: `req-${tag}`, school: { id: `sch-${tag}`, email: `school-${tag}@example.org` } });
    const engine = new MatchingEngine();
    engine.upsertOffer(offer);
    const [best] = engine.matchRequest(request);
    const decided = createEnvelope({
      type: 'match.decided',
      key: request.id,
      payload: {
        match: snapshotOf(best, request, offer),
        decision: 'approved',
        decidedBy: 'broker@example.org',
        decidedAt: new Date().toISOString(),
      },
    });
    await publisher.publish(TOPICS.matchesDecided, decided);
    await publisher.publish(TOPICS.matchesDecided, decided); // a redelivery: no second mail
    await transport.idle();

    const [toSchool] = await inbox.waitForMailTo(`school-${tag}@example.org`);
    const [toProvider] = await inbox.waitForMailTo(`provider-${tag}@example.org`);
    expect(toSchool.text).toContain(offer.provider.name);
    expect(toProvider.text).toContain(request.school.name);

    const sent = async () =>
      (await transport.readTopic(TOPICS.mails))
        .flatMap((m) => (m.value ? [JSON.parse(m.value) as KoppelEvent] : []))
        .filter((e) => e.type === 'mail.sent' && e.payload.matchId === decided.payload.match.matchId);
    await waitFor('two mail.sent events', async () => (await sent()).length >= 2, { timeoutMs: 10_000, intervalMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await sent()).length).toBe(2);
    expect(await inbox.to(`school-${tag}@example.org`)).toHaveLength(1);
  });

  it('when a sign-up confirmation is requested twice (a redelivery), then its contact gets one mail with the opened link', async () => {
    const tag = `su${Date.now().toString(36)}`;
    const to = `contact-${tag}@example.org`;
    const link = `http://portal.example/aanmelden/bevestigen?token=${tag}-secret`;
    const requested = createEnvelope({
      type: 'signup.mail-requested',
      key: `org-${tag}`,
      payload: {
        kind: 'confirm',
        sealedContact: sealText(JSON.stringify({ email: to, name: 'An Peeters' }), linkKey),
        language: 'fr',
        organisationName: `Théâtre ${tag}`,
        sealedLink: sealText(link, linkKey),
        expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      },
    });
    await publisher.publish(TOPICS.signIn, requested);
    await publisher.publish(TOPICS.signIn, requested); // a redelivery: no second mail
    await transport.idle();

    const [mail] = await inbox.waitForMailTo(to);
    expect(mail.subject).toBe('Confirmez votre inscription à koppel');
    expect(mail.text).toContain('Bonjour An Peeters,');
    expect(mail.text).toContain(`Théâtre ${tag}`);
    expect(mail.text.split('\n')).toContain(link);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.headers['message-id']).toBe(`<signup.${requested.id}@koppel>`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await inbox.to(to)).toHaveLength(1);
  });
});
