import { bearer, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';

/**
 * Issue #11: a withdrawn offer kept its pending proposals, which could still be
 * approved and mailed. Now review withdraws them with the listing: approving one
 * answers 409 and nobody is mailed.
 */
describe('withdrawing a listing', () => {
  const { stack, inbox } = e2eContext();

  it('withdraws its pending proposals: approving one is a 409 and no mail goes out', async () => {
    const tag = uniqueTag();
    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    const intake = stack.services.intake.url;
    const review = stack.services.review.url;
    expect((await requestJson('POST', `${intake}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${intake}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);

    expect((await requestJson('POST', `${intake}/offers/${offer.id}/withdraw`, { reason: 'de voorstelling gaat niet door' }, bearer(stack.adminToken))).status).toBe(200);
    await waitFor('the proposal withdrawn with its offer', async () => {
      const res = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
      return res.body?.status === 'withdrawn';
    }, { timeoutMs: 30_000, intervalMs: 300 });

    const approve = await requestJson('POST', `${review}/proposals/${encodeURIComponent(proposal.id)}/approve`, {}, bearer(stack.adminToken));
    expect(approve.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await inbox.to(request.school.email)).toHaveLength(0);
    expect(await inbox.to(offer.provider.email)).toHaveLength(0);
    expect((await requestJson('POST', `${intake}/requests/${request.id}/withdraw`, {}, bearer(stack.adminToken))).status).toBe(200);
  });
});
