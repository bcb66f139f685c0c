import { bearer, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

/**
 * Issue #12: `/metrics` on every service says what an operator needs to see: HTTP answer
 * times by route pattern (never a raw path with ids), the matcher's index size, and the
 * mails sent or failed, on top of the consumer and outbox figures (decision 0018).
 */
describe('/metrics', () => {
  const { stack, inbox } = e2eContext();
  const scrape = async (url: string) => (await fetch(`${url}/metrics`)).text();
  const value = (text: string, series: string) =>
    Number(
      text
        .split('\n')
        .find((l) => l.startsWith(`${series} `))
        ?.split(' ')[1] ?? NaN,
    );

  it("counts HTTP answers by route, the listings in the index, the outbox, the consumers' lag and the mails sent", async () => {
    const tag = uniqueTag();
    const admin = bearer(stack.adminToken);
    const mailsBefore = value(await scrape(stack.services.notifier.url), 'koppel_mails_total{kind="approved",outcome="sent"}') || 0;
    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, admin)).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, admin)).status).toBe(201);
    expect((await requestJson('GET', `${stack.services.intake.url}/offers/${offer.id}`, undefined, admin)).status).toBe(200);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    expect(
      (await requestJson('POST', `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`, {}, admin)).status,
    ).toBe(200);
    await inbox.waitForMailTo(request.school.email);
    await inbox.waitForMailTo(offer.provider.email);

    const intake = await scrape(stack.services.intake.url);
    expect(value(intake, 'koppel_http_request_duration_seconds_count{method="POST",route="/offers/",status="201"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      value(intake, 'koppel_http_request_duration_seconds_count{method="GET",route="/offers/:id",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(intake).not.toContain(offer.id); // route patterns, never ids
    expect(value(await scrape(stack.services.matcher.url), 'koppel_matcher_index_listings{kind="offer"}')).toBeGreaterThanOrEqual(1);
    // The outbox published both listings and has nothing left; the matcher caught up with both topics.
    expect(value(intake, 'koppel_outbox_published_total{model="Offer"}')).toBeGreaterThanOrEqual(1);
    expect(value(intake, 'koppel_outbox_published_total{model="Request"}')).toBeGreaterThanOrEqual(1);
    await waitFor(
      'an empty outbox backlog',
      async () => value(await scrape(stack.services.intake.url), 'koppel_outbox_backlog_documents{model="Request"}') === 0,
      { timeoutMs: 10_000, intervalMs: 250 },
    );
    const lag = (await scrape(stack.services.matcher.url))
      .split('\n')
      .filter((l) => l.startsWith('koppel_consumer_lag_messages{') && l.includes('topic="koppel.requests.v1"'));
    expect(lag.length).toBeGreaterThanOrEqual(1);
    for (const line of lag) expect(Number(line.split(' ')[1])).toBe(0);
    await waitFor(
      'two more approval mails counted',
      async () => value(await scrape(stack.services.notifier.url), 'koppel_mails_total{kind="approved",outcome="sent"}') >= mailsBefore + 2,
      { timeoutMs: 10_000, intervalMs: 250 },
    );
  });
});
