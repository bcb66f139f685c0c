import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bearer, chromiumLaunch, requestJson, waitFor } from '@koppel/testkit';
import { expectAccessible, expectText, SHOTS, westFlandersBrokerCookie } from './browser-helpers';
import { e2eContext, uniqueTag } from './helpers';

/**
 * Issue #13 as people would go through it, in one real Chromium with the pages'
 * Content-Security-Policy enforced: a provider signs up on the portal and confirms its
 * address from the mail; a broker of West Flanders approves it on review's console; the
 * provider signs in from the mail and imports three offers from a CSV (one row wrong
 * first, nothing imported; then fixed); a school signs up, confirms and is approved the
 * same way; it finds one of those offers in the public catalogue by a Dutch word of its
 * description within a distance, opens it, asks for it (signing in on the way) and sends
 * the request; the broker's console then shows the proposal of that very offer, saying
 * the school asked for it. axe-core on every page on the way.
 */

describe('in a browser: a provider and a school join, meet in the catalogue, and a broker sees the proposal', () => {
  const { stack, inbox } = e2eContext();
  const portal = stack.services.portal.url;
  const intake = stack.services.intake.url;
  const review = stack.services.review.url;
  const admin = bearer(stack.adminToken);
  const tag = uniqueTag();
  // A word of the kind nobody else's offers use, so the search finds this provider's offer and no other.
  const word = `klankschilderij${tag}`;
  const provider = { name: `Atelier Klankkleur ${tag}`, email: `atelier-${tag}@example.be` };
  const school = { name: `Basisschool De Boomgaard ${tag}`, email: `directie-${tag}@example.be` };
  const offerIds = ['a', 'b', 'c'].map((letter) => `reis-${tag}-${letter}`);
  const requestIds: string[] = [];
  let browser: BrowserContext;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { userDataDir, options } = chromiumLaunch();
    browser = await chromium.launchPersistentContext(userDataDir, { ...options, viewport: { width: 1100, height: 900 }, locale: 'nl-BE' });
    // The broker's console session, as the console's own sign-in sets it (that sign-in has its own browser test).
    const cookie = await westFlandersBrokerCookie(review, stack.authSecret, {
      sub: `makelaar-${tag}@example.org`,
      org: `brk-west-${tag}`,
      ttlSeconds: 3600,
    });
    const [name, value] = cookie.split('=');
    await browser.addCookies([{ name, value, url: review }]);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    // Leave nothing active that other tests' requests could be matched with.
    for (const path of [...requestIds.map((id) => `requests/${id}`), ...offerIds.map((id) => `offers/${id}`)])
      await requestJson('POST', `${intake}/${path}/withdraw`, {}, admin).catch(() => undefined);
  });

  /** The first line of the newest mail to `address` that starts with `prefix`. */
  async function linkInMail(address: string, prefix: string): Promise<string> {
    return waitFor(`a mail to ${address} with ${prefix}`, async () => {
      for (const mail of [...(await inbox.to(address))].reverse()) {
        const line = mail.text.split('\n').find((l) => l.startsWith(prefix));
        if (line) return line;
      }
      return undefined;
    });
  }

  /** Signs an organisation up on /registreren and confirms it from the mailed link; returns its id. */
  async function signUpAndConfirm(page: Page, who: { name: string; email: string }, type: string, postcode: string): Promise<string> {
    await page.goto(`${portal}/`);
    await page.getByRole('link', { name: 'Registreer uw organisatie' }).click();
    await page.waitForURL(`${portal}/registreren`);
    await page.selectOption('#f-type', type);
    if (type === 'school') await page.check('input[name=schoolLevels][value=be_primary]');
    await page.fill('#f-name', who.name);
    await page.fill('#f-place-postcode', postcode);
    await page.fill('#f-contact-name', 'Contactpersoon');
    await page.fill('#f-contact-email', who.email);
    await expectAccessible(page, `sign-up form (${type})`);
    const [posted] = await Promise.all([
      page.waitForResponse((res) => res.url() === `${intake}/sign-ups` && res.request().method() === 'POST'),
      page.click('#sign-up-form button[type=submit]'),
    ]);
    expect(posted.status()).toBe(202);
    const { organisationId } = (await posted.json()) as { organisationId: string };
    await expectText(page.locator('#sign-up-done'), 'toContain', `bevestig uw adres via de link die we naar ${who.email} stuurden`);

    await page.goto(await linkInMail(who.email, `${portal}/registreren/bevestigen?token=`));
    await page.locator('#confirm-button').waitFor();
    await expectAccessible(page, `confirmation page (${type})`);
    await page.click('#confirm-button');
    await expectText(page.locator('#confirm-status'), 'toContain', 'Bedankt, uw adres is bevestigd.');
    return organisationId;
  }

  /** The broker opens the console's sign-ups, finds the organisation by its name and approves it with a click. */
  async function approveInConsole(page: Page, organisationId: string, name: string): Promise<void> {
    const row = page.locator(`tr[data-organisation-id="${organisationId}"]`);
    await waitFor('the sign-up in the console', async () => {
      await page.goto(`${review}/console/sign-ups`);
      return (await row.count()) === 1 ? true : undefined;
    });
    expect(await row.textContent()).toContain(name);
    await expectAccessible(page, 'console sign-ups');
    await Promise.all([page.waitForURL(/\/console\/sign-ups/), row.locator('button.approve').click()]);
    await waitFor(
      'the organisation active in intake',
      async () =>
        (await requestJson('GET', `${intake}/organisations/${organisationId}`, undefined, admin)).body.status === 'active'
          ? true
          : undefined,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }

  /** Signs in on the portal with the mailed one-time link; lands on the organisation's own page. */
  async function signIn(page: Page, email: string, landing: string): Promise<void> {
    await page.goto(`${portal}/aanmelden`);
    await page.fill('#f-email', email);
    await page.click('#sign-in-form button[type=submit]');
    await expectText(page.locator('#sign-in-status'), 'toContain', 'aanmeldlink');
    await page.goto(await linkInMail(email, `${portal}/aanmelden?token=`));
    await page.waitForURL(`${portal}${landing}`);
  }

  /** Three offers of the provider in Roeselare (8800), travelling to schools up to 40 km, as Excel in Belgium saves them. */
  function offersCsv(ageMaxOfSecond: number): string {
    const header = ['id', 'title', 'description', 'language', 'disciplines', 'format', 'ageMin', 'ageMax', 'postcode', 'country'];
    const tail = ['at_school', '40', '10', '30', '7,5'];
    const rows = [
      [
        offerIds[0],
        `Een ${word} maken ${tag}`,
        `De leerlingen maken samen een ${word}: een schilderij dat klinkt, met verf en zelfgemaakte instrumenten.`,
        'nl',
        'music|visual_arts',
        'workshop',
        '8',
        '12',
      ],
      [
        offerIds[1],
        `Dansen op woorden ${tag}`,
        'Een dansatelier op gedichten.',
        'nl',
        'dance|literature',
        'workshop',
        '9',
        String(ageMaxOfSecond),
      ],
      [
        offerIds[2],
        `Verhalen uit de kelder ${tag}`,
        'Een verteltheater over oude ambachten.',
        'nl',
        'theatre|heritage',
        'performance',
        '6',
        '10',
      ],
    ].map((row) => [...row, '8800', 'BE', ...tail]);
    return `${[[...header, 'reachMode', 'maxTravelKm', 'groupMin', 'groupMax', 'pricePerPupil'], ...rows]
      .map((cells) => cells.join(';'))
      .join('\r\n')}\r\n`;
  }

  it('goes from two sign-ups through an import and the catalogue to a proposal in the console', async () => {
    const page = await browser.newPage();

    // 1. The provider signs up and confirms; the broker approves it.
    const providerId = await signUpAndConfirm(page, provider, 'arts_centre', '8800');
    await approveInConsole(page, providerId, provider.name);

    // 2. It signs in and imports its offers: one row wrong (ages 9 to 7), so nothing goes in; then fixed.
    await signIn(page, provider.email, '/aanbieder');
    await page.setInputFiles('#f-importFile', { name: 'aanbod.csv', mimeType: 'text/csv', buffer: Buffer.from(offersCsv(7), 'utf8') });
    await page.click('#offer-import-form button[type=submit]');
    const status = page.locator('#import-status');
    await expectText(status, 'toContain', 'Niets geïmporteerd: 1 van de 3 regels heeft fouten.');
    const errorRows = await page
      .locator('#import-errors table tbody tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
    expect(errorRows).toEqual([[`3 (aanbod ${offerIds[1]})`, 'Oudste leeftijd (kolom ageMax)', expect.any(String)]]);
    for (const id of offerIds) expect((await requestJson('GET', `${intake}/offers/${id}`, undefined, admin)).status).toBe(404);
    await expectAccessible(page, 'provider page with import errors');
    await page.setInputFiles('#f-importFile', { name: 'aanbod.csv', mimeType: 'text/csv', buffer: Buffer.from(offersCsv(12), 'utf8') });
    await page.click('#offer-import-form button[type=submit]');
    await expectText(status, 'toBe', '3 aanbiedingen nieuw, 0 gewijzigd, 0 ongewijzigd.');
    await expectAccessible(page, 'provider page after the import');
    await page.screenshot({ path: join(SHOTS, 'journey-import.png'), fullPage: true });
    await page.close();

    // 3. The school signs up and confirms in a browser of its own (no provider session); the broker approves it.
    const schoolPage = await browser.newPage();
    await schoolPage.evaluate(() => sessionStorage.clear()).catch(() => undefined);
    const schoolId = await signUpAndConfirm(schoolPage, school, 'school', '8500');
    const consolePage = await browser.newPage();
    await approveInConsole(consolePage, schoolId, school.name);

    // 4. It finds the offer by a Dutch word of its description within 30 km of Kortrijk, opens it and asks for it.
    await waitFor('the offer in the catalogue', async () => {
      const res = await fetch(`${intake}/catalogue/offers/${offerIds[0]}`);
      return res.status === 200 ? true : undefined;
    });
    await schoolPage.goto(`${portal}/aanbod`);
    await schoolPage.fill('#f-q', word);
    await schoolPage.fill('#f-near', '8500');
    await schoolPage.fill('#f-km', '30');
    await schoolPage.click('#catalogue-form button[type=submit]');
    await expectText(schoolPage.locator('#catalogue-status'), 'toBe', '1 aanbieding gevonden');
    const card = schoolPage.locator(`#results article[data-offer="${offerIds[0]}"]`);
    await expectAccessible(schoolPage, 'catalogue with the offer');
    await card.locator('h3 a').click();
    await schoolPage.waitForURL(`${portal}/aanbod/${offerIds[0]}`);
    await expectText(schoolPage.locator('h1'), 'toBe', `Een ${word} maken ${tag}`);
    await expectAccessible(schoolPage, 'offer page');
    await schoolPage.getByRole('link', { name: 'Vraag dit aanbod aan' }).click();
    await schoolPage.waitForURL(`${portal}/school?offer=${offerIds[0]}`);
    await schoolPage.locator('#signed-out a[href="/aanmelden"]').click();
    await schoolPage.waitForURL(`${portal}/aanmelden`);
    await schoolPage.fill('#f-email', school.email);
    await schoolPage.click('#sign-in-form button[type=submit]');
    await expectText(schoolPage.locator('#sign-in-status'), 'toContain', 'aanmeldlink');
    await schoolPage.goto(await linkInMail(school.email, `${portal}/aanmelden?token=`));
    await schoolPage.waitForURL(`${portal}/school?offer=${offerIds[0]}`);
    await expectText(
      schoolPage.locator('#asked-offer'),
      'toContain',
      `U vraagt dit aanbod aan: Een ${word} maken ${tag} (${provider.name})`,
    );
    await expectAccessible(schoolPage, 'school page asking for the offer');
    await schoolPage.fill('#f-pupils-count', '24');
    await schoolPage.click('#request-form button[type=submit]');
    await expectText(schoolPage.locator('#requests-status'), 'toContain', 'Uw aanvraag is ingediend.');
    await schoolPage.locator('#requests tr[data-listing]').first().waitFor();
    const requestId = (await schoolPage.locator('#requests tr[data-listing]').first().getAttribute('data-listing'))!;
    requestIds.push(requestId);
    const stored = await requestJson('GET', `${intake}/requests/${encodeURIComponent(requestId)}`, undefined, admin);
    expect(stored.body).toMatchObject({ askedForOfferId: offerIds[0], school: { id: schoolId, municipality: 'Kortrijk' } });

    // 5. The broker's console shows the proposal of that offer for the school's request, saying the school asked for it.
    const matchRow = consolePage.locator(`tr[data-match-id="m-${requestId}--${offerIds[0]}"]`);
    await waitFor(
      'the proposal in the console',
      async () => {
        await consolePage.goto(`${review}/console?status=all&q=${encodeURIComponent(word)}`);
        return (await matchRow.count()) === 1 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    await expectAccessible(consolePage, 'console queue with the proposal');
    await matchRow.locator('a').first().click();
    await expectText(consolePage.locator('main'), 'toContain', 'De aanvrager vroeg dit aanbod zelf aan uit de catalogus.');
    await expectAccessible(consolePage, 'console proposal page');
    await consolePage.screenshot({ path: join(SHOTS, 'journey-proposal.png'), fullPage: true });
  });
});
