import { type CatalogueResult, CatalogueQuerySchema } from '@koppel/catalogue';
import { resolvePlace } from '@koppel/gazetteer';
import { z } from 'zod';
import { type Invalid, invalid } from '../results';
import type { PublicCatalogue } from './public-catalogue';

/**
 * A search near a place as a person gives it: `near` a postcode ("8500", "3511 AB") or a
 * municipality ("Kortrijk"), in `country` (BE or NL; absent: Belgium first, then the
 * Netherlands). Explicit `lat`/`lon` win.
 */
const NearSchema = z.object({
  near: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(100).optional()),
  country: z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() || undefined : v), z.enum(['BE', 'NL']).optional()),
});

/** Where `near` is: the gazetteer's coordinates, or undefined when no country knows it. */
function coordinatesOf(near: string, country: 'BE' | 'NL' | undefined): { lat: number; lon: number } | undefined {
  const isPostcode = /^\d{4}(\s*[A-Za-z]{2})?$/.test(near);
  for (const c of country ? [country] : (['BE', 'NL'] as const)) {
    const found = isPostcode ? resolvePlace(c, near.replace(/\s+/g, ' ')) : resolvePlace(c, undefined, near);
    if (found) return { lat: found.lat, lon: found.lon };
  }
  return undefined;
}

/** Issues of a zod parse as field errors: the path joined with dots, and the reason. */
function fieldErrorsOf(error: z.ZodError): Invalid {
  return invalid(error.issues.map((issue) => ({ path: issue.path.join('.') || '(query)', message: issue.message })));
}

/** A page of the catalogue for a query string, or every bad parameter with its reason. */
export function searchCatalogue(
  catalogue: PublicCatalogue,
  params: Record<string, unknown>,
): { kind: 'found'; result: CatalogueResult } | Invalid {
  const near = NearSchema.safeParse(params);
  if (!near.success) return fieldErrorsOf(near.error);
  let located: Record<string, unknown> = params;
  if (near.data.near && params.lat === undefined && params.lon === undefined) {
    const at = coordinatesOf(near.data.near, near.data.country);
    if (!at) return invalid([{ path: 'near', message: 'no postcode or municipality in Belgium or the Netherlands by this name' }]);
    located = { ...params, ...at };
  }
  const query = CatalogueQuerySchema.safeParse(located);
  if (!query.success) return fieldErrorsOf(query.error);
  return { kind: 'found', result: catalogue.search(query.data) };
}
