import { randomBytes } from 'node:crypto';
import { signToken } from '@koppel/auth';
import { ALL_TOPICS, createEnvelope, type KoppelEvent, type SignUpConfirmedPayload, TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import { createMemoryTransport, Publisher } from '@koppel/messaging';
import { readTestStack, waitFor } from '@koppel/testkit';
import { loadReviewConfig, type RunningReview, review } from '../../src';

/**
 * Sign-ups (issue #13) as a component: `signup.confirmed` in through the in-process
 * transport, the console's page and form posts over HTTP with a broker's session, on the
 * run's real database, and `signup.decided` out through review's outbox to the transport.
 */
describe('review sign-ups, in process', () => {
  const stack = readTestStack();
  const transport = createMemoryTransport();
  const publisher = new Publisher(transport);
  const token = (claims: Parameters<typeof signToken>[1]) => signToken(stack.authSecret, claims).token;
  let running: RunningReview;

  beforeAll(async () => {
    await transport.ensureTopics(ALL_TOPICS);
    const database = `${stack.namespace}-review-sign-ups-${Date.now()}`;
    const config = loadReviewConfig({
      MONGO_URI: stack.mongoUri,
      REVIEW_DB: database,
      REVIEW_INSIGHTS_DB: `${database}-insights`,
      REVIEW_PORT: '0',
      REVIEW_GROUP_ID: 'review-sign-ups-component',
      AUTH_TOKEN_SECRET: stack.authSecret,
      ANSWER_LINK_SECRET: randomBytes(32).toString('base64url'),
      KAFKA_BROKERS: 'not-used:9092',
      OUTBOX_INTERVAL_MS: '100',
    });
    running = await review.start(config, createLogger('review', { write: () => undefined }), { transport });
    await waitFor('review to be ready', async () => (await fetch(`${running.url}/readyz`)).ok, { timeoutMs: 30_000, intervalMs: 50 });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  /** A console session as the sign-in hands it over: the session token for a cookie. */
  async function sessionOf(claims: Parameters<typeof signToken>[1]): Promise<string> {
    const res = await fetch(`${running.url}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: token(claims) }),
    });
    expect(res.status).toBe(204);
    return res.headers.get('set-cookie')!.split(';')[0];
  }
  const brokerOf = (sub: string, postcodeFrom: number, postcodeTo: number) =>
    sessionOf({ sub, role: 'broker', org: `b-${postcodeFrom}`, regions: [{ country: 'BE', postcodeFrom, postcodeTo }], ttlSeconds: 600 });

  /** A console form post as a browser sends it (urlencoded), without following the redirect. */
  const postForm = (path: string, cookie: string, form: Record<string, string> = {}) =>
    fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
  const page = async (cookie: string) => {
    const res = await fetch(`${running.url}/console/sign-ups`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const rowsOf = (html: string, id: string) => html.split(`<tr data-organisation-id="${id}"`).length - 1;
  const decisionsOf = async (organisationId: string) =>
    (await transport.readTopic(TOPICS.signUps))
      .flatMap((m) => (m.value ? [JSON.parse(m.value) as KoppelEvent] : []))
      .filter((e) => e.type === 'signup.decided' && e.payload.organisationId === organisationId);

  it('when a confirmed sign-up arrives twice, then its region’s broker sees it once and approves it once; others cannot', async () => {
    const organisationId = `org-linde-${Date.now()}`;
    const payload: SignUpConfirmedPayload = {
      organisationId,
      type: 'school',
      name: 'Basisschool De Linde',
      place: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.83, lon: 3.26 },
      schoolLevels: ['be_primary'],
      duplicates: [{ organisationId: 'org-old-linde', name: 'De Linde', why: 'name_and_place' }],
      confirmedAt: new Date().toISOString(),
    };
    const confirmed = createEnvelope({ type: 'signup.confirmed', key: organisationId, payload });
    await publisher.publish(TOPICS.signUps, confirmed);
    await publisher.publish(TOPICS.signUps, confirmed); // a redelivery: still one sign-up
    await transport.idle();

    const westFlanders = await brokerOf('west@example.org', 8000, 8999);
    const eastFlanders = await brokerOf('east@example.org', 9000, 9999);
    const waiting = await page(westFlanders);
    expect(rowsOf(waiting, organisationId)).toBe(1);
    expect(waiting).toContain('Basisschool De Linde');
    expect(waiting).toContain('De Linde (id org-old-linde): zelfde naam en plaats');

    // Another region's broker: not listed, and deciding it is as if it did not exist.
    expect(rowsOf(await page(eastFlanders), organisationId)).toBe(0);
    const path = `/console/sign-ups/${encodeURIComponent(organisationId)}`;
    expect((await postForm(`${path}/approve`, eastFlanders)).status).toBe(404);
    expect((await postForm(`${path}/reject`, eastFlanders, { reason: 'Niet bij ons' })).status).toBe(404);

    // A rejection without a reason: the page again, 400, the field marked and named; nothing decided.
    const noReason = await postForm(`${path}/reject`, westFlanders, { reason: '   ' });
    expect(noReason.status).toBe(400);
    const refused = await noReason.text();
    expect(refused).toContain('<p class="field-error" id="reason-0-error">Vul een reden in om deze inschrijving te weigeren.</p>');
    expect(refused).toMatch(/<textarea id="reason-0" name="reason"[^>]*aria-invalid="true"/);
    expect(refused).toContain('<label for="reason-0">Reden van weigering');
    await transport.idle();
    expect(await decisionsOf(organisationId)).toEqual([]);

    // The region's broker approves: one decision, one event, naming the broker.
    const approved = await postForm(`${path}/approve`, westFlanders);
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe('/console/sign-ups?flash=sign-up-approved');
    await waitFor('signup.decided on the transport', async () => (await decisionsOf(organisationId)).length > 0, {
      timeoutMs: 10_000,
      intervalMs: 50,
    });

    // A second approval or a rejection changes nothing.
    const again = await postForm(`${path}/approve`, westFlanders);
    expect(again.headers.get('location')).toBe('/console/sign-ups?flash=sign-up-already-decided');
    const late = await postForm(`${path}/reject`, westFlanders, { reason: 'Toch niet' });
    expect(late.headers.get('location')).toBe('/console/sign-ups?flash=sign-up-already-decided');
    await transport.idle();

    const [event, ...more] = await decisionsOf(organisationId);
    expect(more).toEqual([]);
    if (event.type !== 'signup.decided') throw new Error('not a decision');
    expect(event.key).toBe(organisationId);
    expect(event.payload).toEqual({ organisationId, decision: 'approved', decidedBy: 'west@example.org' });

    // The page says so after the redirect, and lists it among the decisions with who decided.
    const after = await fetch(`${running.url}/console/sign-ups?flash=sign-up-approved`, { headers: { cookie: westFlanders } });
    const html = await after.text();
    expect(html).toContain('Inschrijving goedgekeurd');
    expect(html).toContain(`<tr data-organisation-id="${organisationId}" data-status="approved">`);
    expect(html).toContain('west@example.org');
    expect(html).not.toContain(`action="/console/sign-ups/${organisationId}/approve"`);
  });

  it('when a broker rejects with a reason, then the decision carries it', async () => {
    const organisationId = `org-museum-${Date.now()}`;
    await publisher.publish(
      TOPICS.signUps,
      createEnvelope({
        type: 'signup.confirmed',
        key: organisationId,
        payload: {
          organisationId,
          type: 'museum',
          name: 'Museum aan de Leie',
          place: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.83, lon: 3.26 },
          duplicates: [],
          confirmedAt: new Date().toISOString(),
        } satisfies SignUpConfirmedPayload,
      }),
    );
    await transport.idle();
    const admin = await sessionOf({ sub: 'ops@example.org', role: 'admin', ttlSeconds: 600 });
    const rejected = await postForm(`/console/sign-ups/${organisationId}/reject`, admin, { reason: '  Geen adres in Kortrijk gevonden. ' });
    expect(rejected.headers.get('location')).toBe('/console/sign-ups?flash=sign-up-rejected');
    await waitFor('signup.decided on the transport', async () => (await decisionsOf(organisationId)).length > 0, {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    const [event] = await decisionsOf(organisationId);
    expect(event.payload).toEqual({
      organisationId,
      decision: 'rejected',
      reason: 'Geen adres in Kortrijk gevonden.',
      decidedBy: 'ops@example.org',
    });
    expect(await page(admin)).toContain('<td>Geen adres in Kortrijk gevonden.</td>');
  });
});
