import type { Offer, Request } from '@koppel/contracts';

/** Small builders so each test states only what it is about. */
export const KORTRIJK = { lat: 50.828, lon: 3.265 };
export const GENT = { lat: 51.054, lon: 3.717 };

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] };

export function makeOffer(over: DeepPartial<Offer> & { id?: string } = {}): Offer {
  return {
    id: over.id ?? 'off-1',
    provider: { id: 'prov-1', name: 'Provider', email: 'info@example.org', ...over.provider },
    title: over.title ?? 'Workshop schilderen',
    description: over.description ?? 'Leerlingen schilderen met gouache.',
    language: over.language ?? 'nl',
    disciplines: (over.disciplines as Offer['disciplines']) ?? ['visual_arts'],
    format: over.format ?? 'workshop',
    audience: { ageMin: 8, ageMax: 12, ...over.audience },
    location: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', ...KORTRIJK, ...over.location },
    reach: { mode: 'on_site', maxTravelKm: 0, ...over.reach },
    groupSize: { min: 1, max: 30, ...over.groupSize },
    pricePerPupil: over.pricePerPupil ?? 5,
  };
}

export function makeRequest(over: DeepPartial<Request> & { id?: string } = {}): Request {
  const request: Request = {
    id: over.id ?? 'req-1',
    school: {
      id: 'sch-1',
      name: 'School',
      email: 's@example.org',
      municipality: 'Kortrijk',
      postcode: '8500',
      country: 'BE',
      ...KORTRIJK,
      ...over.school,
    },
    title: over.title ?? 'Schilderen voor het vierde leerjaar',
    description: over.description ?? 'We zoeken een workshop schilderen.',
    language: over.language ?? 'nl',
    disciplines: (over.disciplines as Request['disciplines']) ?? ['visual_arts'],
    pupils: { ageMin: 9, ageMax: 10, count: 25, ...over.pupils },
    maxTravelKm: over.maxTravelKm ?? 20,
  };
  if (!('budgetPerPupil' in over)) request.budgetPerPupil = 10;
  else if (over.budgetPerPupil !== undefined) request.budgetPerPupil = over.budgetPerPupil;
  return request;
}

/** A point `km` kilometres due north of `from` (haversine along a meridian). */
export function pointNorthOf(from: { lat: number; lon: number }, km: number): { lat: number; lon: number } {
  return { lat: from.lat + (km / 6371) * (180 / Math.PI), lon: from.lon };
}
