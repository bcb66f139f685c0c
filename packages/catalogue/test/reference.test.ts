import type { Offer } from '@koppel/contracts';
import { agesFromGradeText, haversineKm, normaliseText, seededRandom, syntheticOffer } from '@koppel/matching';
import { type CatalogueQuery, catalogueQuery, createCatalogue } from '../src';

/**
 * The fast paths (slot sets, geo grid, page heap, title order) against a plain
 * filter-and-sort over every offer, on random searches without words.
 */
function reference(offers: Offer[], query: CatalogueQuery): { total: number; ids: string[] } {
  const grade = query.grade ? agesFromGradeText(query.grade) : null;
  const place = query.lat !== undefined && query.lon !== undefined ? { lat: query.lat, lon: query.lon } : null;
  const kept = offers.filter((o) => {
    const inclusion = o.inclusion ?? {};
    if (query.age !== undefined && (o.audience.ageMin > query.age || o.audience.ageMax < query.age)) return false;
    if (grade && (o.audience.ageMin > grade.ageMax || o.audience.ageMax < grade.ageMin)) return false;
    if (query.discipline && !o.disciplines.some((d) => query.discipline!.includes(d))) return false;
    if (query.format && !query.format.includes(o.format)) return false;
    if (query.language && !query.language.includes(o.language)) return false;
    if (query.price === 'free' && o.pricePerPupil !== 0) return false;
    if (query.price === 'social' && o.pricePerPupil !== 0 && !inclusion.freeOrSocialTariff) return false;
    if (query.maxPrice !== undefined && o.pricePerPupil > query.maxPrice) return false;
    if (query.wheelchairAccess && !inclusion.wheelchairAccess) return false;
    if (query.specialNeeds && !inclusion.specialNeeds) return false;
    if (place && query.km !== undefined && haversineKm(place, o.location) > query.km) return false;
    return true;
  });
  const title = (o: Offer) => normaliseText(o.title).trim();
  const byTitle = (a: Offer, b: Offer) => (title(a) < title(b) ? -1 : title(a) > title(b) ? 1 : a.id < b.id ? -1 : 1);
  const key = (o: Offer): number =>
    query.sort === 'price' ? o.pricePerPupil : query.sort === 'distance' && place ? haversineKm(place, o.location) : 0;
  kept.sort((a, b) => key(a) - key(b) || byTitle(a, b));
  const from = (query.page - 1) * query.pageSize;
  return { total: kept.length, ids: kept.slice(from, from + query.pageSize).map((o) => o.id) };
}

describe('searches without words agree with a plain filter over every offer', () => {
  const rnd = seededRandom(7);
  const offers = Array.from({ length: 1500 }, (_, i) => {
    const offer = syntheticOffer(i, rnd);
    const inclusion = { ...(rnd() < 0.2 ? { freeOrSocialTariff: true } : {}), ...(rnd() < 0.3 ? { wheelchairAccess: true } : {}) };
    return rnd() < 0.5 ? { ...offer, inclusion } : offer;
  });
  const selective = createCatalogue();
  const scan = createCatalogue({ plan: 'scan' });
  for (const offer of offers) {
    selective.put(offer);
    scan.put(offer);
  }
  // Churn: remove and put back some, so slots get reused.
  for (let i = 0; i < 300; i += 3) selective.remove(offers[i].id);
  for (let i = 0; i < 300; i += 3) selective.put(offers[i]);

  const queryRnd = seededRandom(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(queryRnd() * list.length)];
  const queries = Array.from({ length: 150 }, () => {
    const q: Record<string, unknown> = {};
    if (queryRnd() < 0.3) q.age = 4 + Math.floor(queryRnd() * 14);
    if (queryRnd() < 0.15) q.grade = pick(['3de leerjaar', 'groep 5', 'CE2']);
    if (queryRnd() < 0.4) q.discipline = [pick(['music', 'dance', 'heritage', 'visual_arts']), pick(['film_media', 'circus', 'theatre'])];
    if (queryRnd() < 0.4) q.format = pick(['workshop', 'visit', 'performance,project']);
    if (queryRnd() < 0.3) q.language = pick(['nl', 'fr', 'en', 'fr,en']);
    if (queryRnd() < 0.2) q.price = pick(['free', 'social']);
    if (queryRnd() < 0.2) q.maxPrice = Math.floor(queryRnd() * 10);
    if (queryRnd() < 0.2) q.wheelchairAccess = true;
    if (queryRnd() < 0.1) q.specialNeeds = true;
    const near = queryRnd() < 0.5;
    if (near) {
      const at = pick(offers).location;
      Object.assign(q, { lat: at.lat, lon: at.lon, km: 5 + Math.floor(queryRnd() * 45) });
    }
    q.sort = pick(['title', 'price', ...(near ? ['distance'] : [])]);
    q.page = 1 + Math.floor(queryRnd() * 2);
    q.pageSize = pick([5, 20, 50]);
    return catalogueQuery(q);
  });

  it('150 random searches: same total and page, with slot sets and with a scan', () => {
    const mismatches = queries.flatMap((query, i) => {
      const expected = reference(offers, query);
      return [selective, scan].flatMap((catalogue, c) => {
        const result = catalogue.search(query);
        const got = { total: result.total, ids: result.items.map((item) => item.offer.id) };
        return JSON.stringify(got) === JSON.stringify(expected)
          ? []
          : [{ search: i, plan: c === 0 ? 'selective' : 'scan', query, got, expected }];
      });
    });
    expect(mismatches).toEqual([]);
    expect(queries.filter((q) => reference(offers, q).total > 0).length).toBeGreaterThan(100); // the searches find things
  });
});
