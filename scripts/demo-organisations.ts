import type { Offer, OrganisationInput, Request } from '@koppel/contracts';

/**
 * The organisations behind the demo listings, so that every demo school and
 * provider can sign in to the portal with its own address (the one-time link
 * arrives in the mail catcher). Ids are the listings' school/provider ids, which
 * is what makes the listings theirs. Providers get the neutral type
 * 'other_provider': the data does not say whether one is a museum or a theatre.
 */
export function demoOrganisations(offers: Offer[], requests: Request[]): OrganisationInput[] {
  const byId = new Map<string, OrganisationInput>();
  for (const offer of offers) {
    const p = offer.provider;
    if (byId.has(p.id)) continue;
    byId.set(p.id, {
      id: p.id,
      type: 'other_provider',
      name: p.name,
      contacts: [{ name: p.name, email: p.email, language: p.language ?? offer.language }],
    });
  }
  for (const request of requests) {
    const s = request.school;
    if (byId.has(s.id)) continue;
    byId.set(s.id, {
      id: s.id,
      type: s.type ?? 'school',
      name: s.name,
      contacts: [{ name: s.name, email: s.email, language: s.language ?? request.language }],
      place: { municipality: s.municipality, postcode: s.postcode, country: s.country, lat: s.lat, lon: s.lon },
    });
  }
  return [...byId.values()];
}
