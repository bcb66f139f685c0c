import { readFileSync } from 'node:fs';
import { TOPICS } from '@koppel/contracts';
import { bearer, readTopic, requestJson, waitFor, type ReadMessage } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

/**
 * Issue #12: nothing tied an HTTP request to the events and mails it caused. Every event
 * now carries the `correlationId` of the request its chain started from and the
 * `causationId` of what caused it, and every log line the correlation id: a school's
 * POST leads through request.created to match.proposed, a broker's approval through
 * match.decided to mail.sent and the notifier's log line for the mail.
 */
describe('correlation from an HTTP request to the events and mails it caused', () => {
  const { stack, kafka } = e2eContext();
  // Other tests put malformed messages on these topics on purpose: skipped.
  const parsed = (value: string) => {
    try {
      return [JSON.parse(value)];
    } catch {
      return [];
    }
  };
  const events = (messages: ReadMessage[]) =>
    messages.flatMap((m) => (m.value ? parsed(m.value) : [])).filter((e) => e && typeof e === 'object' && e.payload);

  it('follows a request to its proposal, and an approval to its mails', async () => {
    const tag = uniqueTag();
    const admin = bearer(stack.adminToken);
    const { request, offer } = goodPair('req-0001', 'off-0035', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, admin)).status).toBe(201);
    const posted = await requestJson('POST', `${stack.services.intake.url}/requests`, request, { ...admin, 'x-request-id': `post-${tag}` });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('x-request-id')).toBe(`post-${tag}`);

    const created = events(await readTopic(kafka, TOPICS.requests, (ms) => ms.some((m) => m.key === request.id))).find(
      (e) => e.payload.request?.id === request.id,
    );
    expect(created).toMatchObject({ type: 'request.created', correlationId: `post-${tag}`, causationId: `post-${tag}` });

    const proposal = await waitForProposal(stack, request.id, offer.id);
    const proposed = events(await readTopic(kafka, TOPICS.matchesProposed, (ms) => ms.some((m) => m.key === request.id))).find(
      (e) => e.payload.match.matchId === proposal.id,
    );
    expect(proposed).toMatchObject({ correlationId: `post-${tag}`, causationId: created.id });

    const approved = await requestJson(
      'POST',
      `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`,
      {},
      { ...admin, 'x-request-id': `approve-${tag}` },
    );
    expect(approved.status).toBe(200);
    const decided = events(
      await readTopic(kafka, TOPICS.matchesDecided, (ms) => events(ms).some((e) => e.payload.match.matchId === proposal.id)),
    ).find((e) => e.payload.match.matchId === proposal.id);
    expect(decided).toMatchObject({ correlationId: `approve-${tag}`, causationId: `approve-${tag}` });
    const sent = events(
      await readTopic(
        kafka,
        TOPICS.mails,
        (ms) => events(ms).filter((e) => e.type === 'mail.sent' && e.payload.matchId === proposal.id).length >= 2,
      ),
    ).filter((e) => e.type === 'mail.sent' && e.payload.matchId === proposal.id);
    expect(sent).toHaveLength(2);
    for (const mail of sent) expect(mail).toMatchObject({ correlationId: `approve-${tag}`, causationId: decided.id });

    // The notifier's log says which request its mails came from.
    const lines = await waitFor(
      'the notifier to log the mails',
      async () => {
        const found = readFileSync(stack.services.notifier.logFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes(`"correlationId":"approve-${tag}"`) && l.includes('"msg":"mail sent"'));
        return found.length >= 2 ? found : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 250 },
    );
    expect(lines).toHaveLength(2);
  });
});
