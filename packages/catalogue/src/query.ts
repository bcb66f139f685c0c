import { DisciplineSchema, FormatSchema, LanguageSchema } from '@koppel/contracts';
import { agesFromGradeText } from '@koppel/matching';
import { z } from 'zod';

/**
 * A catalogue search as it arrives in an HTTP query string: every value may be a
 * string (numbers and booleans are coerced), lists may be repeated keys
 * (`?format=visit&format=workshop`) or comma-separated (`?format=visit,workshop`).
 * Unknown keys are ignored (the page language `?lang=` shares the query string).
 * Bad input gives zod issues with the field's path; the service turns them into a 400.
 */

/** One past the last result a search may page to (page x pageSize), as search engines cap deep paging. */
export const MAX_RESULT_WINDOW = 10_000;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const SORTS = ['relevance', 'distance', 'price', 'title'] as const;
export const PRICES = ['free', 'social'] as const;
/** Inclusion flags a search can ask for (`true` keeps only offers that have the flag; `false` does not filter). */
export const INCLUSION_FLAGS = ['newcomerClasses', 'specialNeeds', 'wheelchairAccess', 'languageSupport'] as const;
export type InclusionFlag = (typeof INCLUSION_FLAGS)[number];

const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A number from a query string ("12", " 4.5 "); blank means absent, anything else not a number is an issue. */
const numeric = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    const v = blankToUndefined(value);
    return typeof v === 'string' ? Number(v.trim()) : v;
  }, schema);

/** A boolean from a query string: true/1/yes/on or false/0/no/off; blank means absent. */
const flag = () =>
  z.preprocess((value) => {
    const v = blankToUndefined(value);
    if (typeof v !== 'string') return v;
    const s = v.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(s)) return true;
    if (['false', '0', 'no', 'off'].includes(s)) return false;
    return v;
  }, z.boolean().optional());

/** A list from repeated keys and/or comma-separated values; empty means absent. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    const v = blankToUndefined(value);
    if (v === undefined) return undefined;
    const parts = (Array.isArray(v) ? v : [v]).flatMap((x) =>
      typeof x === 'string'
        ? x
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : [x],
    );
    return parts.length === 0 ? undefined : [...new Set(parts)];
  }, z.array(item).max(20).optional());

const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());

export const CatalogueQuerySchema = z
  .object({
    /** Words; matched (after stemming and synonyms) in title and description, every word must match. */
    q: text(200),
    /** Offers whose audience ageMin..ageMax contains this age. */
    age: numeric(z.number().int('must be a whole number of years').min(0).max(120).optional()),
    /** A grade as a teacher writes it ("3de leerjaar", "groep 5", "CE2"): offers whose ages overlap its ages. */
    grade: text(100),
    discipline: list(DisciplineSchema),
    format: list(FormatSchema),
    language: list(LanguageSchema),
    /** With `lon`: distance of each result; with `km` too: only offers within km. */
    lat: numeric(z.number().min(-90).max(90).optional()),
    lon: numeric(z.number().min(-180).max(180).optional()),
    km: numeric(z.number().positive().max(1000).optional()),
    /** free: price 0; social: free or a social tariff (inclusion.freeOrSocialTariff). */
    price: z.preprocess(blankToUndefined, z.enum(PRICES).optional()),
    /** Euro per pupil, inclusive. */
    maxPrice: numeric(z.number().min(0).max(10_000).optional()),
    newcomerClasses: flag(),
    specialNeeds: flag(),
    wheelchairAccess: flag(),
    languageSupport: flag(),
    /** Default: relevance with words, title without. Relevance without words orders by title. */
    sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()),
    page: numeric(z.number().int().min(1).default(1)),
    pageSize: numeric(z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE)),
  })
  .superRefine((query, ctx) => {
    if ((query.lat === undefined) !== (query.lon === undefined)) {
      ctx.addIssue({ code: 'custom', path: [query.lat === undefined ? 'lat' : 'lon'], message: 'lat and lon go together' });
    }
    if (query.km !== undefined && query.lat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['km'], message: 'km needs lat and lon' });
    }
    if (query.sort === 'distance' && (query.lat === undefined || query.lon === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['sort'], message: 'sorting by distance needs lat and lon' });
    }
    if (query.grade !== undefined && agesFromGradeText(query.grade) === null) {
      ctx.addIssue({ code: 'custom', path: ['grade'], message: 'not a grade koppel knows (e.g. "3de leerjaar", "groep 5", "CE2")' });
    }
    if (query.page * query.pageSize > MAX_RESULT_WINDOW) {
      ctx.addIssue({ code: 'custom', path: ['page'], message: `page x pageSize must not exceed ${MAX_RESULT_WINDOW}` });
    }
  });

/** A parsed search: what `Catalogue.search` takes. */
export type CatalogueQuery = z.output<typeof CatalogueQuerySchema>;
export type CatalogueSort = (typeof SORTS)[number];

/** Parses a search (throws a ZodError on bad input); handy for callers that build queries in code. */
export function catalogueQuery(input: Record<string, unknown> = {}): CatalogueQuery {
  return CatalogueQuerySchema.parse(input);
}
