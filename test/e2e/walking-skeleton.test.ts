import { TOPICS } from '@koppel/contracts';
import { bearer, readTopic, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

/**
 * The thin path through the whole system, on the real broker, database and
 * SMTP server: HTTP → intake → Kafka → matcher → review → Kafka → notifier → mail.
 */
describe('walking skeleton: one request from HTTP to both inboxes', () => {
  const { stack, kafka, inbox } = e2eContext();

  it('proposes a match, and after approval mails the school and the provider once each, in Dutch', async () => {
    const tag = uniqueTag();
    const { request, offer } = goodPair('req-0001', 'off-0035', tag);

    const offerRes = await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken));
    expect(offerRes.status).toBe(201);
    const requestRes = await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken));
    expect(requestRes.status).toBe(201);
    expect(requestRes.headers.get('location')).toBe(`/requests/${request.id}`);

    const proposal = await waitForProposal(stack, request.id, offer.id);
    expect(proposal.score).toBeGreaterThan(0);
    expect(proposal.match.school.email).toBe(request.school.email);
    expect(proposal.match.provider.email).toBe(offer.provider.email);

    const approved = await requestJson(
      'POST',
      `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`,
      {
        note: 'Mooie match voor het vijfde leerjaar.',
      },
      bearer(stack.adminToken),
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');

    const [toSchool] = await inbox.waitForMailTo(request.school.email);
    const [toProvider] = await inbox.waitForMailTo(offer.provider.email);
    expect(toSchool.subject).toBe(`Voorstel van koppel: ${offer.title}`);
    expect(toSchool.text).toContain(`Beste ${request.school.name},`);
    expect(toSchool.text).toContain(offer.provider.name);
    expect(toSchool.text).toContain(offer.provider.email);
    expect(toSchool.text).toContain('Mooie match voor het vijfde leerjaar.');
    expect(toProvider.text).toContain(`Beste ${offer.provider.name},`);
    expect(toProvider.text).toContain(request.school.name);
    expect(toProvider.text).toContain(request.school.email);
    expect(toSchool.html).toContain('<html lang="nl">');

    // A second approval is refused: the decision is taken once.
    const again = await requestJson(
      'POST',
      `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`,
      {},
      bearer(stack.adminToken),
    );
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends no second mail when the approval event is delivered again', async () => {
    const tag = uniqueTag();
    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
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
    await inbox.waitForMailTo(request.school.email);
    await inbox.waitForMailTo(offer.provider.email);

    // Deliver the very same approval event once more, as Kafka would after a consumer crash.
    const decided = await readTopic(kafka, TOPICS.matchesDecided, (ms) => ms.some((m) => m.value?.includes(proposal.id)));
    const original = decided.find((m) => m.value?.includes(proposal.id));
    expect(original).toBeDefined();
    const producer = kafka.producer();
    await producer.connect();
    const [sent] = await producer.send({
      topic: TOPICS.matchesDecided,
      messages: [{ key: original!.key, value: original!.value, headers: original!.headers }],
    });
    await producer.disconnect();

    // Wait until the notifier has consumed past the duplicate, then count mails.
    const admin = kafka.admin();
    await admin.connect();
    await waitFor(
      'notifier to consume the duplicate',
      async () => {
        const [topicOffsets] = await admin.fetchOffsets({ groupId: `${stack.namespace}-koppel-notifier`, topics: [TOPICS.matchesDecided] });
        const committed = topicOffsets.partitions.find((p) => p.partition === sent.partition);
        return committed !== undefined && BigInt(committed.offset) > BigInt(sent.baseOffset ?? '0');
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await admin.disconnect();
    expect(await inbox.to(request.school.email)).toHaveLength(1);
    expect(await inbox.to(offer.provider.email)).toHaveLength(1);
  });
});
