import {
  MIN_REQUESTS_PER_MUNICIPALITY,
  ON_SITE_RADIUS_KM,
  providerDemand,
  RECENT_TITLES,
  reachAreasOf,
  reaches,
  requestsInReach,
  titleWithoutName,
} from '../src/app/insights/demand';
import { lastMonths, monthOf } from '../src/app/insights/period';
import type { InsightOffer, InsightRequest, RequestArea } from '../src/store/insights';

/** Places around Kortrijk, with their distance from Kortrijk's centre (great circle). */
const PLACES = {
  Kortrijk: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', region: 'West-Vlaanderen', lat: 50.828, lon: 3.265 }, // 0 km
  Menen: { municipality: 'Menen', postcode: '8930', country: 'BE', region: 'West-Vlaanderen', lat: 50.797, lon: 3.122 }, // ~11 km
  Waregem: { municipality: 'Waregem', postcode: '8790', country: 'BE', region: 'West-Vlaanderen', lat: 50.889, lon: 3.426 }, // ~13 km
  Ieper: { municipality: 'Ieper', postcode: '8900', country: 'BE', region: 'West-Vlaanderen', lat: 50.851, lon: 2.885 }, // ~27 km
  Brugge: { municipality: 'Brugge', postcode: '8000', country: 'BE', region: 'West-Vlaanderen', lat: 51.209, lon: 3.225 }, // ~42 km
  Antwerpen: { municipality: 'Antwerpen', postcode: '2000', country: 'BE', region: 'Antwerpen', lat: 51.219, lon: 4.402 }, // ~90 km
  Maastricht: { municipality: 'Maastricht', postcode: '6211', country: 'NL', region: 'Limburg (NL)', lat: 50.851, lon: 5.691 },
  Lille: { municipality: 'Lille', postcode: '59000', country: 'FR', region: 'Nord (FR)', lat: 50.629, lon: 3.057 }, // ~27 km
} as const;
type PlaceName = keyof typeof PLACES;

const NOW = new Date('2026-03-15T10:00:00Z');

function request(id: string, place: PlaceName, over: Partial<InsightRequest> = {}): InsightRequest {
  return {
    id,
    schoolId: `sch-${id}`,
    schoolName: `Basisschool ${id}`,
    title: `Aanvraag ${id}`,
    ...PLACES[place],
    postcodeNumber: Number(PLACES[place].postcode.slice(0, 4)),
    disciplines: ['theatre'],
    ageMin: 9,
    ageMax: 10,
    pupils: 24,
    createdAt: new Date('2026-03-10T09:00:00Z'),
    ...over,
  };
}

function offer(id: string, mode: InsightOffer['mode'], maxTravelKm: number | undefined, over: Partial<InsightOffer> = {}): InsightOffer {
  return {
    id,
    providerId: 'prov-kortrijk',
    providerName: 'Theater Kortrijk',
    title: `Aanbod ${id}`,
    ...PLACES.Kortrijk,
    postcodeNumber: 8500,
    disciplines: ['theatre'],
    ageMin: 6,
    ageMax: 12,
    pricePerPupil: 5,
    mode,
    ...(maxTravelKm !== undefined ? { maxTravelKm } : {}),
    inclusion: {},
    createdAt: new Date('2026-01-05T09:00:00Z'),
    ...over,
  };
}

const filter = { provider: 'prov-kortrijk', months: 12, now: NOW };
const idsInReach = (offers: InsightOffer[], requests: InsightRequest[], f = filter) =>
  requestsInReach({ offers, requests }, f)
    .map((r) => r.id)
    .sort();

/** Whether a request lies in an area, as the database's filter reads it (store/insights.ts, `openRequestsIn`). */
const inArea = (r: InsightRequest, area: RequestArea) =>
  'country' in area
    ? r.country === area.country
    : r.lat !== undefined &&
      r.lon !== undefined &&
      r.lat >= area.latMin &&
      r.lat <= area.latMax &&
      r.lon >= area.lonMin &&
      r.lon <= area.lonMax;

describe('demand: a provider’s reach', () => {
  it('reaches schools within its maxTravelKm of an at_school offer, across borders too', () => {
    const travels = offer('o-travels', 'at_school', 20);
    expect(reaches(travels, request('menen', 'Menen'))).toBe(true);
    expect(reaches(travels, request('ieper', 'Ieper'))).toBe(false);
    expect(reaches(offer('o-far', 'at_school', 30), request('lille', 'Lille'))).toBe(true);
  });

  it(`reaches schools within ${ON_SITE_RADIUS_KM} km of an on_site offer, whatever its maxTravelKm`, () => {
    const onSite = offer('o-site', 'on_site', 0);
    expect(reaches(onSite, request('ieper', 'Ieper'))).toBe(true);
    expect(reaches(onSite, request('brugge', 'Brugge'))).toBe(false);
  });

  it('reaches with both modes as far as the larger of maxTravelKm and the on-site radius', () => {
    expect(reaches(offer('o-both-far', 'both', 45), request('brugge', 'Brugge'))).toBe(true);
    expect(reaches(offer('o-both-near', 'both', 10), request('ieper', 'Ieper'))).toBe(true);
    expect(reaches(offer('o-both-near', 'both', 10), request('brugge', 'Brugge'))).toBe(false);
  });

  it('reaches the whole of its own country online, and no other', () => {
    const online = offer('o-online', 'online', 0);
    expect(reaches(online, request('antwerpen', 'Antwerpen'))).toBe(true);
    expect(reaches(online, request('maastricht', 'Maastricht'))).toBe(false);
    expect(reaches(online, request('lille', 'Lille'))).toBe(false);
    // No coordinates needed: a request taken in before they were kept still counts online.
    expect(reaches(online, request('old', 'Antwerpen', { lat: undefined, lon: undefined }))).toBe(true);
  });

  it('leaves out of reach by distance whatever the read model took in before it kept coordinates and travel', () => {
    const old = request('old', 'Menen', { lat: undefined, lon: undefined });
    expect(reaches(offer('o-travels', 'at_school', 20), old)).toBe(false);
    expect(reaches(offer('o-site', 'on_site', 0), old)).toBe(false);
    const menen = request('menen', 'Menen');
    expect(reaches(offer('o-old', 'at_school', undefined), menen)).toBe(false);
    expect(reaches(offer('o-old-both', 'both', undefined), menen)).toBe(false);
    expect(reaches(offer('o-nowhere', 'at_school', 20, { lat: undefined, lon: undefined }), menen)).toBe(false);
  });

  it('counts a request once however many offers reach it, and only the provider’s own offers', () => {
    const offers = [
      offer('o-travels', 'at_school', 20),
      offer('o-online', 'online', 0),
      offer('o-other', 'at_school', 50, { providerId: 'prov-other' }),
    ];
    const requests = [request('menen', 'Menen'), request('antwerpen', 'Antwerpen'), request('maastricht', 'Maastricht')];
    expect(idsInReach(offers, requests)).toEqual(['antwerpen', 'menen']);
    expect(idsInReach(offers, [...requests, request('menen', 'Menen')])).toEqual(['antwerpen', 'menen']);
    expect(idsInReach(offers, requests, { ...filter, provider: 'prov-other' })).toEqual(['menen']);
  });

  it('leaves out requests of withdrawn organisations, and everything for a withdrawn provider', () => {
    const offers = [offer('o-travels', 'at_school', 20)];
    const requests = [request('menen', 'Menen'), request('waregem', 'Waregem')];
    expect(requestsInReach({ offers, requests, withdrawnOrganisations: new Set(['sch-menen']) }, filter).map((r) => r.id)).toEqual([
      'waregem',
    ]);
    expect(requestsInReach({ offers, requests, withdrawnOrganisations: new Set(['prov-kortrijk']) }, filter)).toEqual([]);
  });
});

describe('demand: what the database preselects', () => {
  it('selects the online offers’ countries and a box around each other offer that holds its whole reach', () => {
    const offers = [offer('o-travels', 'at_school', 20), offer('o-site', 'on_site', 0), offer('o-online', 'online', 0)];
    const areas = reachAreasOf(offers);
    expect(areas.filter((a) => 'country' in a)).toEqual([{ country: 'BE' }]);
    expect(areas.filter((a) => !('country' in a))).toHaveLength(2);
    const boxesOnly = reachAreasOf(offers.slice(0, 2));
    const everywhere = (Object.keys(PLACES) as PlaceName[]).map((p) => request(p, p));
    for (const r of everywhere) {
      const inReach = offers.slice(0, 2).some((o) => reaches(o, r));
      if (inReach) expect(boxesOnly.some((a) => inArea(r, a))).toBe(true);
    }
    // Far away: not even preselected.
    expect(boxesOnly.some((a) => inArea(request('antwerpen', 'Antwerpen'), a))).toBe(false);
  });

  it('holds a place just inside the reach in its box, in every direction', () => {
    const km = 20;
    const [box] = reachAreasOf([offer('o-travels', 'at_school', km)]) as Array<Extract<RequestArea, { latMin: number }>>;
    const { lat, lon } = PLACES.Kortrijk;
    const degLat = km / 111.195;
    const degLon = km / (111.195 * Math.cos((lat * Math.PI) / 180));
    const edges: Array<[number, number]> = [
      [0.999 * degLat, 0],
      [-0.999 * degLat, 0],
      [0, 0.999 * degLon],
      [0, -0.999 * degLon],
    ];
    for (const [dLat, dLon] of edges) {
      const r = request('edge', 'Kortrijk', { lat: lat + dLat, lon: lon + dLon });
      expect(reaches(offer('o-travels', 'at_school', km), r)).toBe(true);
      expect(inArea(r, box!)).toBe(true);
    }
  });

  it('selects nothing for a provider without offers, and one box around many', () => {
    expect(reachAreasOf([])).toEqual([]);
    const many = Array.from({ length: 40 }, (_, i) => offer(`o-${i}`, 'at_school', 10, { lat: 50 + i * 0.1, lon: 3 + i * 0.05 }));
    const areas = reachAreasOf(many);
    expect(areas).toHaveLength(1);
    const far = request('far', 'Kortrijk', { lat: 53.9, lon: 4.95 });
    expect(reaches(many[39]!, far)).toBe(true);
    expect(inArea(far, areas[0]!)).toBe(true);
  });
});

describe('demand: the window in Brussels months', () => {
  it('names the month of an instant by the Brussels calendar', () => {
    expect(monthOf(new Date('2025-12-31T22:59:59Z'))).toBe('2025-12');
    expect(monthOf(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01');
    expect(monthOf(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08');
  });

  it('spans whole months up to the current one, across a year’s end', () => {
    const { months, period } = lastMonths(NOW, 3);
    expect(months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(period.from?.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(period.until?.toISOString()).toBe('2026-03-31T22:00:00.000Z');
    expect(lastMonths(NOW, 1).months).toEqual(['2026-03']);
    expect(lastMonths(NOW, 24).months[0]).toBe('2024-04');
  });

  it('counts requests created in the window only, every month listed oldest first', () => {
    const offers = [offer('o-travels', 'at_school', 20)];
    const requests = [
      request('before', 'Menen', { createdAt: new Date('2025-12-31T22:30:00Z') }), // 31 December, 23:30 in Brussels
      request('first', 'Menen', { createdAt: new Date('2025-12-31T23:30:00Z') }), // 1 January, 00:30 in Brussels
      request('march', 'Menen', { createdAt: new Date('2026-03-02T08:00:00Z') }),
      request('march2', 'Waregem', { createdAt: new Date('2026-03-14T08:00:00Z') }),
    ];
    const demand = providerDemand({ offers, requests }, { ...filter, months: 3 });
    expect(demand.requestsInReach).toBe(3);
    expect(demand.byMonth).toEqual([
      { month: '2026-01', requests: 1 },
      { month: '2026-02', requests: 0 },
      { month: '2026-03', requests: 2 },
    ]);
    expect(providerDemand({ offers, requests }, { ...filter, months: 4 }).requestsInReach).toBe(4);
  });
});

describe('demand: the figures', () => {
  const offers = [offer('o-travels', 'at_school', 20), offer('o-online', 'online', 0)];

  it('counts by discipline (most asked first) and by every age band a request overlaps', () => {
    const requests = [
      request('a', 'Menen', { disciplines: ['music', 'theatre'], ageMin: 8, ageMax: 10 }),
      request('b', 'Menen', { disciplines: ['music'], ageMin: 15, ageMax: 18 }),
      request('c', 'Antwerpen', { disciplines: ['music', 'music'], ageMin: 3, ageMax: 4 }),
      request('d', 'Waregem', { disciplines: [] }),
    ];
    const demand = providerDemand({ offers, requests }, filter);
    expect(demand.requestsInReach).toBe(4);
    expect(demand.byDiscipline).toEqual([
      { discipline: 'music', requests: 3 },
      { discipline: 'theatre', requests: 1 },
    ]);
    expect(demand.byAgeBand).toEqual([
      { ageBand: '0-5', requests: 1 },
      { ageBand: '6-8', requests: 1 },
      { ageBand: '9-11', requests: 2 },
      { ageBand: '12-14', requests: 0 },
      { ageBand: '15-17', requests: 1 },
      { ageBand: '18+', requests: 1 },
    ]);
    expect(demand.byMonth).toHaveLength(12);
    expect(demand.byMonth.at(-1)).toEqual({ month: '2026-03', requests: 4 });
  });

  it(`lists at most ${RECENT_TITLES} recent titles, newest first`, () => {
    const requests = Array.from({ length: 25 }, (_, i) =>
      request(`r${String(i).padStart(2, '0')}`, 'Menen', { createdAt: new Date(Date.UTC(2026, 1, 1 + i, 9)) }),
    );
    const { recent } = providerDemand({ offers, requests }, filter);
    expect(recent).toHaveLength(RECENT_TITLES);
    expect(recent[0]).toEqual({
      title: 'Aanvraag r24',
      disciplines: ['theatre'],
      ageMin: 9,
      ageMax: 10,
      municipality: 'Menen',
      month: '2026-02',
    });
    expect(recent.at(-1)?.title).toBe('Aanvraag r05');
  });

  it(`names a municipality only with at least ${MIN_REQUESTS_PER_MUNICIPALITY} requests in reach from it, otherwise its region`, () => {
    const requests = [
      request('m1', 'Menen'),
      request('m2', 'Menen'),
      request('m3', 'Menen'),
      request('w1', 'Waregem'),
      request('w2', 'Waregem'),
      // Out of reach: does not make Waregem large enough.
      request('w3', 'Waregem', { createdAt: new Date('2020-01-01T00:00:00Z') }),
      request('a1', 'Antwerpen'),
    ];
    const { recent } = providerDemand({ offers, requests }, filter);
    const placeOf = (title: string) => recent.find((r) => r.title === title)?.municipality;
    expect(placeOf('Aanvraag m1')).toBe('Menen');
    expect(placeOf('Aanvraag w1')).toBe('West-Vlaanderen');
    expect(placeOf('Aanvraag a1')).toBe(PLACES.Antwerpen.region);
    expect(recent.map((r) => r.municipality)).not.toContain('Waregem');
  });

  it('says nothing of the requester, even when the facts name it, nor of the pupils', () => {
    const requests = [
      request('klimop', 'Menen', {
        schoolId: 'sch-klimop-7',
        schoolName: 'Basisschool De Klimop',
        title: 'Theater in BASISSCHOOL DE KLIMOP voor het derde leerjaar',
        pupils: 417,
      }),
    ];
    const demand = providerDemand({ offers, requests }, filter);
    const json = JSON.stringify(demand);
    expect(demand.requestsInReach).toBe(1);
    expect(json).not.toMatch(/klimop/i);
    expect(json).not.toContain('sch-klimop-7');
    expect(json).not.toContain('417');
    expect(Object.keys(demand.recent[0]!).sort()).toEqual(['ageMax', 'ageMin', 'disciplines', 'month', 'municipality', 'title']);
    expect(demand.recent[0]!.title).toBe('Theater in … voor het derde leerjaar');
  });

  it('takes only the requester’s own name out of a title', () => {
    expect(titleWithoutName('Muziek voor De Vlinder (De Vlinder)', 'de vlinder')).toBe('Muziek voor … (…)');
    expect(titleWithoutName('Muziek (a+b)', 'a+b')).toBe('Muziek (…)');
    expect(titleWithoutName('Muziek', undefined)).toBe('Muziek');
    expect(titleWithoutName('Muziek', ' ')).toBe('Muziek');
  });

  it('answers zeros, every band and month, for a provider without offers', () => {
    const demand = providerDemand({ offers: [], requests: [request('menen', 'Menen')] }, filter);
    expect(demand).toMatchObject({ provider: 'prov-kortrijk', months: 12, requestsInReach: 0, byDiscipline: [], recent: [] });
    expect(demand.byAgeBand.every((b) => b.requests === 0)).toBe(true);
    expect(demand.byMonth.map((m) => m.month)).toEqual(lastMonths(NOW, 12).months);
  });
});
