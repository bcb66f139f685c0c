import type { PortalCopy } from '../copy';

/**
 * The catalogue search (issue #13) as the `/aanbod` page holds it: the form's fields
 * are the page's query string (a plain GET form), the server fills the form in from
 * it, and the browser script turns the same values into intake's `/catalogue` query.
 * Pure (no DOM): used by the page (views/catalogue-pages.tsx), the script
 * (client/catalogue.ts) and the unit tests.
 */

/** Intake's inclusion filters (`true` keeps offers that have the attribute); also the form's checkbox names. */
export const INCLUSION_FILTERS = ['newcomerClasses', 'specialNeeds', 'wheelchairAccess', 'languageSupport'] as const;
export type InclusionFilter = (typeof INCLUSION_FILTERS)[number];

export const SORTS = ['relevance', 'distance', 'price', 'title'] as const;
/** The price choices of the form: '' any price, free, free or social tariff, or at most `maxPrice`. */
export const PRICE_CHOICES = ['', 'free', 'social', 'max'] as const;

/** Results per page: intake's default. */
export const PAGE_SIZE = 20;
/** Intake pages no deeper than this many results (page × pageSize). */
export const MAX_RESULT_WINDOW = 10_000;

export interface SearchValues {
  q: string;
  age: string;
  grade: string;
  discipline: string[];
  format: string;
  language: string;
  near: string;
  country: string;
  km: string;
  /** One of PRICE_CHOICES, or whatever the address said (intake judges it). */
  price: string;
  maxPrice: string;
  inclusion: Record<InclusionFilter, boolean>;
  sort: string;
  page: number;
}

type TextField = 'q' | 'age' | 'grade' | 'format' | 'language' | 'near' | 'country' | 'km' | 'price' | 'maxPrice' | 'sort';

const isOn = (value: string | null) => value !== null && ['true', 'on', '1', 'yes'].includes(value.trim().toLowerCase());

/** The form's values from a query string (`?q=klei&discipline=music&discipline=dance&near=8500&km=20`). */
export function searchValuesOf(params: URLSearchParams): SearchValues {
  const text = (name: TextField) => (params.get(name) ?? '').trim().slice(0, 300);
  const page = Number(params.get('page'));
  return {
    q: text('q'),
    age: text('age'),
    grade: text('grade'),
    discipline: [
      ...new Set(
        params
          .getAll('discipline')
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ],
    format: text('format'),
    language: text('language'),
    near: text('near'),
    country: text('country'),
    km: text('km'),
    price: text('price'),
    maxPrice: text('maxPrice'),
    inclusion: Object.fromEntries(INCLUSION_FILTERS.map((flag) => [flag, isOn(params.get(flag))])) as Record<InclusionFilter, boolean>,
    sort: text('sort'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/**
 * The page's own query string for these values: only what is filled in, in the form's
 * order, `page` only past the first. What the address bar shows, and what the
 * pagination links carry. A `lang` choice is kept when given.
 */
export function searchQueryOf(values: SearchValues, page = values.page, lang?: string): string {
  const readsMaxPrice = values.price === 'max' || values.price === '';
  const entries: [string, string][] = [
    ['q', values.q],
    ['age', values.age],
    ['grade', values.grade],
    ...values.discipline.map((d): [string, string] => ['discipline', d]),
    ['format', values.format],
    ['language', values.language],
    ['near', values.near],
    ['country', values.country],
    ['km', values.km],
    ['price', values.price],
    ['maxPrice', readsMaxPrice ? values.maxPrice : ''],
    ...INCLUSION_FILTERS.map((flag): [string, string] => [flag, values.inclusion[flag] ? 'true' : '']),
    ['sort', values.sort],
    ['page', page > 1 ? String(page) : ''],
    ['lang', lang ?? ''],
  ];
  return new URLSearchParams(entries.filter(([, value]) => value !== '')).toString();
}

/** A link to this search at another page. */
export function searchHref(values: SearchValues, page: number, lang?: string): string {
  const query = searchQueryOf(values, page, lang);
  return query ? `/aanbod?${query}` : '/aanbod';
}

/**
 * Intake's `/catalogue` query for the form's values: lists comma-separated, the price
 * choice "at most" as `maxPrice`, the inclusion boxes as `true`. Unknown values go
 * through as they are: intake answers them with a 400 naming the parameter.
 */
export function catalogueApiQuery(values: SearchValues): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => {
    if (value) params.set(name, value);
  };
  set('q', values.q);
  set('age', values.age);
  set('grade', values.grade);
  set('discipline', values.discipline.join(','));
  set('format', values.format);
  set('language', values.language);
  set('near', values.near);
  set('country', values.country);
  set('km', values.km);
  if (values.price === 'max' || values.price === '') set('maxPrice', values.maxPrice);
  else set('price', values.price);
  for (const flag of INCLUSION_FILTERS) if (values.inclusion[flag]) params.set(flag, 'true');
  set('sort', values.sort);
  if (values.page > 1) params.set('page', String(values.page));
  params.set('pageSize', String(PAGE_SIZE));
  return params.toString();
}

/** An error of the search, on a field of the form (`''`: the search as a whole). */
export interface SearchError {
  field: string;
  message: string;
}

/** Problems the page can tell before asking intake: "at most" without an amount. */
export function localSearchErrors(values: SearchValues, copy: PortalCopy): SearchError[] {
  return values.price === 'max' && values.maxPrice === ''
    ? [{ field: 'maxPrice', message: copy.client.catalogue.errors.maxPriceMissing }]
    : [];
}

/** Which field of the form an intake error path (`discipline.1`, `lat`) belongs to. */
export function searchFieldOf(path: string): string {
  const [first = ''] = path.split('.');
  if (first === 'lat' || first === 'lon') return 'near';
  if ((INCLUSION_FILTERS as readonly string[]).includes(first)) return 'inclusion';
  if (first === 'page' || first === 'pageSize') return '';
  return ['q', 'age', 'grade', 'discipline', 'format', 'language', 'near', 'country', 'km', 'price', 'maxPrice', 'sort'].includes(first)
    ? first
    : '';
}

/**
 * Intake's 400 errors (`{path, message}`, English and meant for developers) as sentences
 * in the page's language, each on its field, one per field.
 */
export function searchErrorsOf(errors: readonly { path: string; message: string }[], copy: PortalCopy): SearchError[] {
  const t = copy.client.catalogue.errors;
  const labels = copy.catalogue;
  const sentence = (field: string, message: string): string => {
    switch (field) {
      case 'near':
        return t.near;
      case 'km':
        return /lat|lon|needs/.test(message) ? t.kmNeedsPlace : t.km;
      case 'sort':
        return /lat|lon|needs/.test(message) ? t.sortNeedsPlace : t.other(labels.sort);
      case 'grade':
        return t.grade;
      case 'age':
        return t.age;
      case 'maxPrice':
        return t.maxPrice;
      case '':
        return t.page;
      default: {
        const label: Record<string, string> = {
          q: labels.words,
          discipline: labels.disciplines,
          format: labels.format,
          language: labels.language,
          country: labels.country,
          price: labels.priceLegend,
          inclusion: labels.inclusionLegend,
        };
        return t.other(label[field] ?? field);
      }
    }
  };
  const byField = new Map<string, string>();
  for (const error of errors) {
    const field = searchFieldOf(error.path);
    if (!byField.has(field)) byField.set(field, sentence(field, error.message));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}

export interface Pagination {
  page: number;
  /** How many pages the results fill (at least 1; no deeper than intake pages). */
  pages: number;
  previous?: number;
  next?: number;
}

export function paginationOf(total: number, page: number, pageSize = PAGE_SIZE): Pagination {
  const pages = Math.max(1, Math.min(Math.ceil(total / pageSize), Math.floor(MAX_RESULT_WINDOW / pageSize)));
  return {
    page,
    pages,
    ...(page > 1 ? { previous: Math.min(page - 1, pages) } : {}),
    ...(page < pages ? { next: page + 1 } : {}),
  };
}
