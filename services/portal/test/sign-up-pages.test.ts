import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LANGUAGES,
  type Language,
  ORGANISATION_TYPES,
  PARTNER_GROUP_LABELS,
  PARTNER_KINDS,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_LEVELS,
} from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { PORTAL_COPY } from '../src/copy';
import { PORTAL_CSS } from '../src/http/views/layout';
import { HomePage, type PageContext, SchoolPage, SignInPage } from '../src/http/views/portal-pages';
import { ConfirmSignUpPage, SignUpPage } from '../src/http/views/sign-up-pages';
import { requestFormTexts } from '../src/leisure/wording';
import { fieldIdOf, SIGN_UP_FIELDS } from '../src/sign-up/form';
import { copyLeaves } from './copy-leaves';

/**
 * The sign-up pages as the server sends them (issue #13): `/registreren`, the form whose
 * fields are named by their path in intake's body, with a label or legend for each, the
 * kinds in an optgroup per partner group (no broker), fieldsets with legends and
 * autocomplete; `/registreren/bevestigen`, a button that only the script shows. The links
 * to them, and the request form's hidden leisure-time parts on `/school`.
 */
const urls = { intakeUrl: 'http://intake.test', reviewUrl: 'http://review.test' };
const contextIn = (lang: Language, path: string): PageContext => ({ ...urls, lang, path });
const signUp = (lang: Language, path = '/registreren') => renderPage(SignUpPage(contextIn(lang, path)));
const confirm = (lang: Language, path = '/registreren/bevestigen') => renderPage(ConfirmSignUpPage(contextIn(lang, path)));

const formOf = (html: string) => /<form id="sign-up-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
const controlIds = (html: string) => [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
const decode = (text: string) =>
  text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a person reads: the text between the tags and the aria-labels, without the switcher's other languages. */
function readableText(html: string, lang: Language): string {
  const withoutOtherLanguages = html.replace(/<a [^>]*\blang="(\w+)"[^>]*>[^<]*<\/a>/g, (link, linkLang: string) =>
    linkLang === lang ? link : '',
  );
  const labels = [...withoutOtherLanguages.matchAll(/(?:aria-label|label)="([^"]*)"/g)].map((m) => m[1]);
  return decode([withoutOtherLanguages.replace(/<[^>]+>/g, ' '), ...labels].join(' ')).replace(/\s+/g, ' ');
}

/** Every Dutch text of the portal's copy that the other language does not also use. */
function dutchOnlyTexts(lang: Language): string[] {
  const theirs = new Set(copyLeaves(PORTAL_COPY[lang]).map(([, text]) => text));
  return [...new Set(copyLeaves(PORTAL_COPY.nl).map(([, text]) => text))].filter((text) => !theirs.has(text) && text.length >= 4);
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const containsWords = (haystack: string, words: string) =>
  new RegExp(`(^|[^\\p{L}])${escapeRegExp(words)}($|[^\\p{L}])`, 'u').test(haystack);

describe('the sign-up page /registreren', () => {
  it.each(LANGUAGES)('has a labelled control for every field of the body, named by its path (%s)', (lang) => {
    const html = signUp(lang);
    const form = formOf(html);
    expect(form).toContain('<form id="sign-up-form" novalidate="">');
    for (const field of SIGN_UP_FIELDS)
      expect({ field, wrapper: form.includes(`data-field="${field}"`) }).toEqual({ field, wrapper: true });
    // Every field but the school levels (a group of boxes with a legend) is one control with the field's id and name.
    for (const field of SIGN_UP_FIELDS.filter((f) => f !== 'schoolLevels')) {
      const id = fieldIdOf(field);
      expect(form).toMatch(new RegExp(`<(input|select)\\b[^>]*\\bid="${id}" name="${escapeRegExp(field)}"`));
      expect({ field, label: form.includes(`<label for="${id}">`) }).toEqual({ field, label: true });
    }
    // Every control has a label, including each school level's box.
    const ids = controlIds(form);
    expect(ids.length).toBe(SIGN_UP_FIELDS.length - 1 + SCHOOL_LEVELS.length);
    expect(ids.filter((id) => !form.includes(`<label for="${id}">`))).toEqual([]);
    // Every group is a fieldset with a legend: the organisation, its school levels, its place, its contact.
    const fieldsets = form.match(/<fieldset\b/g) ?? [];
    const legends = form.match(/<fieldset\b[^>]*><legend>[^<]+<\/legend>/g) ?? [];
    expect(fieldsets.length).toBe(4);
    expect(legends.length).toBe(4);
    const t = PORTAL_COPY[lang].signUp.form;
    for (const legend of [t.organisationLegend, t.schoolLevels, t.placeLegend, t.contactLegend])
      expect(form).toContain(`<legend>${legend}</legend>`);
  });

  it.each(LANGUAGES)('offers every kind of organisation but broker, in an optgroup per partner group (%s)', (lang) => {
    const html = signUp(lang);
    const select = /<select id="f-type" name="type"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '';
    const kinds = [...select.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => [m[1], decode(m[2])]);
    expect(kinds[0]).toEqual(['', PORTAL_COPY[lang].signUp.form.typePlaceholder]);
    expect(
      kinds
        .slice(1)
        .map(([kind]) => kind)
        .sort(),
    ).toEqual(ORGANISATION_TYPES.filter((t) => t !== 'broker').sort());
    for (const [kind, label] of kinds.slice(1)) expect(label).toBe(PARTNER_KINDS[kind as keyof typeof PARTNER_KINDS].labels[lang]);
    // Each kind sits in the optgroup of its group, labelled in the page language.
    const groups = [...select.matchAll(/<optgroup label="([^"]*)" data-group="([^"]*)">([\s\S]*?)<\/optgroup>/g)];
    expect(groups.map((m) => m[2])).toEqual(['education', 'childhood_and_leisure', 'social', 'culture', 'intermediary']);
    for (const [, label, group, options] of groups) {
      expect(decode(label)).toBe(PARTNER_GROUP_LABELS[lang][group as keyof (typeof PARTNER_GROUP_LABELS)['nl']]);
      for (const [, kind] of options.matchAll(/value="([^"]+)"/g))
        expect(PARTNER_KINDS[kind as keyof typeof PARTNER_KINDS].group).toBe(group);
    }
    expect(select).not.toContain('value="broker"');
    expect(select).toContain('aria-required="true"');
  });

  it('keeps the school levels visible with their hint (the script hides them for other kinds), sending the contract codes', () => {
    const html = signUp('nl');
    expect(html).toMatch(/<fieldset class="field" data-field="schoolLevels" aria-describedby="f-schoolLevels-hint f-schoolLevels-error">/);
    expect(html).not.toMatch(/data-field="schoolLevels"[^>]*hidden/);
    expect(html).toContain('<p class="hint" id="f-schoolLevels-hint">Alleen voor scholen en schoolbesturen.</p>');
    expect(html).toContain(`value="be_primary" data-multi=""/><label for="f-schoolLevels-1">${SCHOOL_LEVEL_LABELS.nl.be_primary}</label>`);
    expect(signUp('fr')).toContain(
      `value="nl_secondary" data-multi=""/><label for="f-schoolLevels-7">${SCHOOL_LEVEL_LABELS.fr.nl_secondary}</label>`,
    );
  });

  it('asks for the umbrella by id with its explanation, and fills the browser in (autocomplete)', () => {
    const html = signUp('nl');
    expect(html).toContain('<label for="f-memberOf">Koepelorganisatie (id) <span class="muted">(niet verplicht)</span></label>');
    expect(html).toContain('Id van uw schoolbestuur of cultuurkern, als u die kent.');
    expect(html).toMatch(/id="f-name" name="name" type="text"[^>]*autocomplete="organization"/);
    expect(html).toMatch(/id="f-place-postcode" name="place.postcode"[^>]*autocomplete="postal-code"/);
    expect(html).toMatch(/id="f-contact-name" name="contact.name"[^>]*autocomplete="name"/);
    expect(html).toMatch(/id="f-contact-email" name="contact.email" type="email"[^>]*autocomplete="email"/);
    // A postcode or a municipality: neither is marked optional on its own.
    expect(html).toContain('<label for="f-place-postcode">Postcode</label>');
    expect(html).toContain('<label for="f-place-municipality">Gemeente</label>');
    expect(html).toContain('<option value="BE" selected="">België</option>');
  });

  it('starts the mails’ language at the page language, and says JavaScript is needed', () => {
    for (const lang of LANGUAGES) {
      const html = signUp(lang);
      expect(html).toMatch(
        new RegExp(`<select id="f-contact-language" name="contact.language"[^>]*>[\\s\\S]*?<option value="${lang}" selected="">`),
      );
      expect(html).toContain(`<noscript><p class="warn">${PORTAL_COPY[lang].signUp.form.needsScript}</p></noscript>`);
      expect(html).toContain('<div id="sign-up-errors" class="error-summary" tabindex="-1" role="alert" hidden="">');
      expect(html).toContain('<div id="sign-up-done" class="ok" tabindex="-1" hidden="">');
      expect(html).toContain('data-page="sign-up"');
    }
  });
});

describe('the confirmation page /registreren/bevestigen', () => {
  it.each(LANGUAGES)('has the button (shown by the script), a status line and a noscript note (%s)', (lang) => {
    const t = PORTAL_COPY[lang].signUp.confirm;
    const html = confirm(lang, '/registreren/bevestigen?token=secret-123456');
    expect(html).toContain(`<h1>${t.title}</h1>`);
    expect(html).toContain(`<noscript><p class="warn">${t.needsScript}</p></noscript>`);
    expect(html).toContain(`<div id="confirm-sign-up" hidden=""><p>${decodeSafe(t.intro)}</p>`);
    expect(html).toContain(`<button type="button" id="confirm-button" class="primary">${t.button}</button>`);
    expect(html).toContain('<div id="confirm-status" class="status-line" role="status" aria-live="polite" tabindex="-1"></div>');
    expect(html).toContain('data-page="confirm-sign-up"');
    // The link's token is the script's to read; the page never repeats it (the switcher's links leave it out).
    expect(html).not.toContain('secret-123456');
  });
});

/** hono escapes ' as &#39;: a text as it appears in the HTML. */
function decodeSafe(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

describe('the sign-up pages in every language', () => {
  it.each(['fr', 'en'] as const)('render in %s with <html lang> set and no Dutch text left', (lang) => {
    const dutch = dutchOnlyTexts(lang);
    for (const [name, html] of Object.entries({ signUp: signUp(lang), confirm: confirm(lang) })) {
      expect({ name, lang: /<html lang="(\w+)">/.exec(html)?.[1] }).toEqual({ name, lang });
      const text = readableText(html, lang);
      expect({ name, dutchLeft: dutch.filter((d) => containsWords(text, d)) }).toEqual({ name, dutchLeft: [] });
    }
  });

  it('escapes hostile addresses and paths', () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&`;
    for (const lang of LANGUAGES)
      for (const Component of [SignUpPage, ConfirmSignUpPage]) {
        const html = renderPage(
          Component({
            intakeUrl: `http://intake.test/${hostile}`,
            reviewUrl: `http://review.test/${hostile}`,
            lang,
            path: `/registreren/${hostile}?q=${hostile}&token=secret-123`,
          }),
        );
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('<img');
        expect(html.match(/<script\b/g)).toEqual(['<script']);
        expect(html).toContain('data-intake="http://intake.test/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).not.toContain('secret-123');
      }
  });

  it('uses only classes /portal.css has a rule for', () => {
    const hasRule = (cls: string) => new RegExp(`\\.${cls.replace(/-/g, '\\-')}(?![\\w-])`).test(PORTAL_CSS);
    const classes = [signUp('nl'), confirm('nl')].flatMap((html) =>
      [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)),
    );
    const client = ['sign-up.ts', 'leisure.ts'].map((file) => readFileSync(join(__dirname, '../src/client', file), 'utf8')).join('\n');
    const clientClasses = [...client.matchAll(/class: '([^']*)'/g)].flatMap((m) => m[1].split(/\s+/));
    expect([...new Set([...classes, ...clientClasses])].filter((cls) => cls && !hasRule(cls))).toEqual([]);
  });
});

describe('the way to sign up', () => {
  it.each(LANGUAGES)('is linked from the home page, the sign-in page and the menu (%s)', (lang) => {
    const t = PORTAL_COPY[lang].signUp;
    for (const render of [HomePage, SignInPage]) {
      const html = renderPage(render(contextIn(lang, '/')));
      expect(html).toContain(`<p>${decodeSafe(t.invitation.text)} <a href="/registreren">${t.invitation.link}</a></p>`);
      const menu = /<nav aria-label="[^"]*">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
      expect(menu).toContain(`<a href="/registreren">${decodeSafe(t.nav)}</a>`);
    }
    expect(signUp(lang)).toMatch(new RegExp(`<a href="/registreren" aria-current="page">${escapeRegExp(decodeSafe(t.nav))}</a>`));
  });
});

describe('the request form on /school for requesters that ask for leisure time', () => {
  it.each(LANGUAGES)("is served in a school's words, with the ages and the leisure note hidden (%s)", (lang) => {
    const copy = PORTAL_COPY[lang];
    const html = renderPage(SchoolPage(contextIn(lang, '/school')));
    const school = requestFormTexts(copy, 'school');
    expect(html).toContain(`<p class="hint" id="f-title-hint">${decodeSafe(school.whatHint)}</p>`);
    expect(html).toContain(`<p class="hint" id="f-description-hint">${decodeSafe(school.descriptionHint)}</p>`);
    expect(html).toContain(`<p class="hint" id="f-school-postcode-hint">${decodeSafe(school.postcodeHint)}</p>`);
    expect(html).toContain(`<label for="f-pupils-count">${decodeSafe(school.pupils)}</label>`);
    expect(html).toContain(`<label for="f-budgetPerPupil">${decodeSafe(school.budgetPerPupil)} <span class="muted">`);
    expect(html).toContain('<fieldset class="field" data-field="grades"');
    // The ages: a fieldset with a legend and a labelled, required field each; hidden until the script knows the type.
    const t = copy.signUp.leisure;
    const ages = /<fieldset id="leisure-ages"[\s\S]*?<\/fieldset>/.exec(html)?.[0] ?? '';
    expect(ages).toMatch(/^<fieldset id="leisure-ages" class="field" aria-describedby="leisure-ages-hint" hidden="">/);
    expect(ages).toContain(`<legend>${decodeSafe(t.agesLegend)}</legend>`);
    expect(ages).toContain(`<label for="f-pupils-ageMin">${decodeSafe(t.ageMin)}</label>`);
    expect(ages).toContain(`<label for="f-pupils-ageMax">${decodeSafe(t.ageMax)}</label>`);
    expect(ages).toMatch(/id="f-pupils-ageMin" name="pupils.ageMin" type="number"[^>]*aria-required="true"/);
    expect(html).toContain(`<p id="leisure-note" class="hint" hidden="">${decodeSafe(t.note)}</p>`);
  });

  it('has different words for leisure time in every language', () => {
    for (const lang of LANGUAGES) {
      const copy = PORTAL_COPY[lang];
      const school = requestFormTexts(copy, 'school');
      const leisure = requestFormTexts(copy, 'leisure');
      for (const key of Object.keys(school) as (keyof typeof school)[])
        expect({ lang, key, same: school[key] === leisure[key] }).toEqual({ lang, key, same: false });
    }
    expect(requestFormTexts(PORTAL_COPY.nl, 'leisure').pupils).toBe('Aantal deelnemers');
    expect(PORTAL_COPY.nl.signUp.leisure.agesLegend).toBe('Leeftijden van de kinderen/jongeren');
  });
});
