import { signToken } from '@koppel/auth';
import { bearer, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, goodPair, uniqueTag, waitForProposal } from './helpers';
import { withdrawListings } from './withdraw-listings';

/**
 * The console's sign-in and what a session allows, over plain HTTP (the
 * browser test walks the same path through the mailed link in Chromium).
 */
describe('console sign-in and broker regions', () => {
  const { stack } = e2eContext();
  const review = () => stack.services.review.url;
  const token = (claims: Parameters<typeof signToken>[1]) => signToken(stack.authSecret, claims).token;
  const westFlanders = [{ country: 'BE' as const, postcodeFrom: 8000, postcodeTo: 8999, name: 'West-Vlaanderen' }];
  const eastFlanders = [{ country: 'BE' as const, postcodeFrom: 9000, postcodeTo: 9999, name: 'Oost-Vlaanderen' }];

  async function cookieFor(sessionToken: string): Promise<string> {
    const res = await fetch(`${review()}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: sessionToken }) });
    expect(res.status).toBe(204);
    return res.headers.get('set-cookie')!.split(';')[0];
  }

  it('sends visitors without a session to the Dutch sign-in page', async () => {
    const res = await fetch(`${review()}/console`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/sign-in');
    const page = await fetch(`${review()}/console/sign-in`);
    const html = await page.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<label for="email">E-mailadres</label>');
    expect(html).toContain('<noscript>');
    expect((await fetch(`${review()}/console/proposals/x/approve`, { method: 'POST' })).status).toBe(401);
  });

  it('accepts session tokens of brokers and admins only, as an HttpOnly SameSite=Lax cookie; sign-out clears it', async () => {
    const post = (body: unknown) => fetch(`${review()}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ token: token({ sub: 'p@example.org', role: 'provider', org: 'p', ttlSeconds: 600 }) })).status).toBe(403);
    expect((await post({ token: 'kpl1.forged.token' })).status).toBe(401);
    expect((await post({})).status).toBe(400);
    const form = await fetch(`${review()}/console/session`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'token=x' });
    expect(form.status).toBe(415);
    const ok = await post({ token: token({ sub: 'ops@example.org', role: 'admin', ttlSeconds: 600 }) });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('set-cookie')).toMatch(/^koppel_console=.+; Path=\/console; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const cookie = ok.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${review()}/console`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${review()}/console/sign-out`, { headers: { cookie }, redirect: 'manual' });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
  });

  it('lets intake answer the sign-in routes cross-origin for the console only', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.services.intake.url}/auth/sessions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight(review());
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(review());
    expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows a broker only the matches in its regions and records the broker as the one who decided', async () => {
    const tag = uniqueTag();
    const { request, offer } = goodPair('req-0001', 'off-0035', tag);
    expect((await requestJson('POST', `${stack.services.intake.url}/offers`, offer, bearer(stack.adminToken))).status).toBe(201);
    expect((await requestJson('POST', `${stack.services.intake.url}/requests`, request, bearer(stack.adminToken))).status).toBe(201);
    const proposal = await waitForProposal(stack, request.id, offer.id);
    // Out of the matcher's pool at once: later tests pair fresh copies of the same dev-set listings, and ours must not outrank theirs.
    await withdrawListings(stack, request.id, offer.id);
    const here = await cookieFor(token({ sub: `west-${tag}@example.org`, role: 'broker', org: 'b-west', regions: westFlanders, ttlSeconds: 600 }));
    const elsewhere = await cookieFor(token({ sub: `east-${tag}@example.org`, role: 'broker', org: 'b-east', regions: eastFlanders, ttlSeconds: 600 }));
    const detail = `${review()}/console/proposals/${encodeURIComponent(proposal.id)}`;

    const queueOf = async (cookie: string) => (await fetch(`${review()}/console?q=${encodeURIComponent(request.title.slice(0, 20))}&status=all`, { headers: { cookie } })).text();
    await waitFor('the proposal in the West Flanders queue', async () => (await queueOf(here)).includes(`data-match-id="${proposal.id}"`));
    expect(await queueOf(elsewhere)).not.toContain(`data-match-id="${proposal.id}"`);
    expect((await fetch(detail, { headers: { cookie: elsewhere } })).status).toBe(404);
    expect((await fetch(`${detail}/approve`, { method: 'POST', headers: { cookie: elsewhere }, redirect: 'manual' })).status).toBe(404);
    expect((await fetch(detail, { headers: { cookie: here } })).status).toBe(200);

    const approved = await fetch(`${detail}/approve`, { method: 'POST', headers: { cookie: here }, redirect: 'manual' });
    expect(approved.status).toBe(303);
    const after = await requestJson('GET', `${review()}/proposals/${encodeURIComponent(proposal.id)}`);
    expect(after.body).toMatchObject({ status: 'approved', decidedBy: `west-${tag}@example.org` });
  });
});
