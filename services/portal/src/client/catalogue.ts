/// <reference lib="dom" />
import { LANGUAGES, type Language } from '@koppel/contracts';
import {
  askHref,
  cardOf,
  type Fact,
  type OfferCardView,
  offerDetailsOf,
  offerHref,
  type RequestPrefill,
  requestPrefillOf,
} from '../catalogue/offer-text';
import { CatalogueResultSchema, PublicOfferSchema } from '../catalogue/schemas';
import {
  catalogueApiQuery,
  localSearchErrors,
  type Pagination,
  paginationOf,
  type SearchError,
  type SearchValues,
  searchErrorsOf,
  searchHref,
  searchValuesOf,
} from '../catalogue/search';
import type { PortalCopy } from '../copy';
import { callApi } from './api';
import { announce, el } from './dom';
import { showErrorSummary, showFieldErrors } from './live-validation';
import { problemText } from './problem-text';

/**
 * The public catalogue in the browser (issue #13): the search page asks intake's
 * `/catalogue` with the page's own query string and writes the result cards, the
 * offer page asks `/catalogue/offers/<id>`, and the school page fills its request
 * form in from an offer (`/school?offer=<id>`). No token: the catalogue is public.
 */
export interface CatalogueEnv {
  intake: string;
  lang: Language;
  copy: PortalCopy;
}

function factList(facts: Fact[]): HTMLDListElement {
  const list = el('dl', { class: 'facts' });
  for (const [label, text] of facts) list.append(el('dt', {}, label), el('dd', {}, text));
  return list;
}

function cardElement(view: OfferCardView, index: number, copy: PortalCopy): HTMLElement {
  const headingId = `result-${index}`;
  const card = el('article', { class: 'card', 'aria-labelledby': headingId, 'data-offer': view.id });
  card.append(el('h3', { id: headingId }, el('a', { href: view.href }, view.title)), factList(view.facts));
  if (view.badges.length)
    card.append(
      el(
        'ul',
        { class: 'badges', 'aria-label': copy.client.catalogue.facts.inclusion },
        ...view.badges.map((badge) => el('li', { class: 'badge' }, badge)),
      ),
    );
  if (view.excerpt) card.append(el('p', {}, view.excerpt));
  return card;
}

function paginationElement(pagination: Pagination, values: SearchValues, lang: string | undefined, copy: PortalCopy): HTMLElement {
  const t = copy.client.catalogue.pagination;
  const nav = el('nav', { class: 'pagination', 'aria-label': t.label });
  if (pagination.previous) nav.append(el('a', { href: searchHref(values, pagination.previous, lang), rel: 'prev' }, t.previous));
  // Past the last page (an old link) there is only the way back.
  if (pagination.page <= pagination.pages) nav.append(el('span', {}, t.pageOf(pagination.page, pagination.pages)));
  if (pagination.next) nav.append(el('a', { href: searchHref(values, pagination.next, lang), rel: 'next' }, t.next));
  return nav;
}

/** The last search of this tab, for the offer page's way back. */
const SEARCH_KEY = 'koppel.lastSearch';

function rememberSearch(href: string): void {
  try {
    sessionStorage.setItem(SEARCH_KEY, href);
  } catch {
    // storage refused: the way back is the catalogue's first page
  }
}

function lastSearchHref(): string | undefined {
  try {
    const href = sessionStorage.getItem(SEARCH_KEY);
    return href?.startsWith('/aanbod') ? href : undefined;
  } catch {
    return undefined;
  }
}

/** `/aanbod`: the search of the address, its results (or its errors next to the fields). */
export async function cataloguePage(env: CatalogueEnv): Promise<void> {
  const { copy } = env;
  const t = copy.client.catalogue;
  const form = document.getElementById('catalogue-form') as HTMLFormElement;
  const summary = document.getElementById('catalogue-errors') as HTMLElement;
  const results = document.getElementById('results') as HTMLElement;
  const params = new URLSearchParams(location.search);
  const values = searchValuesOf(params);
  const chosenLang = params.get('lang') ?? '';
  const keptLang = (LANGUAGES as readonly string[]).includes(chosenLang) ? chosenLang : undefined;
  // The plain GET form sends its empty fields too; the address keeps only what was filled in.
  const clean = searchHref(values, values.page, keptLang);
  if (`${location.pathname}${location.search}` !== clean) history.replaceState(null, '', clean);
  rememberSearch(clean);

  const showErrors = (errors: SearchError[]) => {
    showFieldErrors(form, errors, () => true);
    showErrorSummary(form, summary, errors, env.lang);
    announce('catalogue-status', t.invalid);
    results.replaceChildren();
    results.setAttribute('aria-busy', 'false');
  };
  const local = localSearchErrors(values, copy);
  if (local.length) return showErrors(local);

  results.setAttribute('aria-busy', 'true');
  announce('catalogue-status', t.loading);
  const result = await callApi(`${env.intake}/catalogue?${catalogueApiQuery(values)}`, { schema: CatalogueResultSchema });
  if (!result.ok) {
    if (result.status === 400 && result.problem.errors?.length) return showErrors(searchErrorsOf(result.problem.errors, copy));
    announce('catalogue-status', problemText(result.problem, copy));
    results.replaceChildren();
    results.setAttribute('aria-busy', 'false');
    return;
  }
  const { total, page, pageSize, items } = result.data;
  const pagination = paginationOf(total, page, pageSize);
  announce('catalogue-status', t.total(total));
  const list = items.length
    ? el('ol', { class: 'results' }, ...items.map((hit, i) => el('li', {}, cardElement(cardOf(hit, copy, env.lang), i, copy))))
    : el('p', {}, total > 0 ? t.errors.page : t.none);
  results.replaceChildren(list, ...(pagination.pages > 1 || page > 1 ? [paginationElement(pagination, values, keptLang, copy)] : []));
  results.setAttribute('aria-busy', 'false');
}

/** `/aanbod/<id>`: one offer, everything a teacher needs, and "Vraag dit aanbod aan". */
export async function offerPage(env: CatalogueEnv): Promise<void> {
  const { copy } = env;
  const t = copy.client.catalogue;
  const id = document.body.dataset.offer ?? '';
  const heading = document.getElementById('offer-title') as HTMLElement;
  const details = document.getElementById('offer-details') as HTMLElement;
  const back = document.getElementById('offer-back') as HTMLAnchorElement;
  // Back to the very search the visitor came from (the pages send no Referer: helmet's no-referrer).
  const lastSearch = lastSearchHref();
  if (lastSearch) back.setAttribute('href', lastSearch);
  const result = await callApi(`${env.intake}/catalogue/offers/${encodeURIComponent(id)}`, { schema: PublicOfferSchema });
  details.setAttribute('aria-busy', 'false');
  if (!result.ok) {
    if (result.status === 404) {
      heading.textContent = t.notFoundHeading;
      document.title = `${t.notFoundHeading} – koppel`;
      details.replaceChildren(el('p', {}, t.notFound, ' ', el('a', { href: back.getAttribute('href') ?? '/aanbod' }, copy.offerPage.back)));
    } else {
      details.replaceChildren();
      announce('offer-status', problemText(result.problem, copy));
    }
    return;
  }
  const view = offerDetailsOf(result.data, copy, env.lang);
  heading.textContent = view.title;
  document.title = `${view.title} – koppel`;
  const paragraphs = view.paragraphs.map((lines) => {
    const p = el('p');
    lines.forEach((line, i) => {
      if (i > 0) p.append(el('br'));
      p.append(line);
    });
    return p;
  });
  details.replaceChildren(
    el('p', { class: 'muted' }, view.provider),
    el('h2', {}, copy.offerPage.descriptionHeading),
    ...paragraphs,
    el('h2', {}, copy.offerPage.detailsHeading),
    factList(view.facts),
  );
  (document.getElementById('offer-ask') as HTMLAnchorElement).href = view.askHref;
  document.getElementById('offer-actions')?.removeAttribute('hidden');
}

// ---- "Vraag dit aanbod aan" on the school page -------------------------------------

/** The offer a school asked for, kept through the sign-in (the mailed link may open in another tab). */
const ASKED_KEY = 'koppel.askedOffer';
const ASKED_KEEP_MS = 60 * 60 * 1000;

export function rememberAskedOffer(offerId: string): void {
  try {
    localStorage.setItem(ASKED_KEY, JSON.stringify({ id: offerId, until: Date.now() + ASKED_KEEP_MS }));
  } catch {
    // storage refused: the school starts from the catalogue again after signing in
  }
}

/** The school page to go to after signing in: the asked-for offer's, once, while it is fresh. */
export function schoolPageAfterSignIn(): string {
  try {
    const kept = JSON.parse(localStorage.getItem(ASKED_KEY) ?? 'null') as { id?: unknown; until?: unknown } | null;
    localStorage.removeItem(ASKED_KEY);
    if (kept && typeof kept.id === 'string' && typeof kept.until === 'number' && kept.until > Date.now()) return askHref(kept.id);
  } catch {
    // nothing usable kept
  }
  return '/school';
}

/** The offer id of `/school?offer=<id>`, if any. */
export function askedOfferId(): string | undefined {
  return new URLSearchParams(location.search).get('offer')?.trim() || undefined;
}

function fillRequestForm(form: HTMLFormElement, prefill: RequestPrefill): void {
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  const title = field('title');
  if (title) title.value = prefill.title;
  const description = field('description');
  if (description) description.value = prefill.description;
  const language = field('language');
  if (language) language.value = prefill.language;
  const grades = new Set(prefill.grades.map((g) => g.trim().toLowerCase()));
  for (const box of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=checkbox][name=disciplines]')))
    box.checked = prefill.disciplines.includes(box.value);
  for (const box of Array.from(form.querySelectorAll<HTMLInputElement>('input[type=checkbox][name=grades]')))
    box.checked = grades.has(box.value.toLowerCase());
}

export interface AskedOffer {
  id: string;
  /** The offer's ages: the request's when the school picks no grade. */
  ages: { ageMin: number; ageMax: number };
}

/**
 * `/school?offer=<id>` for a signed-in school: names the offer above the request form
 * and fills the form in from it. Undefined when the offer is not (or no longer) in the
 * catalogue: the page says so and the form stays an ordinary request.
 */
export async function prefillFromOffer(env: CatalogueEnv, form: HTMLFormElement, offerId: string): Promise<AskedOffer | undefined> {
  const { copy } = env;
  const box = document.getElementById('asked-offer') as HTMLElement;
  const result = await callApi(`${env.intake}/catalogue/offers/${encodeURIComponent(offerId)}`, { schema: PublicOfferSchema });
  box.hidden = false;
  if (!result.ok) {
    box.replaceChildren(el('p', {}, result.status === 404 ? copy.client.askOffer.notFound : problemText(result.problem, copy)));
    return undefined;
  }
  const prefill = requestPrefillOf(result.data, copy);
  fillRequestForm(form, prefill);
  box.replaceChildren(
    el('p', {}, el('strong', {}, prefill.notice), ' ', el('a', { href: offerHref(offerId) }, copy.client.askOffer.view)),
    el('p', { class: 'hint' }, copy.client.askOffer.agesFromOffer(prefill.ages.ageMin, prefill.ages.ageMax)),
  );
  return { id: offerId, ages: prefill.ages };
}

/** After the request is sent: the form is an ordinary one again, and the address forgets the offer. */
export function forgetAskedOffer(): void {
  const box = document.getElementById('asked-offer');
  if (box) {
    box.replaceChildren();
    box.hidden = true;
  }
  history.replaceState(null, '', location.pathname);
}
