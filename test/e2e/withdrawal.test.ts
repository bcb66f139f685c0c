import { signToken } from '@koppel/auth';
import { bearer, requestJson, waitFor, type TestStack } from '@koppel/testkit';
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

    expect(
      (
        await requestJson(
          'POST',
          `${intake}/offers/${offer.id}/withdraw`,
          { reason: 'de voorstelling gaat niet door' },
          bearer(stack.adminToken),
        )
      ).status,
    ).toBe(200);
    await waitFor(
      'the proposal withdrawn with its offer',
      async () => {
        const res = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
        return res.body?.status === 'withdrawn';
      },
      { timeoutMs: 30_000, intervalMs: 300 },
    );

    const approve = await requestJson(
      'POST',
      `${review}/proposals/${encodeURIComponent(proposal.id)}/approve`,
      {},
      bearer(stack.adminToken),
    );
    expect(approve.status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await inbox.to(request.school.email)).toHaveLength(0);
    expect(await inbox.to(offer.provider.email)).toHaveLength(0);
    expect((await requestJson('POST', `${intake}/requests/${request.id}/withdraw`, {}, bearer(stack.adminToken))).status).toBe(200);
  });
});

/**
 * Issue #11: a withdrawn organisation's tokens and console sessions still worked in
 * review and for intake's reads. Its withdrawal is now an event every service honours:
 * intake and review refuse its tokens and sessions, review withdraws its pending
 * proposals, and the matcher proposes nothing new for its offers.
 */
describe('withdrawing an organisation', () => {
  const { stack, inbox } = e2eContext();

  it('revokes its tokens and sessions everywhere, withdraws its pending proposals and takes its offers out of matching', async () => {
    const tag = uniqueTag();
    const intake = stack.services.intake.url;
    const review = stack.services.review.url;
    const { request, offer } = goodPair('req-0003', 'off-0002', tag);
    const provider = await createOrganisation(stack, { id: `prov-w-${tag}`, type: 'museum', email: offer.provider.email });
    const broker = await createOrganisation(stack, {
      id: `brk-w-${tag}`,
      type: 'broker',
      email: `brk-w-${tag}@example.org`,
      regions: [{ country: 'BE', postcodeFrom: 1000, postcodeTo: 9999, name: 'België' }],
    });
    offer.provider = { ...offer.provider, id: provider.id };
    expect((await requestJson('POST', `${intake}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${intake}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);

    // Before: the provider's token reads its offer and suggestions, the broker's token and console session work.
    const session = await fetch(`${review}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: broker.token }),
    });
    const cookie = session.headers.get('set-cookie')!.split(';')[0];
    const consoleHome = () => fetch(`${review}/console`, { headers: { cookie }, redirect: 'manual' });
    expect((await requestJson('GET', `${intake}/offers/${offer.id}`, undefined, bearer(provider.token))).status).toBe(200);
    expect((await requestJson('GET', `${review}/suggestions`, undefined, bearer(provider.token))).status).toBe(200);
    expect((await requestJson('GET', `${review}/proposals?limit=1`, undefined, bearer(broker.token))).status).toBe(200);
    expect((await consoleHome()).status).toBe(200);

    for (const id of [provider.id, broker.id])
      expect((await requestJson('POST', `${intake}/organisations/${id}/withdraw`, {}, bearer(stack.adminToken))).status).toBe(200);

    await waitFor(
      "the provider's pending proposal withdrawn",
      async () => {
        const res = await requestJson('GET', `${review}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
        return res.body?.status === 'withdrawn';
      },
      { timeoutMs: 30_000, intervalMs: 300 },
    );
    expect(
      (await requestJson('POST', `${review}/proposals/${encodeURIComponent(proposal.id)}/approve`, {}, bearer(stack.adminToken))).status,
    ).toBe(409);

    // Intake forgets at once what it changed itself; review within its few seconds of memory.
    expect((await requestJson('GET', `${intake}/offers/${offer.id}`, undefined, bearer(provider.token))).status).toBe(401);
    await waitFor(
      'review refusing the withdrawn organisations',
      async () => {
        const suggestions = await requestJson('GET', `${review}/suggestions`, undefined, bearer(provider.token));
        const proposals = await requestJson('GET', `${review}/proposals?limit=1`, undefined, bearer(broker.token));
        return suggestions.status === 401 && proposals.status === 401;
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
    const home = await consoleHome();
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toContain('/console/sign-in');

    // A new request that fits both the withdrawn provider's offer and another one: only the other is proposed.
    const control = { ...offer, id: `${offer.id}-c`, provider: goodPair('req-0003', 'off-0002', tag).offer.provider };
    const second = { ...request, id: `${request.id}-2` };
    expect((await requestJson('POST', `${intake}/offers`, control, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${intake}/requests`, second, bearer(stack.adminToken))).status).toBe(201);
    await waitForProposal(stack, second.id, control.id);
    const all = await requestJson('GET', `${review}/proposals?sort=newest&limit=100`, undefined, bearer(stack.adminToken));
    expect(all.body.items.filter((p: any) => p.match.requestId === second.id && p.match.offerId === offer.id)).toEqual([]);

    expect(await inbox.to(offer.provider.email)).toHaveLength(0);
    for (const id of [second.id, request.id])
      expect((await requestJson('POST', `${intake}/requests/${id}/withdraw`, {}, bearer(stack.adminToken))).status).toBe(200);
    expect((await requestJson('POST', `${intake}/offers/${control.id}/withdraw`, {}, bearer(stack.adminToken))).status).toBe(200);
  });
});

/** An organisation created by the admin, and a token for it (a broker's with its regions). */
async function createOrganisation(
  stack: TestStack,
  org: {
    id: string;
    type: string;
    email: string;
    regions?: Array<{ country: 'BE' | 'NL'; postcodeFrom: number; postcodeTo: number; name: string }>;
  },
): Promise<{ id: string; token: string }> {
  const res = await requestJson(
    'POST',
    `${stack.services.intake.url}/organisations`,
    {
      id: org.id,
      type: org.type,
      name: `Organisatie ${org.id}`,
      contacts: [{ name: 'Contact', email: org.email, language: 'nl' }],
      ...(org.regions ? { regions: org.regions } : { place: { postcode: '8500', country: 'BE' } }),
    },
    bearer(stack.adminToken),
  );
  if (res.status !== 201) throw new Error(`creating organisation ${org.id}: ${res.status} ${JSON.stringify(res.body)}`);
  const role = org.type === 'broker' ? 'broker' : 'provider';
  const { token } = signToken(stack.authSecret, { sub: org.email, role, org: org.id, regions: org.regions, ttlSeconds: 600 });
  return { id: org.id, token };
}
