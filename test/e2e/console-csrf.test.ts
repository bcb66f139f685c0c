import { signToken } from '@koppel/auth';
import { bearer, requestJson } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';
import { withdrawListings } from './withdraw-listings';

/**
 * Issue #11: the console's forms relied on SameSite=Lax alone. A form posted from
 * another site, with the broker's cookie, must change nothing; the console's own
 * forms (same origin) still work.
 */
describe('the console against cross-site requests', () => {
  const { stack } = e2eContext();

  it('refuses a cross-site approval with the broker cookie, and accepts the same from its own origin', async () => {
    const tag = uniqueTag();
    const { request, offer } = goodPair('req-0010', 'off-0081', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    const review = stack.services.review.url;
    const { token } = signToken(stack.authSecret, { sub: 'ops@example.org', role: 'admin', ttlSeconds: 600 });
    const session = await fetch(`${review}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0];
    const approve = (headers: Record<string, string>) =>
      fetch(`${review}/console/proposals/${encodeURIComponent(proposal.id)}/approve`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: '',
        redirect: 'manual',
      });

    expect((await approve({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await approve({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await approve({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    const still = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
    expect(still.body.status).toBe('proposed');

    expect((await approve({ origin: new URL(review).origin, 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    const decided = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
    expect(decided.body.status).toBe('approved');
    await withdrawListings(stack, request.id, offer.id);
  });
});
