import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { bearer, chromiumLaunch, requestJson, waitFor } from '@koppel/testkit';
import { expectAccessible, expectText, SHOTS, westFlandersBrokerCookie } from './browser-helpers';
import { e2eContext, uniqueTag } from './helpers';

/**
 * An organisation signs up itself in the portal (issue #13), in a real Chromium with the
 * pages' Content-Security-Policy enforced: an after-school care organisation fills in
 * `/registreren` (a bad email address is flagged at its field first), confirms its address
 * from the mailed link on `/registreren/bevestigen` (opening the page changes nothing; the
 * button does), a broker of its region approves it in review's console, intake makes it
 * active and the approval mail arrives; it signs in with the mailed sign-in link and
 * `/school` asks it for ages and participants, not grades and pupils. axe-core on every
 * page, in Dutch, and the sign-up pages once in French and English.
 */

describe('in a browser: an organisation signs up itself', () => {
  const { stack, inbox } = e2eContext();
  const portal = stack.services.portal.url;
  const intake = stack.services.intake.url;
  const review = stack.services.review.url;
  const admin = bearer(stack.adminToken);
  const tag = uniqueTag();
  const email = `bso-${tag}@example.be`;
  const name = `BSO De Speelboom ${tag}`;
  let browser: BrowserContext;
  const requestIds: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const { userDataDir, options } = chromiumLaunch();
    browser = await chromium.launchPersistentContext(userDataDir, { ...options, viewport: { width: 1100, height: 900 }, locale: 'nl-BE' });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    for (const id of requestIds) await requestJson('POST', `${intake}/requests/${id}/withdraw`, {}, admin).catch(() => undefined);
  });

  // The page language is remembered in a cookie; each test starts from the browser's own (nl-BE).
  beforeEach(async () => {
    await browser?.clearCookies();
  });

  /** A console session of a broker of West Flanders (8000–8999), as the console's own sign-in would set it. */
  const brokerCookie = () =>
    westFlandersBrokerCookie(review, stack.authSecret, { sub: `broker-${tag}@example.org`, org: 'b-west', ttlSeconds: 600 });

  const organisation = async (id: string) => requestJson('GET', `${intake}/organisations/${encodeURIComponent(id)}`, undefined, admin);

  it('signs up an after-school care, confirms it by mail, has it approved, and asks by ages on /school', async () => {
    // From the home page's invitation to the form.
    const page = await browser.newPage();
    await page.goto(`${portal}/`);
    await page.getByRole('link', { name: 'Registreer uw organisatie' }).click();
    await page.waitForURL(`${portal}/registreren`);
    expect(await page.locator('header nav a[aria-current=page]').textContent()).toBe('Registreren');
    expect(await page.locator('#f-type optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual([
      'Onderwijs',
      'Opvang en vrije tijd',
      'Welzijn en buurt',
      'Cultuur en erfgoed',
      'Bemiddeling',
    ]);
    expect(await page.locator('#f-type option[value=broker]').count()).toBe(0);
    // The school levels are for schools: out of sight until one is chosen.
    expect(await page.locator('[data-field=schoolLevels]').isHidden()).toBe(true);
    await page.selectOption('#f-type', 'school');
    expect(await page.locator('[data-field=schoolLevels]').isVisible()).toBe(true);
    await expectAccessible(page, 'sign-up form');

    await page.selectOption('#f-type', 'after_school_care');
    expect(await page.locator('[data-field=schoolLevels]').isHidden()).toBe(true);
    await page.fill('#f-name', name);
    await page.fill('#f-place-postcode', '8500');
    await page.fill('#f-contact-name', 'Sofie Vermeulen');
    await page.fill('#f-contact-email', 'sofie@');
    await page.click('#sign-up-form button[type=submit]');
    // The bad address: at its field and in the summary, whose link leads to it.
    await expectText(page.locator('#f-contact-email-error'), 'toBe', 'Vul een geldig e-mailadres in, zoals naam@school.be.');
    expect(await page.getAttribute('#f-contact-email', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-contact-email', 'aria-describedby')).toBe('f-contact-email-error');
    const summary = page.locator('#sign-up-errors');
    expect(await summary.locator('h2').textContent()).toBe('Er is 1 probleem');
    await summary.locator('a[href="#f-contact-email"]').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-contact-email');
    await expectAccessible(page, 'sign-up form with an error');
    await page.screenshot({ path: join(SHOTS, 'portal-sign-up-error.png'), fullPage: true });

    // Fixed: intake takes it (202) and the form makes way for "almost done".
    await page.fill('#f-contact-email', email);
    const [posted] = await Promise.all([
      page.waitForResponse((res) => res.url() === `${intake}/sign-ups` && res.request().method() === 'POST'),
      page.click('#sign-up-form button[type=submit]'),
    ]);
    expect(posted.status()).toBe(202);
    const { organisationId } = (await posted.json()) as { organisationId: string };
    expect(JSON.parse(posted.request().postData() ?? '{}')).toEqual({
      type: 'after_school_care',
      name,
      place: { postcode: '8500', country: 'BE' },
      contact: { name: 'Sofie Vermeulen', email, language: 'nl' },
    });
    await expectText(
      page.locator('#sign-up-done'),
      'toContain',
      `Bijna klaar: bevestig uw adres via de link die we naar ${email} stuurden. Daarna bekijkt een makelaar van uw regio uw aanmelding.`,
    );
    expect(await page.locator('#sign-up-form').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sign-up-done');
    expect((await organisation(organisationId)).body).toMatchObject({ status: 'unconfirmed', type: 'after_school_care' });
    await expectAccessible(page, 'sign-up received');

    // The mailed link: opening the page confirms nothing, and takes the token out of the address bar.
    const [confirmMail] = await inbox.waitForMailTo(email);
    const link = confirmMail!.text.split('\n').find((line) => line.startsWith(`${portal}/registreren/bevestigen?token=`));
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.locator('#confirm-button').waitFor();
    expect(page.url()).toBe(`${portal}/registreren/bevestigen`);
    expect((await organisation(organisationId)).body.status).toBe('unconfirmed');
    await expectAccessible(page, 'confirmation page, before confirming');
    await page.click('#confirm-button');
    await expectText(
      page.locator('#confirm-status'),
      'toBe',
      'Bedankt, uw adres is bevestigd. Een makelaar van uw regio bekijkt uw aanmelding; u krijgt een mail zodra ze is goedgekeurd.',
    );
    expect(await page.locator('#confirm-button').isHidden()).toBe(true);
    expect((await organisation(organisationId)).body.status).toBe('awaiting_approval');
    await expectAccessible(page, 'confirmation page, confirmed');
    await page.screenshot({ path: join(SHOTS, 'portal-sign-up-confirmed.png'), fullPage: true });

    // A broker of the region approves it in review's console, as review's own form posts it.
    const cookie = await brokerCookie();
    const signUpsPage = async () => (await fetch(`${review}/console/sign-ups`, { headers: { cookie } })).text();
    await waitFor('the sign-up in the broker’s console', async () =>
      (await signUpsPage()).includes(`action="/console/sign-ups/${organisationId}/approve"`),
    );
    const approved = await fetch(`${review}/console/sign-ups/${encodeURIComponent(organisationId)}/approve`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(review).origin,
        'sec-fetch-site': 'same-origin',
      },
      body: '',
      redirect: 'manual',
    });
    expect(approved.status).toBe(303);
    await waitFor('the organisation active in intake', async () => (await organisation(organisationId)).body.status === 'active', {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    const mails = await inbox.waitForMailTo(email, 2);
    expect(mails.map((m) => m.subject)).toContain(`Je organisatie ${name} is goedgekeurd`);

    // The confirmation link opened again changes nothing, and now says where to sign in.
    await page.goto(link!);
    await page.click('#confirm-button');
    await expectText(
      page.locator('#confirm-status'),
      'toBe',
      'Bedankt, uw adres is bevestigd. Uw organisatie is al goedgekeurd: meld u aan.',
    );
    await expectAccessible(page, 'confirmation page, already approved');
    await page.locator('#confirm-status a').click();
    await page.waitForURL(`${portal}/aanmelden`);
    await page.close();

    // It signs in with a mailed sign-in link, and /school speaks of ages and participants.
    const member = await browser.newPage();
    await member.goto(`${portal}/aanmelden`);
    expect(await member.getByRole('link', { name: 'Registreer uw organisatie' }).getAttribute('href')).toBe('/registreren');
    await member.fill('#f-email', email);
    await member.click('#sign-in-form button[type=submit]');
    await expectText(member.locator('#sign-in-status'), 'toContain', 'aanmeldlink');
    const signInMail = await waitFor('the sign-in mail', async () =>
      (await inbox.to(email)).find((m) => m.text.includes(`${portal}/aanmelden?token=`)),
    );
    const signInLink = signInMail.text.split('\n').find((line) => line.startsWith(`${portal}/aanmelden?token=`));
    await member.goto(signInLink!);
    await member.waitForURL(`${portal}/school`);
    await expectText(member.locator('label[for=f-pupils-count]'), 'toBe', 'Aantal deelnemers');
    expect(await member.locator('#leisure-ages legend').textContent()).toBe('Leeftijden van de kinderen/jongeren');
    expect(await member.locator('#leisure-ages').isVisible()).toBe(true);
    expect(await member.locator('[data-field=grades]').isHidden()).toBe(true);
    expect(await member.locator('#leisure-note').isVisible()).toBe(true);
    expect(await member.locator('#f-description-hint').textContent()).toContain('in het weekend of in de vakantie');
    expect(await member.locator('label[for=f-budgetPerPupil]').textContent()).toBe('Budget per deelnemer (€) (niet verplicht)');
    await expectAccessible(member, 'school page in leisure-time words');

    // The ages are required: without them, said at their fields in the same words.
    await member.fill('#f-title', `Circusatelier in de krokusvakantie ${tag}`);
    await member.fill('#f-pupils-count', '18');
    await member.click('#request-form button[type=submit]');
    await expectText(member.locator('#f-pupils-ageMin-error'), 'toBe', 'Vul jongste leeftijd in.');
    expect(await member.locator('#f-pupils-ageMax-error').textContent()).toBe('Vul oudste leeftijd in.');
    expect(await member.locator('#request-errors h2').textContent()).toBe('Er zijn 2 problemen');
    await member.fill('#f-pupils-count', '');
    await member.locator('#f-pupils-count').blur();
    await expectText(member.locator('#f-pupils-count-error'), 'toBe', 'Vul aantal deelnemers in.');
    await expectAccessible(member, 'school page in leisure-time words, with errors');
    await member.screenshot({ path: join(SHOTS, 'portal-leisure-request.png'), fullPage: true });
    await member.fill('#f-pupils-count', '18');
    await member.fill('#f-pupils-ageMin', '6');
    await member.fill('#f-pupils-ageMax', '12');
    await member.click('#request-form button[type=submit]');
    await expectText(member.locator('#requests-status'), 'toContain', 'Uw aanvraag is ingediend.');
    await member.locator('#requests tr[data-listing]').first().waitFor();
    const requestId = (await member.locator('#requests tr[data-listing]').first().getAttribute('data-listing'))!;
    requestIds.push(requestId);
    const stored = await requestJson('GET', `${intake}/requests/${encodeURIComponent(requestId)}`, undefined, admin);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ pupils: { count: 18, ageMin: 6, ageMax: 12 }, school: { id: organisationId } });
    expect(stored.body.grades ?? []).toEqual([]);
    await member.close();
  });

  it('speaks French and English on the sign-up pages, accessible, and says when a link is unknown', async () => {
    const page = await browser.newPage();
    await page.goto(`${portal}/registreren?lang=fr`);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('label[for=f-type]').textContent()).toBe('Type d’organisation');
    expect(await page.locator('#f-type optgroup').first().getAttribute('label')).toBe('Enseignement');
    expect(await page.locator('#f-type option[value=after_school_care]').textContent()).toBe('Accueil extrascolaire');
    // Nothing filled in: each field says so in French, in the summary too.
    await page.click('#sign-up-form button[type=submit]');
    await expectText(page.locator('#sign-up-errors h2'), 'toMatch', /^Il y a \d+ problèmes$/);
    expect(await page.locator('#f-contact-email-error').isVisible()).toBe(true);
    await expectAccessible(page, 'sign-up form in French, with errors');
    await page.goto(`${portal}/registreren/bevestigen?lang=fr&token=unknown-token-${tag}`);
    expect(new URL(page.url()).search).toBe('?lang=fr');
    await expectAccessible(page, 'confirmation page in French');
    await page.click('#confirm-button');
    await expectText(page.locator('#confirm-status'), 'toBe', 'Ce lien est inconnu ou a expiré. Inscrivez à nouveau votre organisation');

    await page.goto(`${portal}/registreren?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Register your organisation');
    expect(await page.locator('#f-contact-language').inputValue()).toBe('en');
    await expectAccessible(page, 'sign-up form in English');
    await page.goto(`${portal}/registreren/bevestigen?lang=en`);
    // No link: nothing to confirm, and the way to sign up.
    await expectText(
      page.locator('#confirm-status'),
      'toBe',
      'This address holds no confirmation link. Open the link in the email again. Register your organisation again',
    );
    expect(await page.locator('#confirm-sign-up').isHidden()).toBe(true);
    await expectAccessible(page, 'confirmation page in English, without a link');
    await page.close();
  });
});
