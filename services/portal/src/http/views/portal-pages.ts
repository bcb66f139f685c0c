import type { Language } from '@koppel/contracts';
import { escapeHtml } from '@koppel/http';
import { copyFor, type PortalCopy } from '../../copy';
import { countryChoices, disciplineChoices, formatChoices, gradeChoices, languageChoices, reachChoices } from './choices';
import { fieldsFor } from './form-fields';
import { pageLayout, type PageOptions } from './layout';

/**
 * The portal's pages as HTML, in the page language. They hold the forms and
 * empty regions; the browser script (client/main.ts) fills the lists and
 * talks to the APIs, in the language of `<html lang>`. Regions that change
 * say so to screen readers (role=status, aria-live).
 */
export interface ApiUrls {
  intakeUrl: string;
  reviewUrl: string;
}

/** What a page needs to render: where the APIs are, its language, and the path asked for (for the switcher). */
export interface PageContext extends ApiUrls {
  lang: Language;
  path: string;
}

function layoutOf(context: PageContext, page: PageOptions['page'], current: string, title: (copy: PortalCopy) => string) {
  const copy = copyFor(context.lang);
  return (main: string) => pageLayout({ ...context, copy, title: title(copy), page, current }, main);
}

function signedOutHtml(copy: PortalCopy): string {
  const t = copy.signedOut;
  return `<div id="signed-out" hidden><p>${escapeHtml(t.text)} <a href="/aanmelden">${escapeHtml(t.link)}</a> ${escapeHtml(t.rest)}</p></div>`;
}

/** The suggestions made to the signed-in school or provider, filled in by the page's script. */
function suggestionsSectionHtml(copy: PortalCopy): string {
  return `<section aria-labelledby="h-suggestions">
  <h2 id="h-suggestions">${escapeHtml(copy.suggestions.heading)}</h2>
  <p id="suggestions-status" class="status-line" role="status" aria-live="polite"></p>
  <div id="suggestions" aria-busy="false"><p class="muted">${escapeHtml(copy.loading)}</p></div>
</section>`;
}

export function homePage(context: PageContext): string {
  const t = copyFor(context.lang).home;
  return layoutOf(
    context,
    'home',
    '/',
    (c) => c.home.title,
  )(
    `<h1>${escapeHtml(t.heading)}</h1>
<p>${escapeHtml(t.intro)}</p>
<ul>
  <li><a href="/school">${escapeHtml(t.schoolLink)}</a>: ${escapeHtml(t.schoolText)}</li>
  <li><a href="/aanbieder">${escapeHtml(t.providerLink)}</a>: ${escapeHtml(t.providerText)}</li>
</ul>`,
  );
}

export function signInPage(context: PageContext): string {
  const copy = copyFor(context.lang);
  const t = copy.signIn;
  const { inputField } = fieldsFor(copy);
  return layoutOf(
    context,
    'sign-in',
    '/aanmelden',
    (c) => c.signIn.title,
  )(
    `<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro)}</p>
<form id="sign-in-form" novalidate>
  ${inputField({ name: 'email', label: t.email, type: 'email', required: true, attrs: 'autocomplete="email"' })}
  <button type="submit" class="primary">${escapeHtml(t.send)}</button>
</form>
<p id="sign-in-status" class="status-line" role="status" aria-live="polite"></p>
<p><button type="button" id="sign-out">${escapeHtml(t.signOut)}</button></p>`,
  );
}

export function schoolPage(context: PageContext): string {
  const copy = copyFor(context.lang);
  const t = copy.school;
  const { inputField, textareaField, selectField, checkboxGroup } = fieldsFor(copy);
  return layoutOf(
    context,
    'school',
    '/school',
    (c) => c.school.title,
  )(
    `<h1>${escapeHtml(t.title)}</h1>
<p id="who" class="muted"></p>
${signedOutHtml(copy)}
<div id="signed-in">
${suggestionsSectionHtml(copy)}
<section aria-labelledby="h-request-form">
  <h2 id="h-request-form">${escapeHtml(t.formHeading)}</h2>
  <div id="request-errors" class="error-summary" tabindex="-1" role="alert" hidden></div>
  <form id="request-form" novalidate>
    ${inputField({ name: 'title', label: t.what, hint: t.whatHint, required: true })}
    ${textareaField({ name: 'description', label: t.description, hint: t.descriptionHint })}
    ${checkboxGroup({ name: 'grades', legend: copy.grades.legend, hint: copy.grades.hint, choices: gradeChoices(copy) })}
    <div class="row">
      ${inputField({ name: 'pupils.count', label: t.pupils, type: 'number', required: true })}
      ${inputField({ name: 'maxTravelKm', label: t.maxTravelKm, type: 'number', required: true, value: '15' })}
      ${inputField({ name: 'budgetPerPupil', label: t.budgetPerPupil, type: 'number' })}
    </div>
    ${checkboxGroup({ name: 'disciplines', legend: t.disciplines, choices: disciplineChoices(context.lang) })}
    ${selectField({ name: 'language', label: t.language, choices: languageChoices(copy), value: context.lang })}
    <div class="row">
      ${inputField({ name: 'school.postcode', label: t.postcode, hint: t.postcodeHint })}
      ${selectField({ name: 'school.country', label: t.country, choices: countryChoices(copy), value: 'BE' })}
    </div>
    <button type="submit" class="primary">${escapeHtml(t.submit)}</button>
  </form>
</section>
<section aria-labelledby="h-requests">
  <h2 id="h-requests">${escapeHtml(t.listHeading)}</h2>
  <p id="requests-status" class="status-line" role="status" aria-live="polite"></p>
  <div id="requests"><p class="muted">${escapeHtml(copy.loading)}</p></div>
</section>
</div>`,
  );
}

/** A provider's choice between one mail per approved match and a daily digest (intake's mail-preference route). */
function mailPreferenceSectionHtml(copy: PortalCopy): string {
  const t = copy.provider;
  const option = (id: string, value: string, label: string) =>
    `<span class="option"><input type="radio" id="${id}" name="mailPreference" value="${value}"> <label for="${id}">${escapeHtml(label)}</label></span>`;
  return `<section aria-labelledby="h-mail-preference">
  <h2 id="h-mail-preference">${escapeHtml(t.mailHeading)}</h2>
  <form id="mail-preference-form">
    <fieldset class="field"><legend>${escapeHtml(t.mailLegend)}</legend>
      ${option('mp-each', 'each', t.mailEach)}
      ${option('mp-daily-digest', 'daily_digest', t.mailDigest)}
    </fieldset>
    <button type="submit">${escapeHtml(t.mailSave)}</button>
  </form>
  <p id="mail-preference-status" class="status-line" role="status" aria-live="polite"></p>
</section>`;
}

export function providerPage(context: PageContext): string {
  const copy = copyFor(context.lang);
  const t = copy.provider;
  const { inputField, textareaField, selectField, checkboxGroup } = fieldsFor(copy);
  return layoutOf(
    context,
    'provider',
    '/aanbieder',
    (c) => c.provider.title,
  )(
    `<h1>${escapeHtml(t.title)}</h1>
<p id="who" class="muted"></p>
${signedOutHtml(copy)}
<div id="signed-in">
${suggestionsSectionHtml(copy)}
<section aria-labelledby="h-offer-form">
  <h2 id="h-offer-form">${escapeHtml(t.formHeading)}</h2>
  <div id="offer-errors" class="error-summary" tabindex="-1" role="alert" hidden></div>
  <form id="offer-form" novalidate>
    ${inputField({ name: 'title', label: t.offerTitle, required: true })}
    ${textareaField({ name: 'description', label: t.description, hint: t.descriptionHint })}
    ${checkboxGroup({ name: 'disciplines', legend: t.disciplines, hint: t.disciplinesHint, choices: disciplineChoices(context.lang) })}
    ${selectField({ name: 'format', label: t.format, choices: formatChoices(context.lang), placeholder: t.formatPlaceholder })}
    ${checkboxGroup({ name: 'grades', legend: copy.grades.legend, hint: copy.grades.hint, choices: gradeChoices(copy) })}
    <div class="row">
      ${inputField({ name: 'location.postcode', label: t.postcode, required: true, hint: t.postcodeHint })}
      ${selectField({ name: 'location.country', label: t.country, choices: countryChoices(copy), value: 'BE' })}
    </div>
    <div class="row">
      ${selectField({ name: 'reach.mode', label: t.reachMode, choices: reachChoices(copy), value: 'both' })}
      ${inputField({ name: 'reach.maxTravelKm', label: t.reachKm, type: 'number', required: true, value: '0' })}
    </div>
    <div class="row">
      ${inputField({ name: 'groupSize.min', label: t.groupMin, type: 'number', required: true })}
      ${inputField({ name: 'groupSize.max', label: t.groupMax, type: 'number', required: true })}
      ${inputField({ name: 'pricePerPupil', label: t.price, type: 'number', required: true })}
    </div>
    ${selectField({ name: 'language', label: t.language, choices: languageChoices(copy), value: context.lang })}
    <button type="submit" class="primary">${escapeHtml(t.submit)}</button>
  </form>
</section>
<section aria-labelledby="h-offers">
  <h2 id="h-offers">${escapeHtml(t.listHeading)}</h2>
  <p id="offers-status" class="status-line" role="status" aria-live="polite"></p>
  <div id="offers"><p class="muted">${escapeHtml(copy.loading)}</p></div>
</section>
${mailPreferenceSectionHtml(copy)}
</div>`,
  );
}
