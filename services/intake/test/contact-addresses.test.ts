import type { OfferInput, Organisation, RequestInput } from '@koppel/contracts';
import { type FromInput, offerFromInput, requestFromInput } from '../src/app/listings/from-input';

/** Issue #11: an owner's listing may only name its organisation's own contact addresses, or koppel would mail anyone. */
describe('contact addresses of listings', () => {
  const principal = (role: 'requester' | 'provider', org: string) => ({ sub: 's', role, org, iat: 0, exp: 9e9, jti: 'j' });
  const school = {
    id: 'org-school',
    type: 'school',
    name: 'Basisschool De Regenboog',
    contacts: [{ name: 'An', email: 'Directie@example.org', language: 'nl' }],
    place: { municipality: 'Harelbeke', postcode: '8530', country: 'BE', lat: 50.85, lon: 3.31 },
  } as unknown as Organisation;
  const provider = {
    id: 'org-prov',
    type: 'theatre',
    name: 'Theater',
    contacts: [{ name: 'Ed', email: 'educatie@example.org', language: 'nl' }],
  } as unknown as Organisation;
  const pathsOf = (work: () => FromInput<unknown>): string[] => {
    const result = work();
    return result.kind === 'invalid' ? result.errors.map((e) => e.path) : [];
  };
  const request = (email?: string) =>
    ({
      title: 'Theater voor het 3de leerjaar',
      pupils: { count: 25, ageMin: 8, ageMax: 9 },
      disciplines: ['theatre'],
      ...(email ? { school: { email } } : {}),
    }) as unknown as RequestInput;
  const offer = (email?: string) =>
    ({
      title: 'Workshop',
      audience: { ageMin: 8, ageMax: 12 },
      disciplines: ['theatre'],
      format: 'workshop',
      location: { country: 'BE', postcode: '8500' },
      ...(email ? { provider: { id: 'org-prov', name: 'Theater', email, language: 'nl' } } : {}),
    }) as unknown as OfferInput;

  it("refuses a school's request naming an address that is not one of its contacts", () => {
    expect(pathsOf(() => requestFromInput(request('attacker@evil.example'), principal('requester', 'org-school'), school))).toContain(
      'school.email',
    );
    expect(pathsOf(() => requestFromInput(request('directie@example.org'), principal('requester', 'org-school'), school))).not.toContain(
      'school.email',
    );
    expect(pathsOf(() => requestFromInput(request(), principal('requester', 'org-school'), school))).not.toContain('school.email');
  });

  it("refuses a provider's offer naming an address that is not one of its contacts", () => {
    expect(pathsOf(() => offerFromInput(offer('attacker@evil.example'), principal('provider', 'org-prov'), provider))).toContain(
      'provider.email',
    );
    expect(pathsOf(() => offerFromInput(offer('educatie@example.org'), principal('provider', 'org-prov'), provider))).not.toContain(
      'provider.email',
    );
  });
});
