import { randomBytes } from 'node:crypto';
import { openSealed, signToken } from '@koppel/auth';
import { createEnvelope, type KoppelEvent, TOPICS } from '@koppel/contracts';
import { createMemoryTransport, Publisher } from '@koppel/messaging';
import { MongoClient } from 'mongodb';
import { bearer, demoOffers, readTestStack, requestJson, uniqueCopy, waitFor } from '@koppel/testkit';
import type { RunningIntake } from '../../src';
import { startIntakeOn } from './start-intake';

/**
 * Sign-up (issue #13) on intake's real API and database, with the in-process transport
 * standing in for Kafka: the confirmation mail goes out sealed, the confirmed sign-up goes
 * to the brokers, and their decision (as review publishes it) activates or rejects it.
 */
describe('organisations signing up themselves', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const publisher = new Publisher(transport);
  const key = randomBytes(32).toString('base64url');
  const tag = Date.now().toString(36);
  const database = `${stack.namespace}-intake-sign-ups-${tag}`;
  let running: RunningIntake;

  beforeAll(async () => {
    running = await startIntakeOn(transport, {
      INTAKE_DB: database,
      SIGNIN_LINK_KEY: key,
      SIGNUP_CONFIRM_LINK_BASE: 'http://portal.example/registreren/bevestigen',
      SIGNIN_PORTAL_LINK_BASE: 'http://portal.example/aanmelden',
    });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  const eventsOn = async (topic: string) =>
    (await transport.readTopic(topic)).flatMap((m) => (m.value ? [JSON.parse(m.value) as KoppelEvent] : []));
  const mailsTo = async (address: string) =>
    (await eventsOn(TOPICS.signIn)).flatMap((e) => {
      if (e.type !== 'signup.mail-requested') return [];
      const contact = JSON.parse(openSealed(e.payload.sealedContact, key)) as { email: string };
      return contact.email === address ? [e] : [];
    });
  const signUpBody = (email: string, name = `BSO Het Speelnest ${tag}`) => ({
    type: 'after_school_care',
    name,
    place: { postcode: '8500', country: 'BE' },
    contact: { name: 'Lotte', email, language: 'nl' },
  });
  /** A broker's approval as review publishes it, delivered twice; the held offer is then published exactly once. */
  const approveTwiceAndExpectOfferCreatedOnce = async (organisationId: string, offerId: string) => {
    const decided = createEnvelope({
      type: 'signup.decided',
      key: organisationId,
      payload: { organisationId, decision: 'approved', decidedBy: 'broker@example.org' },
    });
    await publisher.publish(TOPICS.signUps, decided);
    await publisher.publish(TOPICS.signUps, decided);
    await waitFor('offer.created', async () => (await eventsOn(TOPICS.offers)).some((e) => e.key === offerId), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    await transport.idle();
    expect((await eventsOn(TOPICS.offers)).filter((e) => e.key === offerId).map((e) => e.type)).toEqual(['offer.created']);
  };
  /** The token in the confirmation link the notifier would mail. */
  const tokenFrom = (mail: KoppelEvent) => {
    if (mail.type !== 'signup.mail-requested' || !mail.payload.sealedLink) throw new Error('no link in this mail');
    return new URL(openSealed(mail.payload.sealedLink, key)).searchParams.get('token')!;
  };
  const organisation = async (id: string) => requestJson('GET', `${running.url}/organisations/${id}`, undefined, bearer(stack.adminToken));

  it('mails a sealed link, confirms once, and an approval makes the organisation exist for everyone', async () => {
    const address = `speelnest-${tag}@example.org`;
    const res = await requestJson('POST', `${running.url}/sign-ups`, signUpBody(address));
    expect(res.status).toBe(202);
    const id = res.body.organisationId as string;
    await waitFor('the confirmation mail', async () => (await mailsTo(address)).length === 1, { timeoutMs: 10_000, intervalMs: 50 });
    const [mail] = await mailsTo(address);
    expect(mail.payload).toMatchObject({ kind: 'confirm', organisationName: `BSO Het Speelnest ${tag}`, language: 'nl' });
    // Neither the address nor the link in the clear on the topic.
    expect(JSON.stringify(mail)).not.toContain(address);
    expect(JSON.stringify(mail)).not.toContain(tokenFrom(mail));
    // Not an organisation anyone else sees yet: unconfirmed, no organisation.created.
    expect((await organisation(id)).body.status).toBe('unconfirmed');
    expect((await eventsOn(TOPICS.organisations)).filter((e) => e.key === id)).toEqual([]);

    expect((await requestJson('POST', `${running.url}/sign-ups/confirmations`, { token: 'not-a-real-token-at-all' })).status).toBe(404);
    const confirmed = await requestJson('POST', `${running.url}/sign-ups/confirmations`, { token: tokenFrom(mail) });
    expect(confirmed).toMatchObject({ status: 200, body: { organisationId: id, status: 'awaiting_approval' } });
    // Opening the link again changes nothing.
    expect((await requestJson('POST', `${running.url}/sign-ups/confirmations`, { token: tokenFrom(mail) })).body.status).toBe(
      'awaiting_approval',
    );
    await waitFor('signup.confirmed', async () => (await eventsOn(TOPICS.signUps)).some((e) => e.key === id), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const forBrokers = (await eventsOn(TOPICS.signUps)).filter((e) => e.key === id);
    expect(forBrokers.map((e) => e.type)).toEqual(['signup.confirmed']);
    expect(forBrokers[0].payload).toMatchObject({ organisationId: id, type: 'after_school_care', place: { municipality: 'Kortrijk' } });
    expect(JSON.stringify(forBrokers[0])).not.toContain(address);

    const decided = createEnvelope({
      type: 'signup.decided',
      key: id,
      payload: { organisationId: id, decision: 'approved', decidedBy: 'broker@example.org' },
    });
    await publisher.publish(TOPICS.signUps, decided);
    await publisher.publish(TOPICS.signUps, decided); // a redelivery
    await waitFor('organisation.created', async () => (await eventsOn(TOPICS.organisations)).some((e) => e.key === id), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    await transport.idle();
    expect((await eventsOn(TOPICS.organisations)).filter((e) => e.key === id).map((e) => e.type)).toEqual(['organisation.created']);
    expect((await organisation(id)).body).toMatchObject({ status: 'active', revision: 1, type: 'after_school_care' });
    const kinds = (await mailsTo(address)).map((e) => (e.type === 'signup.mail-requested' ? e.payload.kind : ''));
    expect(kinds).toEqual(['confirm', 'approved']);
  });

  it('flags a sign-up with the name and place of a known organisation, and mails a rejection with its reason', async () => {
    const first = await requestJson('POST', `${running.url}/sign-ups`, signUpBody(`eerste-${tag}@example.org`, `Jeugdhuis Kroon ${tag}`));
    const second = await requestJson('POST', `${running.url}/sign-ups`, signUpBody(`tweede-${tag}@example.org`, `Jeugdhuis  KROON ${tag}`));
    expect([first.status, second.status]).toEqual([202, 202]);
    const address = `tweede-${tag}@example.org`;
    await waitFor('the confirmation mail', async () => (await mailsTo(address)).length === 1, { timeoutMs: 10_000, intervalMs: 50 });
    const id = second.body.organisationId as string;
    expect(
      (await requestJson('POST', `${running.url}/sign-ups/confirmations`, { token: tokenFrom((await mailsTo(address))[0]) })).status,
    ).toBe(200);
    await waitFor('signup.confirmed', async () => (await eventsOn(TOPICS.signUps)).some((e) => e.key === id), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const confirmed = (await eventsOn(TOPICS.signUps)).find((e) => e.key === id)!;
    expect(confirmed.type === 'signup.confirmed' && confirmed.payload.duplicates).toEqual([
      { organisationId: first.body.organisationId, name: `Jeugdhuis Kroon ${tag}`, why: 'name_and_place' },
    ]);
    await publisher.publish(
      TOPICS.signUps,
      createEnvelope({
        type: 'signup.decided',
        key: id,
        payload: { organisationId: id, decision: 'rejected', reason: 'Deze organisatie is al aangemeld.', decidedBy: 'broker@example.org' },
      }),
    );
    await waitFor('the rejection mail', async () => (await mailsTo(address)).length === 2, { timeoutMs: 10_000, intervalMs: 50 });
    expect((await mailsTo(address))[1].payload).toMatchObject({ kind: 'rejected', reason: 'Deze organisatie is al aangemeld.' });
    expect((await organisation(id)).body.status).toBe('rejected');
    expect((await eventsOn(TOPICS.organisations)).filter((e) => e.key === id)).toEqual([]);
  });

  it('answers a bad sign-up with every bad field, and refuses to sign up a broker', async () => {
    const res = await requestJson('POST', `${running.url}/sign-ups`, {
      type: 'broker',
      name: '',
      place: { postcode: '0000', country: 'BE' },
      contact: { name: 'X', email: 'not-an-address' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['contact.email', 'name', 'type']);
    const unknownPlace = await requestJson('POST', `${running.url}/sign-ups`, {
      ...signUpBody(`nergens-${tag}@example.org`),
      place: { postcode: '0001', country: 'BE' },
    });
    expect(unknownPlace.status).toBe(400);
    expect(unknownPlace.body.errors[0].path).toBe('place.postcode');
  });

  it('lets an organisation awaiting approval sign in and prepare an offer, held back until a broker approves it', async () => {
    const address = `theater-${tag}@example.org`;
    const res = await requestJson('POST', `${running.url}/sign-ups`, {
      type: 'theatre',
      name: `Theater Wachtkamer ${tag}`,
      place: { postcode: '8500', country: 'BE' },
      contact: { name: 'Jan', email: address, language: 'nl' },
    });
    const id = res.body.organisationId as string;
    await waitFor('the confirmation mail', async () => (await mailsTo(address)).length === 1, { timeoutMs: 10_000, intervalMs: 50 });
    expect(
      (await requestJson('POST', `${running.url}/sign-ups/confirmations`, { token: tokenFrom((await mailsTo(address))[0]) })).status,
    ).toBe(200);
    // It may ask for a sign-in link now (the link goes out like anyone's).
    const before = (await eventsOn(TOPICS.signIn)).filter((e) => e.type === 'signin.link-requested').length;
    expect((await requestJson('POST', `${running.url}/auth/sign-in-links`, { email: address })).status).toBe(202);
    await waitFor(
      'the sign-in link event',
      async () => (await eventsOn(TOPICS.signIn)).filter((e) => e.type === 'signin.link-requested').length === before + 1,
      { timeoutMs: 10_000, intervalMs: 50 },
    );

    // Its offer is stored, said to await approval, and published nowhere.
    const token = bearer(signToken(stack.authSecret, { sub: address, role: 'provider', org: id, ttlSeconds: 600 }).token);
    const offer = { ...uniqueCopy(demoOffers()[0], `held${tag}`), provider: undefined };
    const created = await requestJson('POST', `${running.url}/offers`, offer, token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: offer.id, awaitingApproval: true, provider: { id } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await eventsOn(TOPICS.offers)).filter((e) => e.key === offer.id)).toEqual([]);

    // Approved (the decision delivered twice): the organisation, then its offer, each published once.
    await approveTwiceAndExpectOfferCreatedOnce(id, offer.id);
    expect((await eventsOn(TOPICS.organisations)).filter((e) => e.key === id).map((e) => e.type)).toEqual(['organisation.created']);
    const stored = await requestJson('GET', `${running.url}/offers/${offer.id}`, undefined, bearer(stack.adminToken));
    expect(stored.body.awaitingApproval).toBeUndefined();
  });

  it('finishes a release a crash cut short: the redelivered approval publishes what is still held, once', async () => {
    const address = `kelder-${tag}@example.org`;
    const res = await requestJson('POST', `${running.url}/sign-ups`, {
      type: 'museum',
      name: `Museum De Kelder ${tag}`,
      place: { postcode: '8500', country: 'BE' },
      contact: { name: 'Els', email: address, language: 'nl' },
    });
    const id = res.body.organisationId as string;
    await waitFor('the confirmation mail', async () => (await mailsTo(address)).length === 1, { timeoutMs: 10_000, intervalMs: 50 });
    await requestJson('POST', `${running.url}/sign-ups/confirmations`, { token: tokenFrom((await mailsTo(address))[0]) });
    const token = bearer(signToken(stack.authSecret, { sub: address, role: 'provider', org: id, ttlSeconds: 600 }).token);
    const offer = { ...uniqueCopy(demoOffers()[1], `crash${tag}`), provider: undefined };
    expect((await requestJson('POST', `${running.url}/offers`, offer, token)).body.awaitingApproval).toBe(true);
    // The state a crash leaves after the approval's write and before the release: active, its offer still held.
    const client = new MongoClient(stack.mongoUri, { directConnection: true });
    try {
      await client
        .db(database)
        .collection<{ _id: string }>('organisations')
        .updateOne({ _id: id }, { $set: { status: 'active', revision: 1 } });
    } finally {
      await client.close();
    }
    await approveTwiceAndExpectOfferCreatedOnce(id, offer.id);
  });
});
