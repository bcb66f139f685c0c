import { signToken } from '@koppel/auth';
import { createEnvelope, TOPICS, type MatchSnapshot } from '@koppel/contracts';
import { bearer, requestJson, waitFor } from '@koppel/testkit';
import { e2eContext, uniqueTag } from './helpers';

function proposedMatch(tag: string): MatchSnapshot {
  return {
    matchId: `req-${tag}::off-${tag}`,
    requestId: `req-${tag}`,
    offerId: `off-${tag}`,
    score: 0.77,
    explanation: {},
    summary: 'Past bij de leeftijd.',
    request: {
      title: `Toneel voor het vierde leerjaar ${tag}`,
      municipality: 'Kortrijk',
      postcode: '8500',
      country: 'BE',
      ageMin: 9,
      ageMax: 10,
      pupils: 40,
      disciplines: ['theatre'],
    },
    offer: { title: `Toneelworkshop ${tag}`, municipality: 'Kortrijk', format: 'workshop', pricePerPupil: 5, disciplines: ['theatre'] },
    school: { id: `sch-${tag}`, name: 'Basisschool De Klimop', email: `school-${tag}@example.org`, language: 'nl' },
    provider: { id: `prov-${tag}`, name: 'Theater Antigone', email: `provider-${tag}@example.org`, language: 'nl' },
  };
}

/**
 * The console's sign-in and what a session allows, over plain HTTP (the
 * browser test walks the same path through the mailed link in Chromium).
 */
describe('console sign-in and broker regions', () => {
  const { stack, kafka } = e2eContext();
  const review = () => stack.services.review.url;
  const token = (claims: Parameters<typeof signToken>[1]) => signToken(stack.authSecret, claims).token;
  const westFlanders = [{ country: 'BE' as const, postcodeFrom: 8000, postcodeTo: 8999, name: 'West-Vlaanderen' }];
  const eastFlanders = [{ country: 'BE' as const, postcodeFrom: 9000, postcodeTo: 9999, name: 'Oost-Vlaanderen' }];

  async function cookieFor(sessionToken: string): Promise<string> {
    const res = await fetch(`${review()}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: sessionToken }),
    });
    expect(res.status).toBe(204);
    return res.headers.get('set-cookie')!.split(';')[0];
  }

  /** A console form post as a browser sends it (urlencoded), without following the redirect. */
  const postForm = (path: string, cookie: string, form: Record<string, string>) =>
    fetch(`${review()}${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
    });
  const page = async (path: string, headers: Record<string, string>) => (await fetch(`${review()}${path}`, { headers })).text();

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
    const post = (body: unknown) =>
      fetch(`${review()}/console/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ token: token({ sub: 'p@example.org', role: 'provider', org: 'p', ttlSeconds: 600 }) })).status).toBe(403);
    expect((await post({ token: 'kpl1.forged.token' })).status).toBe(401);
    expect((await post({})).status).toBe(400);
    const form = await fetch(`${review()}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=x',
    });
    expect(form.status).toBe(415);
    const ok = await post({ token: token({ sub: 'ops@example.org', role: 'admin', ttlSeconds: 600 }) });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('set-cookie')).toMatch(/^koppel_console=.+; Path=\/console; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const cookie = ok.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${review()}/console`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${review()}/console/sign-out`, { headers: { cookie }, redirect: 'manual' });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    // Signing out ends the session itself: a copy of the cookie kept elsewhere opens nothing.
    expect((await fetch(`${review()}/console`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
  });

  it('gives a broker of 100 regions a small cookie and a token that intake and review accept (issue #11)', async () => {
    const tag = uniqueTag();
    const regions = Array.from({ length: 100 }, (_, i) => ({
      country: (i % 2 ? 'NL' : 'BE') as 'BE' | 'NL',
      postcodeFrom: 1000 + i * 80,
      postcodeTo: 1079 + i * 80,
      name: `Gemeente nummer ${i} van de regio ${tag}`,
    }));
    const organisation = await requestJson(
      'POST',
      `${stack.services.intake.url}/organisations`,
      {
        id: `brk-many-${tag}`,
        type: 'broker',
        name: "Cultuurnetwerk met veel regio's",
        contacts: [{ name: 'Sam', email: `many-${tag}@example.org`, language: 'nl' }],
        regions,
      },
      bearer(stack.adminToken),
    );
    expect(organisation.status).toBe(201);
    const brokerToken = token({ sub: `many-${tag}@example.org`, role: 'broker', org: `brk-many-${tag}`, regions, ttlSeconds: 600 });
    expect(brokerToken.length).toBeLessThan(4000);
    expect((await requestJson('GET', `${stack.services.intake.url}/requests?limit=1`, undefined, bearer(brokerToken))).status).toBe(200);
    expect((await requestJson('GET', `${review()}/proposals?limit=1`, undefined, bearer(brokerToken))).status).toBe(200);
    const session = await fetch(`${review()}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: brokerToken }),
    });
    const setCookie = session.headers.get('set-cookie')!;
    expect(setCookie.length).toBeLessThan(200);
    expect((await fetch(`${review()}/console`, { headers: { cookie: setCookie.split(';')[0] } })).status).toBe(200);
  });

  it('lets intake answer the sign-in routes cross-origin for the console only', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.services.intake.url}/auth/sessions`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight(review());
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(review());
    expect((await preflight('http://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('shows a broker only the matches in its regions and records the broker as the one who decided', async () => {
    // A proposal straight onto its topic (a school in 8500 Kortrijk): this test is about review, not about the matcher's ranking.
    const tag = uniqueTag();
    const match = proposedMatch(tag);
    const event = createEnvelope({ type: 'match.proposed', key: match.requestId, payload: { match } });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: TOPICS.matchesProposed, messages: [{ key: event.key, value: JSON.stringify(event) }] });
    await producer.disconnect();
    const proposal = await waitFor('the proposal in review', async () => {
      const res = await requestJson(
        'GET',
        `${review()}/proposals/${encodeURIComponent(match.matchId)}`,
        undefined,
        bearer(stack.adminToken),
      );
      return res.status === 200 ? res.body : undefined;
    });
    // The JSON API follows the console's rule: no token 401, a requester 403, another region's broker 404.
    expect((await requestJson('GET', `${review()}/proposals`)).status).toBe(401);
    expect(
      (
        await requestJson(
          'GET',
          `${review()}/proposals`,
          undefined,
          bearer(token({ sub: `s-${tag}@example.org`, role: 'requester', org: 'some-school', ttlSeconds: 600 })),
        )
      ).status,
    ).toBe(403);
    const eastApi = bearer(
      token({ sub: `east-api-${tag}@example.org`, role: 'broker', org: 'b-east', regions: eastFlanders, ttlSeconds: 600 }),
    );
    expect((await requestJson('GET', `${review()}/proposals/${encodeURIComponent(match.matchId)}`, undefined, eastApi)).status).toBe(404);
    expect(
      (await requestJson('GET', `${review()}/proposals?limit=100`, undefined, eastApi)).body.items.map((p: { id: string }) => p.id),
    ).not.toContain(match.matchId);
    expect((await requestJson('POST', `${review()}/proposals/${encodeURIComponent(match.matchId)}/approve`, {}, eastApi)).status).toBe(404);
    const here = await cookieFor(
      token({ sub: `west-${tag}@example.org`, role: 'broker', org: 'b-west', regions: westFlanders, ttlSeconds: 600 }),
    );
    const elsewhere = await cookieFor(
      token({ sub: `east-${tag}@example.org`, role: 'broker', org: 'b-east', regions: eastFlanders, ttlSeconds: 600 }),
    );
    const detail = `${review()}/console/proposals/${encodeURIComponent(proposal.id)}`;

    const queueOf = async (cookie: string) =>
      (await fetch(`${review()}/console?q=${encodeURIComponent(tag)}&status=all`, { headers: { cookie } })).text();
    await waitFor('the proposal in the West Flanders queue', async () => (await queueOf(here)).includes(`data-match-id="${proposal.id}"`));
    expect(await queueOf(elsewhere)).not.toContain(`data-match-id="${proposal.id}"`);
    expect((await fetch(detail, { headers: { cookie: elsewhere } })).status).toBe(404);
    expect((await fetch(`${detail}/approve`, { method: 'POST', headers: { cookie: elsewhere }, redirect: 'manual' })).status).toBe(404);
    expect((await fetch(detail, { headers: { cookie: here } })).status).toBe(200);

    const approved = await fetch(`${detail}/approve`, { method: 'POST', headers: { cookie: here }, redirect: 'manual' });
    expect(approved.status).toBe(303);
    const after = await requestJson('GET', `${review()}/proposals/${encodeURIComponent(proposal.id)}`, undefined, bearer(stack.adminToken));
    expect(after.body).toMatchObject({ status: 'approved', decidedBy: `west-${tag}@example.org` });
  });

  it('shows the console and its sign-in in French and English, and remembers the choice in a cookie', async () => {
    const admin = await cookieFor(token({ sub: 'ops-lang@example.org', role: 'admin', ttlSeconds: 600 }));
    const chosen = await fetch(`${review()}/console?lang=fr`, { headers: { cookie: admin } });
    const french = await chosen.text();
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('<h1>Mises en relation proposées</h1>');
    expect(french).toContain('<nav class="languages" aria-label="Langue">');
    expect(french).not.toContain('Voorgestelde koppelingen');
    const remembered = chosen.headers.get('set-cookie')!;
    expect(remembered).toMatch(/^koppel_taal=fr; Path=\/;/);

    // The next pages without ?lang=: the cookie wins over the browser's Dutch.
    const both = `${admin}; ${remembered.split(';')[0]}`;
    expect(await page('/console/policies', { cookie: both, 'accept-language': 'nl-BE' })).toContain(
      '<h1>Approbation automatique par région</h1>',
    );
    // A flash after a form post says it in the remembered language.
    const refused = await postForm('/console/bulk-approve', both, {});
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe('/console?flash=bulk-none-ticked');
    expect(await page(refused.headers.get('location')!, { cookie: both })).toContain(
      '<p class="warn" role="status">Cochez d’abord les propositions à approuver.</p>',
    );
    // A sentence of one's own in the address is not shown (only known keys are).
    expect(await page('/console?flash=Bel%20ons%20op%200900', { cookie: both })).not.toContain('role="status"');

    // Without a choice, the browser's language; problems and the sign-in pages too.
    const english = await page('/console', { cookie: admin, 'accept-language': 'en-GB,en;q=0.9' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>Proposed matches</h1>');
    const missing = await fetch(`${review()}/console/proposals/nothing-here`, { headers: { cookie: admin, 'accept-language': 'en' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ title: 'Not found' });
    const signIn = await page('/console/sign-in', { 'accept-language': 'fr-BE' });
    expect(signIn).toContain('<html lang="fr">');
    expect(signIn).toContain('<label for="email">Adresse e-mail</label>');
    const unsigned = await fetch(`${review()}/console/proposals/x/approve`, { method: 'POST', headers: { cookie: 'koppel_taal=en' } });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.text()).toContain('Not signed in');
  });

  it('lets a broker see and change only the auto-approval of provinces wholly within its regions', async () => {
    const tag = uniqueTag();
    const westSub = `west-policy-${tag}@example.org`;
    const west = await cookieFor(token({ sub: westSub, role: 'broker', org: 'b-west', regions: westFlanders, ttlSeconds: 600 }));
    const east = await cookieFor(
      token({ sub: `east-policy-${tag}@example.org`, role: 'broker', org: 'b-east', regions: eastFlanders, ttlSeconds: 600 }),
    );
    const part = await cookieFor(
      token({
        sub: `part-${tag}@example.org`,
        role: 'broker',
        org: 'b-part',
        regions: [{ country: 'BE', postcodeFrom: 8500, postcodeTo: 8599 }],
        ttlSeconds: 600,
      }),
    );
    const admin = await cookieFor(token({ sub: `ops-policy-${tag}@example.org`, role: 'admin', ttlSeconds: 600 }));
    const rowOf = (html: string, region: string) => new RegExp(`<tr data-region="${region}">.*?</tr>`).exec(html)?.[0];

    const westPage = await page('/console/policies', { cookie: west });
    expect(westPage).toContain('<option value="West-Vlaanderen">West-Vlaanderen</option>');
    expect(westPage).not.toContain('<option value="Oost-Vlaanderen">');
    const partPage = await page('/console/policies', { cookie: part });
    expect(partPage).toContain('Geen enkele provincie ligt helemaal binnen je regio’s');
    expect(partPage).not.toContain('action="/console/policies"');

    // Another province's policy: refused, nothing saved. Part of a province: refused too.
    const refused = await postForm('/console/policies', west, { region: 'Oost-Vlaanderen', threshold: '50', enabled: 'on' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({ title: 'Niet toegestaan' });
    expect((await postForm('/console/policies', part, { region: 'West-Vlaanderen', threshold: '50', enabled: 'on' })).status).toBe(403);
    const adminPage = await page('/console/policies', { cookie: admin });
    expect(rowOf(adminPage, 'Oost-Vlaanderen') ?? '').not.toContain(westSub);
    expect(rowOf(adminPage, 'West-Vlaanderen') ?? '').not.toContain(`part-${tag}`);

    // Its own province: saved (switched off and at 100%, so no other test's proposal is approved by it).
    const saved = await postForm('/console/policies', west, { region: 'West-Vlaanderen', threshold: '100' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/console/policies?flash=policy-saved&flash.region=West-Vlaanderen');
    expect(await page(saved.headers.get('location')!, { cookie: west })).toContain('Regel voor West-Vlaanderen bewaard.');
    expect(rowOf(await page('/console/policies', { cookie: admin }), 'West-Vlaanderen')).toContain(
      `<td>uit</td><td>100%</td><td>${westSub}`,
    );
    // The East Flanders broker does not see West Flanders' rule; the admin changes any.
    expect(rowOf(await page('/console/policies', { cookie: east }), 'West-Vlaanderen')).toBeUndefined();
    expect((await postForm('/console/policies', admin, { region: 'Oost-Vlaanderen', threshold: '100' })).status).toBe(303);
    expect(rowOf(await page('/console/policies', { cookie: east }), 'Oost-Vlaanderen')).toContain(`ops-policy-${tag}`);
  });
});
