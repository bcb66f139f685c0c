import { inventoryOf } from '../src/app/insights/inventory';
import type { InsightOffer, InsightRequest } from '../src/store/insights';

const place = { municipality: 'Hasselt', postcode: '3500', country: 'BE', region: 'Limburg (BE)' };
const offer = (id: string, providerId: string, createdAt: string, providerName?: string): InsightOffer => ({
  id,
  providerId,
  providerName,
  title: `Offer ${id}`,
  ...place,
  disciplines: ['music'],
  ageMin: 6,
  ageMax: 12,
  pricePerPupil: 5,
  mode: 'both',
  inclusion: {},
  createdAt: new Date(createdAt),
});
const request = (id: string, schoolId: string, createdAt: string, schoolName?: string): InsightRequest => ({
  id,
  schoolId,
  schoolName,
  title: `Request ${id}`,
  ...place,
  municipality: 'Genk',
  disciplines: ['music'],
  ageMin: 8,
  ageMax: 9,
  pupils: 20,
  createdAt: new Date(createdAt),
});

describe('the inventory', () => {
  it('lists every offer oldest first, and each organisation once with its kinds, counts, latest name and first place', () => {
    const inventory = inventoryOf(
      [request('r1', 'org-a', '2026-03-02T10:00:00Z', 'Academie'), request('r2', 'org-s', '2026-03-01T10:00:00Z')],
      [
        offer('o2', 'org-p', '2026-03-05T10:00:00Z', 'Zeta vzw'),
        offer('o1', 'org-p', '2026-03-04T10:00:00Z', 'Zeta'),
        offer('o3', 'org-a', '2026-03-03T10:00:00Z', 'Academie Hasselt'),
      ],
    );
    expect(inventory.offers.map((o) => o.id)).toEqual(['o3', 'o1', 'o2']);
    expect(inventory.organisations).toEqual([
      // Requests and an offer: both kinds; the name of its latest listing; the place of its earliest (a request in Genk).
      {
        organisationId: 'org-a',
        name: 'Academie Hasselt',
        kinds: ['provider', 'requester'],
        municipality: 'Genk',
        region: 'Limburg (BE)',
        requests: 1,
        offers: 1,
      },
      {
        organisationId: 'org-p',
        name: 'Zeta vzw',
        kinds: ['provider'],
        municipality: 'Hasselt',
        region: 'Limburg (BE)',
        requests: 0,
        offers: 2,
      },
      { organisationId: 'org-s', name: null, kinds: ['requester'], municipality: 'Genk', region: 'Limburg (BE)', requests: 1, offers: 0 },
    ]);
  });

  it('is empty without listings', () => {
    expect(inventoryOf([], [])).toEqual({ offers: [], organisations: [] });
  });
});
