import { signToken } from '@koppel/auth';
import { deadLetterTopicFor, TOPICS } from '@koppel/contracts';
import { bearer, readTopic, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

describe('an event that fails its schema', () => {
  const { stack, kafka } = e2eContext();

  it('goes to the dead-letter topic with the reason, and the consumer carries on', async () => {
    const tag = uniqueTag();
    const badKey = `broken-${tag}`;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPICS.requests,
      messages: [
        { key: `${badKey}-json`, value: '{"this is": not json' },
        {
          key: `${badKey}-schema`,
          value: JSON.stringify({
            id: `evt-${tag}`,
            type: 'request.created',
            version: 1,
            occurredAt: new Date().toISOString(),
            key: `${badKey}-schema`,
            payload: { request: { id: `${badKey}-schema`, title: 'no school, no ages' } },
          }),
        },
      ],
    });
    await producer.disconnect();

    // A valid request published after the bad ones is still matched.
    const { request, offer } = goodPair('req-0010', 'off-0081', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    await waitForProposal(stack, request.id, offer.id);

    // Every consumer of the topic parks what it cannot read (the matcher, review for withdrawals and
    // review's insights read model), saying which it is.
    const groups = [`${stack.namespace}-koppel-matcher`, `${stack.namespace}-koppel-review`, `${stack.namespace}-koppel-review-insights`];
    const dlq = await readTopic(
      kafka,
      deadLetterTopicFor(TOPICS.requests),
      (ms) => ms.filter((m) => m.key?.startsWith(badKey)).length >= 2 * groups.length,
    );
    const parked = dlq.filter((m) => m.key?.startsWith(badKey) && m.headers['dlq-consumer-group'] === groups[0]);
    expect(
      dlq
        .filter((m) => m.key?.startsWith(badKey))
        .map((m) => m.headers['dlq-consumer-group'])
        .sort(),
    ).toEqual([...groups, ...groups].sort());
    const notJson = parked.find((m) => m.key === `${badKey}-json`);
    const badSchema = parked.find((m) => m.key === `${badKey}-schema`);
    expect(notJson?.headers['dlq-reason']).toMatch(/not valid JSON/);
    expect(notJson?.value).toBe('{"this is": not json');
    expect(badSchema?.headers['dlq-reason']).toMatch(/payload\.request\.school/);
    expect(badSchema?.headers['dlq-reason']).toMatch(/payload\.request\.pupils/);
    expect(badSchema?.headers['dlq-source-topic']).toBe(TOPICS.requests);
    expect(badSchema?.headers['dlq-source-offset']).toMatch(/^\d+$/);

    // The matcher is still healthy and consuming.
    await waitFor('matcher health', async () => (await requestJson('GET', `${stack.services.matcher.url}/healthz`)).status === 200);

    // An admin sees the parked messages counted per topic in the console (a broker does not).
    const page = await consolePage('/console/mails', 'admin');
    const row = page.match(
      new RegExp(`<tr><td><code>${TOPICS.requests.replace(/\./g, '\\.')}</code></td><td>(\\d+)</td><td>(\\d+)</td><td>(?:<strong>)?(\\d+)`),
    );
    expect(row).not.toBeNull();
    expect(Number(row![1])).toBeGreaterThanOrEqual(2);
    expect(Number(row![3])).toBeGreaterThanOrEqual(2);
    expect(page).toContain('npm run --silent dlq -- replay');
    expect(await consolePage('/console/mails', 'broker')).not.toContain(TOPICS.requests);
  });

  async function consolePage(path: string, role: 'admin' | 'broker'): Promise<string> {
    const claims =
      role === 'admin'
        ? { sub: 'ops@example.org', role }
        : { sub: 'broker@example.org', role, org: 'b-dlq', regions: [{ country: 'BE', postcodeFrom: 8000, postcodeTo: 8999 }] };
    const { token } = signToken(stack.authSecret, { ...claims, ttlSeconds: 600 } as Parameters<typeof signToken>[1]);
    const session = await fetch(`${stack.services.review.url}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0];
    return (await fetch(`${stack.services.review.url}${path}`, { headers: { cookie } })).text();
  }
});
