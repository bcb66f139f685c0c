import { addressHashOf } from '@koppel/auth';
import { TOPICS } from '@koppel/contracts';
import { bearer, readTopic, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, uniqueTag } from './helpers';

/**
 * Sign-in by one-time link, across services: intake publishes
 * `signin.link-requested`, the notifier mails the link in the contact's
 * language, once per event, and the link in the mail works at intake once.
 */
describe('sign-in link mail', () => {
  const { stack, kafka, inbox } = e2eContext();

  async function createBroker(tag: string, language: 'nl' | 'fr'): Promise<string> {
    const email = `broker-${language}-${tag}@example.org`;
    const res = await requestJson(
      'POST',
      `${stack.services.intake.url}/organisations`,
      {
        id: `org-broker-${language}-${tag}`,
        type: 'broker',
        name: `Bemiddelaar ${tag}`,
        contacts: [{ name: 'Sam Broker', email, language }],
        regions: [{ country: 'BE', postcodeFrom: 8000, postcodeTo: 8999, name: 'West-Vlaanderen' }],
      },
      bearer(stack.adminToken),
    );
    expect(res.status).toBe(201);
    return email;
  }

  it('mails one link in Dutch, pointing at the console callback, that signs in once', async () => {
    const email = await createBroker(uniqueTag(), 'nl');
    expect((await requestJson('POST', `${stack.services.intake.url}/auth/sign-in-links`, { email })).status).toBe(202);
    const [mail] = await inbox.waitForMailTo(email);
    expect(mail.subject).toBe('Je aanmeldlink voor koppel');
    expect(mail.text).toContain('Beste Sam Broker,');
    const link = mail.text.split('\n').find((l) => l.startsWith('http'))!;
    expect(link.startsWith(`${stack.services.review.url}/console/sign-in/callback?token=`)).toBe(true);
    expect(mail.html).toContain('lang="nl"');

    const token = new URL(link).searchParams.get('token')!;
    const session = await requestJson('POST', `${stack.services.intake.url}/auth/sessions`, { token });
    expect(session.status).toBe(201);
    expect(session.body.role).toBe('broker');
    expect((await requestJson('POST', `${stack.services.intake.url}/auth/sessions`, { token })).status).toBe(401);
    expect(await inbox.to(email)).toHaveLength(1);
  });

  it("sends a school to the portal's sign-in page rather than the console", async () => {
    const tag = uniqueTag();
    const email = `school-${tag}@example.org`;
    const created = await requestJson(
      'POST',
      `${stack.services.intake.url}/organisations`,
      {
        id: `org-school-${tag}`,
        type: 'school',
        name: `School ${tag}`,
        contacts: [{ name: 'Lien Leerkracht', email, language: 'nl' }],
        place: { postcode: '8500', country: 'BE' },
      },
      bearer(stack.adminToken),
    );
    expect(created.status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/auth/sign-in-links`, { email })).status).toBe(202);
    const [mail] = await inbox.waitForMailTo(email);
    const link = mail.text.split('\n').find((l) => l.startsWith('http'))!;
    expect(link.startsWith(`${stack.services.portal.url}/aanmelden?token=`)).toBe(true);
    const session = await requestJson('POST', `${stack.services.intake.url}/auth/sessions`, {
      token: new URL(link).searchParams.get('token'),
    });
    expect(session.body.role).toBe('requester');
  });

  it('writes French to a French-speaking contact, and a redelivered event sends no second mail', async () => {
    const email = await createBroker(uniqueTag(), 'fr');
    expect((await requestJson('POST', `${stack.services.intake.url}/auth/sign-in-links`, { email })).status).toBe(202);
    const [mail] = await inbox.waitForMailTo(email);
    expect(mail.subject).toBe('Votre lien de connexion à koppel');

    // The very same event again, as Kafka would deliver it after a consumer crash.
    const events = await readTopic(kafka, TOPICS.signIn, (ms) => ms.some((m) => m.key === addressHashOf(email)));
    const original = events.find((m) => m.key === addressHashOf(email))!;
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({
      topic: TOPICS.signIn,
      messages: [{ key: original.key, value: original.value, headers: original.headers }],
    });
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        'the notifier to consume the duplicate',
        async () => {
          const [offsets] = await admin.fetchOffsets({ groupId: `${stack.namespace}-koppel-notifier`, topics: [TOPICS.signIn] });
          const committed = offsets.partitions.find((p) => p.partition === sent.partition);
          return committed !== undefined && BigInt(committed.offset) > BigInt(sent.baseOffset ?? '0');
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      );
    } finally {
      await admin.disconnect();
    }
    expect(await inbox.to(email)).toHaveLength(1);
  });
});
