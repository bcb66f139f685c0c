import type { Offer } from '@koppel/contracts';
import { type Catalogue, type CatalogueResult, catalogueQuery, createCatalogue } from '../src';

export const KORTRIJK = { lat: 50.828, lon: 3.265 };

type OfferOverrides = Partial<Omit<Offer, 'audience' | 'location' | 'provider'>> & {
  audience?: Partial<Offer['audience']>;
  location?: Partial<Offer['location']>;
  provider?: Partial<Offer['provider']>;
};

/** An offer with plain defaults, so each test states only what it is about. */
export function makeOffer(id: string, over: OfferOverrides = {}): Offer {
  return {
    id,
    provider: { id: 'prov-1', name: 'Atelier Kleur', email: 'info@example.org', ...over.provider },
    title: over.title ?? `Aanbod ${id}`,
    description: over.description ?? 'Een activiteit op maat van de klas.',
    language: over.language ?? 'nl',
    disciplines: over.disciplines ?? ['visual_arts'],
    format: over.format ?? 'workshop',
    audience: { ageMin: 8, ageMax: 12, ...over.audience },
    location: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', ...KORTRIJK, ...over.location },
    reach: over.reach ?? { mode: 'on_site', maxTravelKm: 0 },
    groupSize: over.groupSize ?? { min: 1, max: 30 },
    pricePerPupil: over.pricePerPupil ?? 5,
    ...(over.inclusion ? { inclusion: over.inclusion } : {}),
  };
}

export function catalogueOf(...offers: Offer[]): Catalogue {
  const catalogue = createCatalogue();
  for (const offer of offers) catalogue.put(offer);
  return catalogue;
}

/** Searches with a query as it would come from a query string. */
export function search(catalogue: Catalogue, query: Record<string, unknown> = {}): CatalogueResult {
  return catalogue.search(catalogueQuery(query));
}

export const idsOf = (result: CatalogueResult): string[] => result.items.map((item) => item.offer.id);

/** A point `km` kilometres due north of `from` (haversine along a meridian, earth radius 6371 km). */
export function pointNorthOf(from: { lat: number; lon: number }, km: number): { lat: number; lon: number } {
  return { lat: from.lat + (km / 6371) * (180 / Math.PI), lon: from.lon };
}
