import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { signToken } from '@koppel/auth';
import { bearer, chromiumLaunch, requestJson, waitFor } from '@koppel/testkit';
import { expectAccessible, expectText, SHOTS } from './browser-helpers';
import { e2eContext, uniqueTag } from './helpers';

/**
 * The portal (services/portal) in a real Chromium: a provider publishes an
 * offer (a wrong group size is flagged while typing, in Dutch, then fixed), a
 * school submits a request by picking a grade and a postcode, the broker
 * approves the proposal in review's API, and both sides click "interested" on
 * their page: the match is confirmed. Every page is checked with axe-core.
 * Then the same pages in French, chosen with the language switcher: headings,
 * live validation and the error summary in French, the choice kept on the
 * next page (cookie), and axe-core on the French pages too.
 *
 * Sessions: the mailed sign-in link of intake points at review's console, so
 * this test signs the session tokens itself with the stack's AUTH_TOKEN_SECRET
 * (what intake's POST /auth/sessions would return) and puts them where the
 * portal keeps them (sessionStorage, one tab per side).
 */

describe('in a browser: the portal for schools and providers', () => {
  const { stack, inbox } = e2eContext();
  const portal = stack.services.portal.url;
  const admin = bearer(stack.adminToken);
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { userDataDir, options } = chromiumLaunch();
    // bypassCSP: the portal's CSP allows no inline script, and axe-core is injected as one (only in this test).
    browser = await chromium.launchPersistentContext(userDataDir, {
      ...options,
      viewport: { width: 1100, height: 900 },
      locale: 'nl-BE',
      bypassCSP: true,
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  // The page language is remembered in a cookie; each test starts from the browser's own language (nl-BE).
  beforeEach(async () => {
    await browser?.clearCookies();
  });

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  /** A tab signed in as the organisation: the session the sign-in exchange would store. */
  async function tabSignedInAs(org: string, role: 'requester' | 'provider', email: string): Promise<Page> {
    const { token, claims } = signToken(stack.authSecret, { sub: email, role, org, ttlSeconds: 3600 });
    const session = JSON.stringify({ token, role, organisationId: org, expiresAt: new Date(claims.exp * 1000).toISOString() });
    const page = await browser.newPage();
    await page.addInitScript((value) => sessionStorage.setItem('koppel.session', value), session);
    return page;
  }

  it('publishes, requests, approves and confirms, with live Dutch validation and accessible pages', async () => {
    const tag = uniqueTag();
    const providerOrg = `org-prov-${tag}`;
    const schoolOrg = `org-school-${tag}`;
    const providerEmail = `tournee-${tag}@example.be`;
    const schoolEmail = `klimop-${tag}@example.be`;
    const intake = stack.services.intake.url;
    expect(
      (
        await requestJson(
          'POST',
          `${intake}/organisations`,
          {
            id: providerOrg,
            type: 'theatre',
            name: `Jeugdtheater Spiegelbeeld ${tag}`,
            contacts: [{ name: 'Lien', email: providerEmail }],
            place: { postcode: '8800', country: 'BE' },
          },
          admin,
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await requestJson(
          'POST',
          `${intake}/organisations`,
          {
            id: schoolOrg,
            type: 'school',
            name: `VBS De Klimop ${tag}`,
            contacts: [{ name: 'An', email: schoolEmail }],
            place: { postcode: '8530', country: 'BE' },
          },
          admin,
        )
      ).status,
    ).toBe(201);

    // Public pages.
    const visitor = await browser.newPage();
    await visitor.goto(`${portal}/`);
    expect(await visitor.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible(visitor, 'portal home');
    await visitor.goto(`${portal}/aanmelden`);
    await expectAccessible(visitor, 'portal sign-in');
    await visitor.close();

    // The provider publishes an offer; a group size that cannot be is flagged while typing.
    const provider = await tabSignedInAs(providerOrg, 'provider', providerEmail);
    await provider.goto(`${portal}/aanbieder`);
    await expectText(provider.locator('#offers'), 'toContain', 'nog geen aanbod');
    await expectAccessible(provider, 'provider page (empty)');
    await provider.fill('#f-title', `Oorlogskind – voorstelling over een jongen in 1917 ${tag}`);
    await provider.fill('#f-groupSize-min', '20');
    await provider.fill('#f-groupSize-max', '5');
    const maxError = provider.locator('#f-groupSize-max-error');
    await expectText(maxError, 'toBe', 'De grootste groep mag niet kleiner zijn dan de kleinste.');
    expect(await provider.getAttribute('#f-groupSize-max', 'aria-invalid')).toBe('true');
    // Submitting now lists every problem in a summary that links to the fields.
    await provider.click('#offer-form button[type=submit]');
    const summary = provider.locator('#offer-errors');
    await expectText(summary.locator('h2'), 'toMatch', /^Er zijn \d+ problemen$/);
    expect(await summary.locator('a[href="#f-groupSize-max"]').textContent()).toBe(
      'De grootste groep mag niet kleiner zijn dan de kleinste.',
    );
    expect(await summary.locator('a[href="#f-disciplines-0"]').textContent()).toBe('Kies minstens 1 bij disciplines.');
    await expectAccessible(provider, 'provider page with errors');
    await shot(provider, 'portal-offer-errors');

    await provider.fill('#f-groupSize-max', '100');
    expect(await maxError.isHidden()).toBe(true);
    await provider.fill(
      '#f-description',
      'Gust is elf en woont in een dorp achter het front, in bezet gebied tijdens de Eerste Wereldoorlog. Een voorstelling met één acteur, objecten en muziek. Speelt in scholen of in onze zaal in Roeselare. Voor het vierde tot zesde leerjaar, met een lesmap voor WO.',
    );
    await provider.check('input[name=disciplines][value=theatre]');
    await provider.check('input[name=disciplines][value=heritage]');
    await provider.selectOption('#f-format', 'performance');
    for (const grade of ['4de leerjaar', '5de leerjaar', '6de leerjaar']) await provider.check(`input[name=grades][value="${grade}"]`);
    await provider.fill('#f-location-postcode', '8800');
    await provider.selectOption('#f-reach-mode', 'both');
    await provider.fill('#f-reach-maxTravelKm', '40');
    await provider.fill('#f-pricePerPupil', '6');
    await provider.click('#offer-form button[type=submit]');
    await expectText(provider.locator('#offers-status'), 'toBe', 'Uw aanbod is gepubliceerd.');
    await provider.locator('#offers tr[data-listing]').first().waitFor();
    const offerId = await provider.locator('#offers tr[data-listing]').first().getAttribute('data-listing');
    expect(offerId).toMatch(/^off-/);
    const stored = await requestJson('GET', `${intake}/offers/${offerId}`, undefined, admin);
    expect(stored.body.location).toMatchObject({ postcode: '8800', municipality: 'Roeselare' });
    expect(stored.body.audience).toEqual({ ageMin: 9, ageMax: 12 });
    await expectAccessible(provider, 'provider page with an offer');
    await shot(provider, 'portal-provider');

    // The school asks by picking a grade and a postcode.
    const school = await tabSignedInAs(schoolOrg, 'requester', schoolEmail);
    await school.goto(`${portal}/school`);
    await expectText(school.locator('#requests'), 'toContain', 'nog geen aanvragen');
    await expectAccessible(school, 'school page (empty)');
    await school.fill('#f-title', `Iets rond de Groote Oorlog voor ons vijfde leerjaar ${tag}`);
    await school.fill(
      '#f-description',
      'Met onze twee klassen van het vijfde leerjaar werken we rond de Eerste Wereldoorlog. We zoeken een voorstelling of uitstap over wat er hier in de streek gebeurde tijdens de bezetting. Busvervoer kan, richtprijs 6 euro per leerling.',
    );
    await school.check('input[name=grades][value="5de leerjaar"]');
    await school.fill('#f-pupils-count', '46');
    await school.fill('#f-maxTravelKm', '25');
    await school.fill('#f-budgetPerPupil', '6');
    await school.fill('#f-school-postcode', '8530');
    await school.click('#request-form button[type=submit]');
    await expectText(school.locator('#requests-status'), 'toContain', 'Uw aanvraag is ingediend.');
    await school.locator('#requests tr[data-listing]').first().waitFor();
    const requestId = await school.locator('#requests tr[data-listing]').first().getAttribute('data-listing');
    const storedRequest = await requestJson('GET', `${intake}/requests/${requestId}`, undefined, admin);
    expect(storedRequest.body.pupils).toEqual({ ageMin: 10, ageMax: 11, count: 46 });
    expect(storedRequest.body.school).toMatchObject({ id: schoolOrg, postcode: '8530', municipality: 'Harelbeke' });

    // The matcher proposes the pair; the broker approves it in review's API.
    const proposal = await waitFor(
      `proposal ${requestId} × ${offerId}`,
      async () => {
        const res = await requestJson(
          'GET',
          `${stack.services.review.url}/proposals?status=proposed&sort=newest&limit=100`,
          undefined,
          admin,
        );
        return res.body.items.find(
          (p: { match: { requestId: string; offerId: string } }) => p.match.requestId === requestId && p.match.offerId === offerId,
        );
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(
      (
        await requestJson(
          'POST',
          `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}/approve`,
          { note: 'Past mooi bij het WO-project.' },
          admin,
        )
      ).status,
    ).toBe(200);

    // The school sees the suggestion and is interested.
    await school.reload();
    const schoolCard = school.locator(`[data-suggestion="${proposal.id}"]`);
    await schoolCard.waitFor();
    expect(await schoolCard.locator('h3').textContent()).toContain('Oorlogskind');
    // "Why it fits" comes in each page language; the Dutch page shows the Dutch one.
    const { token: schoolToken } = signToken(stack.authSecret, { sub: schoolEmail, role: 'requester', org: schoolOrg, ttlSeconds: 600 });
    const suggestion = (
      await requestJson('GET', `${stack.services.review.url}/suggestions`, undefined, bearer(schoolToken))
    ).body.items.find((i: { id: string }) => i.id === proposal.id);
    expect(suggestion.summaries.nl).toMatch(/km/);
    expect(suggestion.summaries.fr).not.toBe(suggestion.summaries.nl);
    expect(suggestion.summaries.en).not.toBe(suggestion.summaries.nl);
    await expectText(schoolCard.locator('dl'), 'toContain', suggestion.summaries.nl);
    await expectAccessible(school, 'school page with a suggestion');
    await shot(school, 'portal-school');
    await schoolCard.locator('button[value=interested]').click();
    await expectText(school.locator('#suggestions-status'), 'toBe', 'Bedankt, uw antwoord is bewaard.');
    await expectText(schoolCard.locator('dd').nth(1), 'toContain', 'U bent geïnteresseerd');

    // The provider too: confirmed, and the page names the school and points to the mail with its contact details
    // (match events carry no addresses, issue #11).
    await provider.reload();
    const providerCard = provider.locator(`[data-suggestion="${proposal.id}"]`);
    await providerCard.locator('button[value=interested]').click();
    await expectText(provider.locator('#suggestions-status'), 'toContain', 'de match is bevestigd');
    await expectText(providerCard.locator('dl'), 'toContain', 'de contactgegevens staan in de bevestigingsmail');
    expect((await inbox.waitForMailTo(providerEmail, 2)).some((m) => m.text.includes(schoolEmail))).toBe(true);
    const confirmed = await requestJson(
      'GET',
      `${stack.services.review.url}/proposals/${encodeURIComponent(proposal.id)}`,
      undefined,
      admin,
    );
    expect(confirmed.body.status).toBe('confirmed');
    await expectAccessible(provider, 'provider page with a confirmed match');
    await shot(provider, 'portal-confirmed');

    // Another organisation sees none of it, and cannot answer for it.
    const { token: stranger } = signToken(stack.authSecret, {
      sub: 'x@example.be',
      role: 'requester',
      org: `org-other-${tag}`,
      ttlSeconds: 600,
    });
    expect((await requestJson('GET', `${stack.services.review.url}/suggestions`, undefined, bearer(stranger))).body.items).toEqual([]);
    expect(
      (
        await requestJson(
          'POST',
          `${stack.services.review.url}/suggestions/${encodeURIComponent(proposal.id)}/answer`,
          { answer: 'not_interested' },
          bearer(stranger),
        )
      ).status,
    ).toBe(404);
    expect((await requestJson('GET', `${stack.services.review.url}/suggestions`)).status).toBe(401);

    // The provider withdraws the offer from its list.
    await provider.locator(`#offers tr[data-listing="${offerId}"] button.reject`).click();
    await expectText(provider.locator('#offers-status'), 'toContain', 'is ingetrokken');
    await waitFor(
      'withdrawn in the list',
      async () => (await provider.locator(`#offers tr[data-listing="${offerId}"] td`).nth(1).textContent()) === 'Ingetrokken',
      { timeoutMs: 5000, intervalMs: 100 },
    );
    expect((await requestJson('GET', `${intake}/offers/${offerId}`, undefined, admin)).body.status).toBe('withdrawn');

    // The school withdraws its request too (and leaves no open look-alike to compete with other tests' pairs).
    await school.locator(`#requests tr[data-listing="${requestId}"] button.reject`).click();
    await expectText(school.locator('#requests-status'), 'toContain', 'is ingetrokken');
    expect((await requestJson('GET', `${intake}/requests/${requestId}`, undefined, admin)).body.status).toBe('withdrawn');
  });

  it('speaks French once chosen in the switcher: headings, live validation, the next page, accessible', async () => {
    const tag = uniqueTag();
    const providerOrg = `org-prov-fr-${tag}`;
    const providerEmail = `atelier-${tag}@example.be`;
    const intake = stack.services.intake.url;
    expect(
      (
        await requestJson(
          'POST',
          `${intake}/organisations`,
          {
            id: providerOrg,
            type: 'museum',
            name: `Musée de la Photographie ${tag}`,
            contacts: [{ name: 'Claire', email: providerEmail, language: 'fr' }],
            place: { postcode: '6000', country: 'BE' },
          },
          admin,
        )
      ).status,
    ).toBe(201);

    // The browser asks for Dutch, so the page starts in Dutch; the header's switcher turns it into French.
    const provider = await tabSignedInAs(providerOrg, 'provider', providerEmail);
    await provider.goto(`${portal}/aanbieder`);
    expect(await provider.getAttribute('html', 'lang')).toBe('nl');
    await provider.locator('header nav.languages a[hreflang=fr]').click();
    await provider.waitForURL(/[?&]lang=fr\b/);
    expect(await provider.getAttribute('html', 'lang')).toBe('fr');
    expect(await provider.locator('h1').textContent()).toBe('Pour les opérateurs culturels');
    expect(await provider.locator('#h-offer-form').textContent()).toBe('Publier une nouvelle offre');
    expect(await provider.locator('header nav.languages a[aria-current=true]').textContent()).toBe('Français');
    // What the script writes is French too.
    await expectText(provider.locator('#offers'), 'toContain', 'Vous n’avez pas encore publié d’offre.');
    await expectText(provider.locator('#suggestions'), 'toContain', 'Pas encore de propositions.');

    // Live validation in French, with the French error marker before it.
    await provider.fill('#f-title', `Atelier sténopé ${tag}`);
    await provider.fill('#f-groupSize-min', '20');
    await provider.fill('#f-groupSize-max', '5');
    const maxError = provider.locator('#f-groupSize-max-error');
    await expectText(maxError, 'toBe', 'Le groupe maximum ne peut pas être plus petit que le minimum.');
    expect(await maxError.evaluate((node) => getComputedStyle(node, '::before').content)).toBe('"Erreur : "');
    expect(await provider.getAttribute('#f-groupSize-max', 'aria-invalid')).toBe('true');
    await provider.click('#offer-form button[type=submit]');
    const summary = provider.locator('#offer-errors');
    await expectText(summary.locator('h2'), 'toMatch', /^Il y a \d+ problèmes$/);
    expect(await summary.locator('a[href="#f-groupSize-max"]').textContent()).toBe(
      'Le groupe maximum ne peut pas être plus petit que le minimum.',
    );
    expect(await summary.locator('a[href="#f-disciplines-0"]').textContent()).toBe('Choisissez au moins 1 : disciplines.');
    await expectAccessible(provider, 'provider page in French with errors');
    await shot(provider, 'portal-offer-errors-fr');

    // The choice holds on the next page without ?lang=: the menu's sign-in page, and the provider page again.
    await provider.locator('header nav[aria-label="Menu principal"] a[href="/aanmelden"]').click();
    await provider.waitForURL(`${portal}/aanmelden`);
    expect(await provider.getAttribute('html', 'lang')).toBe('fr');
    expect(await provider.locator('h1').textContent()).toBe('Se connecter');
    expect(await provider.locator('#sign-in-form button[type=submit]').textContent()).toBe('Envoyez-moi un lien de connexion');
    await expectAccessible(provider, 'sign-in page in French');
    await provider.goto(`${portal}/aanbieder`);
    expect(await provider.getAttribute('html', 'lang')).toBe('fr');
    expect(await provider.locator('h1').textContent()).toBe('Pour les opérateurs culturels');
    await expectAccessible(provider, 'provider page in French');

    // The provider prefers one digest a day: saved through intake, shown again after a reload.
    await provider.waitForFunction(() => (document.querySelector('#mp-each') as HTMLInputElement | null)?.checked === true);
    expect(await provider.locator('label[for=mp-daily-digest]').textContent()).toBe(
      'Un récapitulatif par jour avec toutes les nouvelles propositions',
    );
    await provider.check('#mp-daily-digest');
    await provider.click('#mail-preference-form button[type=submit]');
    await expectText(
      provider.locator('#mail-preference-status'),
      'toBe',
      'Enregistré. Ce choix vaut à partir de la prochaine proposition approuvée.',
    );
    expect((await requestJson('GET', `${intake}/organisations/${providerOrg}`, undefined, admin)).body.mailPreference).toBe('daily_digest');
    await provider.reload();
    await provider.waitForFunction(() => (document.querySelector('#mp-daily-digest') as HTMLInputElement | null)?.checked === true);

    // And back: Dutch is one click away and is remembered the same way.
    await provider.locator('header nav.languages a[hreflang=nl]').click();
    await provider.waitForURL(/[?&]lang=nl\b/);
    await provider.goto(`${portal}/aanbieder`);
    expect(await provider.getAttribute('html', 'lang')).toBe('nl');
    expect(await provider.locator('h1').textContent()).toBe('Voor aanbieders');
    await provider.close();
  });
});
