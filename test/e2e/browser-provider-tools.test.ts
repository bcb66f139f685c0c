import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { bearer, chromiumLaunch, requestJson, waitFor } from '@koppel/testkit';
import { expectAccessible, expectText, SHOTS } from './browser-helpers';
import { e2eContext, goodPair, uniqueTag } from './helpers';

/**
 * The provider page's two tools (issue #13) in a real Chromium with the pages'
 * Content-Security-Policy enforced. A provider signs in through the mailed link and
 * imports a CSV of three offers: one row is wrong, so in "all or nothing" nothing is
 * imported and the error table names the line and the field; fixed, the three are new;
 * the same file again leaves them unchanged, and intake's API lists them. Then requests
 * of a school within the offers' reach: once review's demand read model counts them (with
 * the provider's own token), the demand section shows them counted, with bar charts and
 * their tables, the recent titles and no school's name. axe-core with both sections
 * filled in, in Dutch, French and English; a revoked session asks to sign in again.
 */

describe('in a browser: a provider imports offers and sees what schools in its reach ask for', () => {
  const { stack, inbox } = e2eContext();
  const portal = stack.services.portal.url;
  const intake = stack.services.intake.url;
  const review = stack.services.review.url;
  const admin = bearer(stack.adminToken);
  const tag = uniqueTag();
  const providerOrg = `org-prov-import-${tag}`;
  const providerEmail = `planning-${tag}@example.be`;
  // A theatre in Roeselare and a school in Harelbeke (16 km), moved together to a longitude of their own:
  // no other test's requests are within this provider's reach, so the counts are this test's alone.
  const { request: schoolRequest, offer: place } = goodPair('req-0001', 'off-0035', tag);
  const school = schoolRequest.school;
  const offerIds = ['a', 'b', 'c'].map((letter) => `imp-${tag}-${letter}`);
  const requestIds = ['1', '2', '3'].map((n) => `req-demand-${tag}-${n}`);
  let browser: BrowserContext;
  let providerToken = '';

  /** A CSV as Excel in Belgium saves it: semicolons, one offer per row, the place given with its coordinates. */
  function offersCsv(ageMaxOfSecond: number): string {
    const header = [
      'id',
      'title',
      'description',
      'language',
      'disciplines',
      'format',
      'ageMin',
      'ageMax',
      'postcode',
      'country',
      'lat',
      'lon',
      'reachMode',
      'maxTravelKm',
      'groupMin',
      'groupMax',
      'pricePerPupil',
    ];
    const { lat, lon } = place.location;
    const rows = [
      [
        offerIds[0],
        `Oorlogskind – voorstelling ${tag}`,
        'Eén acteur, objecten en muziek over 1917.',
        'nl',
        'theatre|heritage',
        'performance',
        '9',
        '12',
      ],
      [
        offerIds[1],
        `Klankkast – muziekatelier ${tag}`,
        'Samen een klankkast bouwen en bespelen.',
        'nl',
        'music',
        'workshop',
        '8',
        String(ageMaxOfSecond),
      ],
      [offerIds[2], `Dansen met de handen ${tag}`, 'Een dansatelier voor jonge kinderen.', 'nl', 'dance', 'workshop', '4', '7'],
    ].map((row) => [...row, '8800', 'BE', String(lat), String(lon), 'both', '40', '10', '60', '6,5']);
    return `${[header, ...rows].map((cells) => cells.join(';')).join('\r\n')}\r\n`;
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { userDataDir, options } = chromiumLaunch();
    browser = await chromium.launchPersistentContext(userDataDir, { ...options, viewport: { width: 1100, height: 900 }, locale: 'nl-BE' });
    const created = await requestJson(
      'POST',
      `${intake}/organisations`,
      {
        id: providerOrg,
        type: 'theatre',
        name: `Jeugdtheater Spiegelbeeld ${tag}`,
        contacts: [{ name: 'Lien', email: providerEmail, language: 'nl' }],
        place: { postcode: '8800', country: 'BE' },
      },
      admin,
    );
    if (created.status !== 201) throw new Error(`creating the provider: ${created.status} ${JSON.stringify(created.body)}`);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    // Leave nothing active to compete with other tests' pairs.
    for (const path of [...requestIds.map((id) => `requests/${id}`), ...offerIds.map((id) => `offers/${id}`)])
      await requestJson('POST', `${intake}/${path}/withdraw`, {}, admin).catch(() => undefined);
  });

  async function importFile(page: Page, csv: string, name = 'aanbod.csv'): Promise<void> {
    await page.setInputFiles('#f-importFile', { name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.click('#offer-import-form button[type=submit]');
  }

  /** The cells of a table's body rows, as text. */
  const tableRows = (table: Locator) =>
    table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));

  let page: Page;

  it('signs in through the mailed link, refuses a file with an error, imports it fixed, and changes nothing the second time', async () => {
    page = await browser.newPage();
    await page.goto(`${portal}/aanmelden`);
    await page.fill('#f-email', providerEmail);
    await page.click('#sign-in-form button[type=submit]');
    await expectText(page.locator('#sign-in-status'), 'toContain', 'aanmeldlink');
    const [mail] = await inbox.waitForMailTo(providerEmail);
    const link = mail!.text.split('\n').find((line) => line.startsWith(`${portal}/aanmelden?token=`));
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.waitForURL(`${portal}/aanbieder`);
    const session = JSON.parse((await page.evaluate(() => sessionStorage.getItem('koppel.session'))) ?? '{}');
    expect(session).toMatchObject({ role: 'provider', organisationId: providerOrg });
    providerToken = session.token;

    // No offers yet: nothing in reach.
    await expectText(page.locator('#demand-status'), 'toBe', 'Nog geen aanvragen binnen uw bereik in deze periode.');
    expect(await page.locator('#demand svg').count()).toBe(0);

    // The template (semicolons, for Excel in Belgium and the Netherlands) and the column guide, from intake.
    const template = page.getByRole('link', { name: 'Download het sjabloon voor Excel (CSV met puntkomma’s)' });
    expect(await template.getAttribute('href')).toBe(`${intake}/offers/imports/template.csv?separator=semicolon`);
    const templateCsv = await (await fetch(`${intake}/offers/imports/template.csv?separator=semicolon`)).text();
    expect(templateCsv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^id;title;/);
    await page.locator('#import-columns summary').click();
    const guide = page.locator('#import-columns-body table');
    await guide.waitFor();
    const guideRows = await tableRows(guide);
    expect(guideRows.map((row) => row[0])).toEqual(expect.arrayContaining(['id', 'title', 'ageMin', 'disciplines', 'postcode']));
    expect(guideRows.find((row) => row[0] === 'ageMin')?.[1]).toBe('ja, als grades leeg is');
    await expectAccessible(page, 'provider page before an import');

    // One row wrong (ages 8 to 6), "all or nothing" (the default): nothing is imported, the table says where.
    expect(await page.isChecked('#f-importMode-0')).toBe(true);
    await importFile(page, offersCsv(6));
    const status = page.locator('#import-status');
    await expectText(
      status,
      'toBe',
      'Niets geïmporteerd: 1 van de 3 regels heeft fouten. Verbeter ze en importeer opnieuw, of kies "Importeer de geldige rijen".',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('h-import-result');
    expect(await page.locator('#h-import-result').textContent()).toBe('Resultaat van de import');
    const errors = page.locator('#import-errors table');
    expect(await errors.locator('thead th').allTextContents()).toEqual(['Regel', 'Veld', 'Wat er mis is']);
    expect(await tableRows(errors)).toEqual([
      [`3 (aanbod ${offerIds[1]})`, 'Oudste leeftijd (kolom ageMax)', 'De oudste leeftijd mag niet lager zijn dan de jongste.'],
    ]);
    for (const id of offerIds) expect((await requestJson('GET', `${intake}/offers/${id}`, undefined, admin)).status).toBe(404);
    await expectAccessible(page, 'provider page with import errors');
    await page.screenshot({ path: join(SHOTS, 'portal-import-errors.png'), fullPage: true });

    // Fixed: three new offers, listed on the page.
    await importFile(page, offersCsv(10));
    await expectText(status, 'toBe', '3 aanbiedingen nieuw, 0 gewijzigd, 0 ongewijzigd.');
    expect(await page.locator('#import-errors table').count()).toBe(0);
    await waitFor('the three offers in the list', async () => (await page.locator('#offers tr[data-listing]').count()) === 3, {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    // The same file again: nothing changes.
    await page.click('#offer-import-form button[type=submit]');
    await expectText(status, 'toBe', '0 aanbiedingen nieuw, 0 gewijzigd, 3 ongewijzigd.');

    // intake's API (admin) lists the three, the provider's own, placed where the file said.
    const listed = await requestJson('GET', `${intake}/offers?limit=100&sort=-createdAt`, undefined, admin);
    expect(listed.status).toBe(200);
    expect(
      listed.body.items
        .filter((o: { provider: { id: string } }) => o.provider.id === providerOrg)
        .map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual(offerIds);
    for (const id of offerIds) {
      const offer = await requestJson('GET', `${intake}/offers/${id}`, undefined, admin);
      expect(offer.body).toMatchObject({
        id,
        status: 'active',
        revision: 1,
        provider: { id: providerOrg },
        location: { municipality: 'Roeselare', postcode: '8800', lat: place.location.lat, lon: place.location.lon },
        reach: { mode: 'both', maxTravelKm: 40 },
        pricePerPupil: 6.5,
      });
    }
  });

  it('shows the requests in its reach counted, as bar charts with their tables and recent titles without names, in nl, fr and en', async () => {
    expect(providerToken).not.toBe('');
    // Three requests of a school 16 km away, through intake (admin), as any school's would come in.
    const requests = [
      { title: `Theater over vriendschap voor het derde leerjaar ${tag}`, disciplines: ['theatre'], ageMin: 8, ageMax: 9 },
      { title: `Muziek in de kleuterklas ${tag}`, disciplines: ['music'], ageMin: 4, ageMax: 5 },
      { title: `Dansen op ${school.name}`, disciplines: ['dance', 'theatre'], ageMin: 10, ageMax: 11 },
    ];
    for (const [i, r] of requests.entries()) {
      const created = await requestJson(
        'POST',
        `${intake}/requests`,
        {
          ...schoolRequest,
          id: requestIds[i],
          title: r.title,
          disciplines: r.disciplines,
          pupils: { ageMin: r.ageMin, ageMax: r.ageMax, count: 24 },
        },
        admin,
      );
      expect({ i, status: created.status, body: created.status === 201 ? undefined : created.body }).toEqual({
        i,
        status: 201,
        body: undefined,
      });
    }
    // review's read model takes them in from the topics: wait until the provider's own token counts them.
    await waitFor(
      'the three requests in the provider’s reach',
      async () => {
        const res = await requestJson('GET', `${review}/insights/demand?months=12`, undefined, bearer(providerToken));
        return res.status === 200 && res.body.requestsInReach === 3 ? res.body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    await page.reload();
    const status = page.locator('#demand-status');
    await expectText(status, 'toMatch', /^3 aanvragen binnen uw bereik, van \S+ \d{4} tot en met \S+ \d{4}$/);
    const demand = page.locator('#demand');
    expect(await demand.locator('h3').allTextContents()).toEqual(['Per discipline', 'Per leeftijd', 'Per maand', 'De recentste aanvragen']);
    // Each chart an image with every number in its text alternative, bars drawn, and the same numbers as a table.
    const disciplines = demand.locator('[data-chart=discipline]');
    const chart = disciplines.locator('svg[role=img]');
    expect(await chart.getAttribute('aria-label')).toBe('Staafdiagram, aanvragen per discipline: Theater 2, Muziek 1, Dans 1');
    expect(await chart.locator('rect.bar').count()).toBe(3);
    await disciplines.locator('details summary').click();
    expect(await tableRows(disciplines.locator('table'))).toEqual([
      ['Theater', '2'],
      ['Muziek', '1'],
      ['Dans', '1'],
    ]);
    const ages = await tableRows(demand.locator('[data-chart=age-band] table'));
    expect(ages).toEqual([
      ['0–5 jaar', '1'],
      ['6–8 jaar', '1'],
      ['9–11 jaar', '2'],
      ['12–14 jaar', '0'],
      ['15–17 jaar', '0'],
      ['18 jaar en ouder', '0'],
    ]);
    const months = await tableRows(demand.locator('[data-chart=month] table'));
    expect(months).toHaveLength(12);
    expect(months.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(3);
    expect(await demand.locator('[data-chart=month] svg[role=img]').getAttribute('aria-label')).toMatch(
      /^Staafdiagram, aanvragen per maand: \S+ \d{4} 3, de 11 andere maanden 0$/,
    );
    // The recent titles: no school's name (taken out of the title), its municipality as 3 requests come from it.
    const recent = await demand.locator('ul.recent-demand li').allTextContents();
    expect(recent).toHaveLength(3);
    expect(recent).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Dansen op …Dans, Theater · 10–11 jaar · Harelbeke · \S+ \d{4}$/),
        expect.stringContaining(`Muziek in de kleuterklas ${tag}Muziek · 4–5 jaar · Harelbeke`),
      ]),
    );
    const sectionText = (await page.locator('section[aria-labelledby=h-demand]').textContent()) ?? '';
    expect(sectionText).not.toContain(school.name);
    expect(sectionText).not.toContain(school.id);

    // Both sections filled in: the import again (unchanged), the tables open; axe.
    await importFile(page, offersCsv(10));
    await expectText(page.locator('#import-status'), 'toBe', '0 aanbiedingen nieuw, 0 gewijzigd, 3 ongewijzigd.');
    await page.locator('#import-columns summary').click();
    for (const summary of await demand.locator('details summary').all())
      if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open))) await summary.click();
    await expectAccessible(page, 'provider page with an import and the demand');
    await page.screenshot({ path: join(SHOTS, 'portal-provider-demand.png'), fullPage: true });

    // A shorter period: the select reloads the figures (all three are of this month).
    await page.selectOption('#f-demandMonths', '3');
    await expectText(status, 'toMatch', /^3 aanvragen binnen uw bereik, van \S+ \d{4} tot en met \S+ \d{4}$/);
    await waitFor('three months', async () => (await tableRows(demand.locator('[data-chart=month] table'))).length === 3, {
      timeoutMs: 10_000,
      intervalMs: 100,
    });

    // In French: the wrong file's problems and the demand, in French; axe.
    await page.goto(`${portal}/aanbieder?lang=fr`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectText(page.locator('#demand-status'), 'toMatch', /^3 demandes à votre portée, d(e |’)\S+ \d{4} à \S+ \d{4} inclus$/);
    expect(await page.locator('[data-chart=discipline] svg').getAttribute('aria-label')).toBe(
      'Diagramme en barres, demandes par discipline : Théâtre 2, Musique 1, Danse 1',
    );
    expect(await page.locator('ul.recent-demand li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Dansen op …Danse, Théâtre · 10–11 ans · Harelbeke/)]),
    );
    await importFile(page, offersCsv(6), 'activites.csv');
    await expectText(
      page.locator('#import-status'),
      'toBe',
      'Rien n’a été importé : 1 ligne sur 3 contient des erreurs. Corrigez-les et importez à nouveau, ou choisissez « Importer les lignes valides ».',
    );
    expect(await tableRows(page.locator('#import-errors table'))).toEqual([
      [`3 (activité ${offerIds[1]})`, 'Âge maximum (colonne ageMax)', 'L’âge maximum ne peut pas être inférieur à l’âge minimum.'],
    ]);
    await page.locator('#import-columns summary').click();
    await page.locator('#import-columns-body table').waitFor();
    await expectAccessible(page, 'provider page in French');

    // In English: the valid rows of the same file (two unchanged, one refused), and the demand; axe.
    await page.goto(`${portal}/aanbieder?lang=en`);
    await expectText(page.locator('#demand-status'), 'toMatch', /^3 requests within your reach, from \S+ \d{4} through \S+ \d{4}$/);
    await page.check('#f-importMode-1');
    await importFile(page, offersCsv(6), 'offers.csv');
    await expectText(
      page.locator('#import-status'),
      'toBe',
      '0 offers new, 0 changed, 2 unchanged; 1 line not imported, see the errors below.',
    );
    expect(await tableRows(page.locator('#import-errors table'))).toEqual([
      [`3 (offer ${offerIds[1]})`, 'Oldest age (column ageMax)', 'The oldest age cannot be below the youngest.'],
    ]);
    await expectAccessible(page, 'provider page in English');
  });

  it('asks to sign in again when the session is no longer accepted', async () => {
    await page.goto(`${portal}/aanbieder`);
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('koppel.session') ?? '{}');
      sessionStorage.setItem('koppel.session', JSON.stringify({ ...session, token: `${session.token}x` }));
    });
    await page.reload();
    await page.locator('#signed-out').waitFor({ state: 'visible' });
    expect(await page.locator('#signed-in').isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem('koppel.session'))).toBeNull();
    await page.close();
  });
});
