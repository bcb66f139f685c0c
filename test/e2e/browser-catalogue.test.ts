import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Offer } from '@koppel/contracts';
import { bearer, chromiumLaunch, demoOffers, requestJson, uniqueCopy, waitFor } from '@koppel/testkit';
import { expectAccessible, expectText, SHOTS } from './browser-helpers';
import { e2eContext, uniqueTag } from './helpers';

/**
 * The public catalogue in the portal (issue #13), in a real Chromium with the pages'
 * Content-Security-Policy enforced: two offers published through intake, found from
 * `/aanbod` by a Dutch word of one description near a postcode (the other lies beyond
 * the distance), the offer's page with everything a teacher needs, "Vraag dit aanbod
 * aan" to the school page, signing in by the mailed link (the asked-for offer is kept
 * through it), the request form filled in from the offer, and the stored request
 * naming the offer. Bad searches show their errors at the fields; an offer no longer
 * in the catalogue says so. axe-core on every page, in Dutch, French and English.
 */

describe('in a browser: the public catalogue', () => {
  const { stack, inbox } = e2eContext();
  const portal = stack.services.portal.url;
  const intake = stack.services.intake.url;
  const admin = bearer(stack.adminToken);
  const tag = uniqueTag();
  const schoolOrg = `org-school-cat-${tag}`;
  const schoolEmail = `juf-${tag}@example.be`;
  const code = `speelcode${tag}`;
  let browser: BrowserContext;
  let near: Offer;
  let far: Offer;
  const requestIds: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { userDataDir, options } = chromiumLaunch();
    browser = await chromium.launchPersistentContext(userDataDir, { ...options, viewport: { width: 1100, height: 900 }, locale: 'nl-BE' });

    // A puppet show that comes to schools from Kuurne, next to Kortrijk, and an author visit from Ghent (some 40 km away).
    const offers = demoOffers();
    const puppets = offers.find((o) => o.id === 'off-0032');
    const author = offers.find((o) => o.id === 'off-0078');
    if (!puppets || !author) throw new Error('the demo set lacks off-0032 or off-0078');
    near = {
      ...uniqueCopy(puppets, tag),
      description: `${puppets.description}\n\nVermeld ${code} bij uw reservatie.`,
      grades: ['1ste kleuterklas', '2de kleuterklas', '3de kleuterklas'],
      inclusion: { specialNeeds: true, wheelchairAccess: true },
      availability: [{ from: '2031-01-06', to: '2031-03-28' }],
    };
    far = { ...uniqueCopy(author, tag), description: `${author.description} Ook met een poppenkast. Vermeld ${code} bij uw reservatie.` };
    for (const offer of [near, far]) {
      const created = await requestJson('POST', `${intake}/offers`, offer, admin);
      if (created.status !== 201) throw new Error(`publishing ${offer.id}: ${created.status} ${JSON.stringify(created.body)}`);
    }
    const school = await requestJson(
      'POST',
      `${intake}/organisations`,
      {
        id: schoolOrg,
        type: 'school',
        name: `Basisschool De Vlinder ${tag}`,
        contacts: [{ name: 'Juf Sofie', email: schoolEmail, language: 'nl' }],
        place: { postcode: '8500', country: 'BE' },
      },
      admin,
    );
    if (school.status !== 201) throw new Error(`creating the school: ${school.status} ${JSON.stringify(school.body)}`);
    // The catalogue is intake's read model of the offers topic: it has them once the outbox relay has published them.
    for (const offer of [near, far])
      await waitFor(
        `${offer.id} in the catalogue`,
        async () => (await requestJson('GET', `${intake}/catalogue/offers/${encodeURIComponent(offer.id)}`)).status === 200,
        { timeoutMs: 30_000, intervalMs: 250 },
      );
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    // Leave nothing active to compete with other tests' pairs (the matcher keeps a top N).
    for (const path of [...requestIds.map((id) => `requests/${id}`), `offers/${near?.id}`, `offers/${far?.id}`])
      await requestJson('POST', `${intake}/${path}/withdraw`, {}, admin).catch(() => undefined);
  });

  // The page language is remembered in a cookie; each test starts from the browser's own (nl-BE).
  beforeEach(async () => {
    await browser?.clearCookies();
  });

  const cards = (page: Page) => page.locator('#results article[data-offer]');
  const cardIds = async (page: Page) =>
    (await cards(page).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-offer')))).filter(Boolean) as string[];
  /** The text (whitespace made plain) of a facts list's value for a label. */
  const fact = (scope: Locator, label: string) => scope.locator(`dt:text-is("${label}") + dd`);

  it('finds an offer near a place by a Dutch word, shows it, and turns "Vraag dit aanbod aan" into a request for it', async () => {
    const visitor = await browser.newPage();
    await visitor.goto(`${portal}/`);
    await visitor.locator('main a[href="/aanbod"]').click();
    await visitor.waitForURL(`${portal}/aanbod`);
    expect(await visitor.locator('header nav a[aria-current=page]').textContent()).toBe('Aanbod');
    await expectText(visitor.locator('#catalogue-status'), 'toMatch', /^\d+ aanbieding(en)? gevonden$/);
    expect(await cards(visitor).count()).toBeGreaterThan(0);
    await expectAccessible(visitor, 'catalogue, everything');

    // The plain GET form: words, a place and a distance.
    await visitor.fill('#f-q', `poppenkast ${code}`);
    await visitor.fill('#f-near', '8500');
    await visitor.fill('#f-km', '20');
    await visitor.click('#catalogue-form button[type=submit]');
    await visitor.waitForURL(/\/aanbod\?q=/);
    await expectText(visitor.locator('#catalogue-status'), 'toBe', '1 aanbieding gevonden');
    expect(await cardIds(visitor)).toEqual([near.id]);
    // The address keeps only what was filled in, and the form keeps it on reload.
    expect(new URL(visitor.url()).search).toBe(`?q=poppenkast+${code}&near=8500&km=20`);
    await visitor.reload();
    await expectText(visitor.locator('#catalogue-status'), 'toBe', '1 aanbieding gevonden');
    expect(await visitor.inputValue('#f-q')).toBe(`poppenkast ${code}`);
    expect(await visitor.inputValue('#f-near')).toBe('8500');
    expect(await visitor.inputValue('#f-km')).toBe('20');
    const card = visitor.locator(`#results article[data-offer="${near.id}"]`);
    expect(await card.locator('h3 a').textContent()).toBe(near.title);
    expect(await card.locator('h3 a').getAttribute('href')).toBe(`/aanbod/${near.id}`);
    expect(await fact(card, 'Aanbieder').textContent()).toBe('Theater Kleine Wolk');
    expect(await fact(card, 'Waar').textContent()).toMatch(/^Kuurne \(8520\), op \d+(,\d)? km$/);
    expect(await fact(card, 'Leeftijd').textContent()).toBe('3–6 jaar');
    expect(await fact(card, 'Disciplines').textContent()).toBe('Theater, Literatuur');
    expect(await fact(card, 'Vorm').textContent()).toBe('Voorstelling');
    expect(await fact(card, 'Prijs per leerling').textContent()).toMatch(/^€\s3,50$/);
    expect(await card.locator('ul.badges li').allTextContents()).toEqual(['Buitengewoon onderwijs', 'Rolstoeltoegankelijk']);
    expect(await card.locator('p').textContent()).toContain('Een poppenspeelster komt met haar poppenkast');
    await expectAccessible(visitor, 'catalogue with a result');
    await visitor.screenshot({ path: join(SHOTS, 'portal-catalogue.png'), fullPage: true });

    // Farther out, both, the nearest first.
    await visitor.goto(`${portal}/aanbod?q=poppenkast+${code}&near=Kortrijk&km=100&sort=distance`);
    await expectText(visitor.locator('#catalogue-status'), 'toBe', '2 aanbiedingen gevonden');
    expect(await cardIds(visitor)).toEqual([near.id, far.id]);
    expect(await fact(visitor.locator(`article[data-offer="${far.id}"]`), 'Waar').textContent()).toMatch(/^Gent \(9000\), op \d+/);
    expect(await visitor.locator('#f-sort').inputValue()).toBe('distance');

    // The offer's page, from the first search.
    await visitor.goto(`${portal}/aanbod?q=poppenkast+${code}&near=8500&km=20`);
    await card.locator('h3 a').click();
    await visitor.waitForURL(`${portal}/aanbod/${near.id}`);
    await expectText(visitor.locator('h1'), 'toBe', near.title);
    expect(await visitor.title()).toBe(`${near.title} – koppel`);
    const details = visitor.locator('#offer-details');
    // The description's paragraphs are kept.
    expect(await details.locator('p').allTextContents()).toEqual([
      'Theater Kleine Wolk',
      puppets().description,
      `Vermeld ${code} bij uw reservatie.`,
    ]);
    expect(await details.locator('h2').allTextContents()).toEqual(['Wat het is', 'Praktisch']);
    expect(await fact(details, 'Leeftijd').textContent()).toBe('3–6 jaar');
    expect(await fact(details, 'Leerjaren').textContent()).toBe('1ste kleuterklas, 2de kleuterklas, 3de kleuterklas');
    expect(await fact(details, 'Waar').textContent()).toBe('Kuurne (8520), België');
    expect(await fact(details, 'Hoe het doorgaat').textContent()).toBe('Op school, tot 35 km van Kuurne');
    expect(await fact(details, 'Groepsgrootte').textContent()).toBe('10 tot 30 leerlingen');
    expect(await fact(details, 'Taal').textContent()).toBe('Nederlands');
    expect(await fact(details, 'Inclusie').textContent()).toBe('Buitengewoon onderwijs, Rolstoeltoegankelijk');
    expect(await fact(details, 'Wanneer').textContent()).toBe('van 6 januari 2031 tot 28 maart 2031');
    // Back leads to the search it came from.
    expect(await visitor.getAttribute('#offer-back', 'href')).toBe(`/aanbod?q=poppenkast+${code}&near=8500&km=20`);
    await expectAccessible(visitor, 'offer page');
    await visitor.screenshot({ path: join(SHOTS, 'portal-offer.png'), fullPage: true });

    // "Vraag dit aanbod aan": the school page, which asks to sign in first and keeps the offer through it.
    await visitor.getByRole('link', { name: 'Vraag dit aanbod aan' }).click();
    await visitor.waitForURL(`${portal}/school?offer=${near.id}`);
    await visitor.locator('#signed-out').waitFor();
    await visitor.locator('#signed-out a[href="/aanmelden"]').click();
    await visitor.waitForURL(`${portal}/aanmelden`);
    await visitor.fill('#f-email', schoolEmail);
    await visitor.click('#sign-in-form button[type=submit]');
    await expectText(visitor.locator('#sign-in-status'), 'toContain', 'aanmeldlink');
    const [mail] = await inbox.waitForMailTo(schoolEmail);
    const link = mail!.text.split('\n').find((line) => line.startsWith(`${portal}/aanmelden?token=`));
    expect(link).toBeDefined();
    await visitor.goto(link!);
    await visitor.waitForURL(`${portal}/school?offer=${near.id}`);

    // The request form, filled in from the offer.
    await expectText(visitor.locator('#asked-offer'), 'toContain', `U vraagt dit aanbod aan: ${near.title} (Theater Kleine Wolk)`);
    expect(await visitor.inputValue('#f-title')).toBe(`Aanvraag: ${near.title}`);
    expect(await visitor.inputValue('#f-description')).toContain(`Wij vragen het aanbod "${near.title}" van Theater Kleine Wolk aan.`);
    const checked = (name: string) =>
      visitor.locator(`input[name=${name}]:checked`).evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(await checked('disciplines')).toEqual(['theatre', 'literature']);
    expect(await checked('grades')).toEqual(['1ste kleuterklas', '2de kleuterklas', '3de kleuterklas']);
    expect(await visitor.inputValue('#f-language')).toBe('nl');
    await expectAccessible(visitor, 'school page asking for an offer');
    await visitor.screenshot({ path: join(SHOTS, 'portal-ask-offer.png'), fullPage: true });
    await visitor.fill('#f-pupils-count', '22');
    await visitor.click('#request-form button[type=submit]');
    await expectText(visitor.locator('#requests-status'), 'toContain', 'Uw aanvraag is ingediend.');
    await visitor.locator('#requests tr[data-listing]').first().waitFor();
    const requestId = (await visitor.locator('#requests tr[data-listing]').first().getAttribute('data-listing'))!;
    requestIds.push(requestId);
    const stored = await requestJson('GET', `${intake}/requests/${encodeURIComponent(requestId)}`, undefined, admin);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      askedForOfferId: near.id,
      title: `Aanvraag: ${near.title}`,
      disciplines: ['theatre', 'literature'],
      school: { id: schoolOrg, municipality: 'Kortrijk' },
      pupils: { count: 22 },
    });
    // Sent: the form is an ordinary one again and the address forgets the offer.
    expect(new URL(visitor.url()).search).toBe('');
    expect(await visitor.locator('#asked-offer').isHidden()).toBe(true);
    await visitor.close();
  });

  it('shows what is wrong with a search next to its fields, and says when an offer is no longer there', async () => {
    const page = await browser.newPage();
    // A distance without a place, and a place nobody knows: intake's 400, told in Dutch at the fields.
    await page.goto(`${portal}/aanbod?km=20`);
    await expectText(page.locator('#f-km-error'), 'toBe', 'Vul ook een postcode of gemeente in om op afstand te zoeken.');
    expect(await page.getAttribute('#f-km', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-km', 'aria-describedby')).toBe('f-km-hint f-km-error');
    const summary = page.locator('#catalogue-errors');
    expect(await summary.locator('h2').textContent()).toBe('Er is 1 probleem');
    expect(await summary.locator('a[href="#f-km"]').textContent()).toBe('Vul ook een postcode of gemeente in om op afstand te zoeken.');
    await summary.locator('a[href="#f-km"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-km');
    expect(await page.locator('#catalogue-status').textContent()).toBe('Controleer de zoekvelden.');
    await expectAccessible(page, 'catalogue with an error');
    await page.goto(`${portal}/aanbod?near=Atlantis&price=max`);
    await expectText(page.locator('#catalogue-errors h2'), 'toBe', 'Er is 1 probleem');
    expect(await page.locator('#f-maxPrice-error').textContent()).toBe('Vul het hoogste bedrag per leerling in.');
    await page.fill('#f-maxPrice', '5');
    await page.click('#catalogue-form button[type=submit]');
    await expectText(page.locator('#f-near-error'), 'toBe', 'Deze postcode of gemeente kennen we niet in België of Nederland.');
    expect(await page.locator('#f-maxPrice-error').isHidden()).toBe(true);
    expect(await page.inputValue('#f-near')).toBe('Atlantis');

    // The far offer is withdrawn: its page says it is no longer in the catalogue, with the way back.
    expect((await requestJson('POST', `${intake}/offers/${far.id}/withdraw`, {}, admin)).status).toBe(200);
    await waitFor(
      `${far.id} out of the catalogue`,
      async () => (await requestJson('GET', `${intake}/catalogue/offers/${encodeURIComponent(far.id)}`)).status === 404,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await page.goto(`${portal}/aanbod/${far.id}`);
    await expectText(page.locator('h1'), 'toBe', 'Aanbod niet gevonden');
    expect(await page.locator('#offer-details p').textContent()).toContain('Dit aanbod staat niet (meer) in de catalogus.');
    // The way back is this tab's last search.
    expect(await page.locator('#offer-details a').getAttribute('href')).toBe('/aanbod?near=Atlantis&price=max&maxPrice=5');
    expect(await page.locator('#offer-actions').isHidden()).toBe(true);
    await expectAccessible(page, 'offer page of a withdrawn offer');
    await page.close();
  });

  it('speaks French and English: results, the offer page and "ask for it", accessible', async () => {
    const page = await browser.newPage();
    await page.goto(`${portal}/aanbod?lang=fr&q=poppenkast+${code}&near=8500&km=20`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectText(page.locator('#catalogue-status'), 'toBe', '1 activité trouvée');
    const card = page.locator(`#results article[data-offer="${near.id}"]`);
    expect(await fact(card, 'Où').textContent()).toMatch(/^Kuurne \(8520\), à \d+(,\d)? km$/);
    expect(await fact(card, 'Disciplines').textContent()).toBe('Théâtre, Littérature');
    expect(await card.locator('ul.badges li').allTextContents()).toEqual(['Enseignement spécialisé', 'Accessible en fauteuil roulant']);
    expect(await page.locator('label[for=f-q]').textContent()).toBe('Mots-clés');
    await expectAccessible(page, 'catalogue in French');
    await card.locator('h3 a').click();
    await expectText(page.locator('h1'), 'toBe', near.title);
    expect(await fact(page.locator('#offer-details'), 'Années').textContent()).toBe('1re maternelle, 2e maternelle, 3e maternelle');
    expect(await page.getByRole('link', { name: 'Demander cette activité' }).getAttribute('href')).toBe(`/school?offer=${near.id}`);
    await expectAccessible(page, 'offer page in French');

    await page.goto(`${portal}/aanbod/${near.id}?lang=en`);
    await expectText(page.locator('h1'), 'toBe', near.title);
    const details = page.locator('#offer-details');
    expect(await details.locator('h2').allTextContents()).toEqual(['What it is', 'Practical details']);
    expect(await fact(details, 'How it takes place').textContent()).toBe('At your school, up to 35 km from Kuurne');
    expect(await fact(details, 'When').textContent()).toBe('from 6 January 2031 to 28 March 2031');
    expect(await page.getByRole('link', { name: 'Ask for this activity' }).isVisible()).toBe(true);
    await expectAccessible(page, 'offer page in English');
    await page.goto(`${portal}/aanbod?q=${code}&near=8500&km=20`);
    await expectText(page.locator('#catalogue-status'), 'toBe', '1 activity found');
    // A page past the end (an old link): said so, with the way back to the last page.
    await page.goto(`${portal}/aanbod?q=${code}&near=8500&km=20&page=3`);
    await expectText(page.locator('#results p'), 'toBe', 'This page of results does not exist.');
    expect(await page.locator('#results nav.pagination a[rel=prev]').textContent()).toBe('Previous page');
    expect(await page.locator('#results nav.pagination a[rel=prev]').getAttribute('href')).toBe(`/aanbod?q=${code}&near=8500&km=20`);
    await expectAccessible(page, 'catalogue in English');
    await page.close();
  });

  function puppets(): Offer {
    return demoOffers().find((o) => o.id === 'off-0032')!;
  }
});
