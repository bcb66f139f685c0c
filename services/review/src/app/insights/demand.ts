import { DISCIPLINES } from '@koppel/contracts';
import { haversineKmOf } from '@koppel/matching';
import type { InsightOffer, InsightRequest, RequestArea } from '../../store/insights';
import { AGE_BAND_IDS, type AgeBandId, bandsOf } from './age-bands';
import { inPeriod, lastMonths, monthOf } from './period';

/**
 * What a provider can learn from demand (issue #13), as pure functions: the open
 * requests in the provider's reach, counted by discipline, age band and month, and the
 * latest titles, anonymised. No database, no clock (the caller gives `now`).
 *
 * **Reach**: a request is in reach when at least one of the provider's active offers
 * reaches its requester's place:
 *
 * - `at_school`: the school lies within the offer's `maxTravelKm` of the offer's location;
 * - `on_site`: within {@link ON_SITE_RADIUS_KM} of it (schools come to the provider);
 * - `both`: within the larger of the two (the provider travels, or the school comes);
 * - `online`: anywhere in the offer's country (no coordinates needed).
 *
 * Distances are the matcher's great circle (`haversineKmOf` of @koppel/matching). A
 * request or an offer the read model took in before it kept coordinates (and the offer's
 * `maxTravelKm`) has none: it is out of every reach that needs a distance, and counts
 * only for online offers, until a rebuild of the read model fills them in
 * (docs/operations.md, "Rebuilding the insights read model").
 *
 * **What counts**: open requests created in the last `months` calendar months (Brussels
 * months, the current one included), not of a withdrawn organisation. A request counts
 * once however many offers reach it; in every discipline it names and every age band its
 * pupils' ages overlap (app/insights/age-bands.ts).
 *
 * **Anonymised**: no requester names or ids, no pupils' numbers, no contacts. A recent
 * request's title is the requester's own free text, with the requester's name taken out
 * where it appears in it. Its place is its municipality only when at least
 * {@link MIN_REQUESTS_PER_MUNICIPALITY} of the requests in reach come from that
 * municipality; otherwise the region (province) instead, so that a title cannot be tied
 * to the one or two schools of a small place.
 */

/**
 * How far schools come to an on-site offer, for the reach only. The matcher uses each
 * request's own `maxTravelKm`, which differs per school and is not known before a
 * school asks; 30 km is about half an hour by coach or a school trip by train within a
 * Flemish or Dutch region: the schools around the provider, not the whole country.
 */
export const ON_SITE_RADIUS_KM = 30;

/** Requests in reach a municipality needs before it is named in `recent` (small-cell protection); fewer: its region. */
export const MIN_REQUESTS_PER_MUNICIPALITY = 3;

/** How many recent titles the answer lists at most. */
export const RECENT_TITLES = 20;

/** The window the API allows, in calendar months (the current one included). */
export const DEMAND_MONTHS = { min: 1, max: 24, default: 12 } as const;

/** Beyond this many boxes the database's preselection uses one box around them all (a long `$or` is slow). */
const MAX_AREAS = 25;

/** Kilometres per degree of latitude, on the earth of haversine (radius 6371 km). */
const KM_PER_DEGREE = (2 * Math.PI * 6371) / 360;

export interface DemandInput {
  /** The provider's active offers (others are ignored). */
  offers: InsightOffer[];
  /** Open requests: a preselection may hold more, the reach and the window are checked here. */
  requests: InsightRequest[];
  withdrawnOrganisations?: ReadonlySet<string>;
}

export interface DemandFilter {
  /** The provider's organisation id. */
  provider: string;
  /** Calendar months back, the current one included. */
  months: number;
  now: Date;
}

/** A recent request, anonymised: no requester, no pupils' numbers. */
export interface RecentDemand {
  title: string;
  disciplines: string[];
  ageMin: number;
  ageMax: number;
  /** Its municipality when at least MIN_REQUESTS_PER_MUNICIPALITY requests in reach come from it; otherwise its region. */
  municipality: string;
  /** YYYY-MM (Brussels) of its creation. */
  month: string;
}

export interface ProviderDemand {
  provider: string;
  months: number;
  requestsInReach: number;
  /** The disciplines asked for, most asked first (then the contract's order). */
  byDiscipline: Array<{ discipline: string; requests: number }>;
  /** Every age band, youngest first. */
  byAgeBand: Array<{ ageBand: AgeBandId; requests: number }>;
  /** Every month of the window, oldest first. */
  byMonth: Array<{ month: string; requests: number }>;
  /** At most RECENT_TITLES, newest first. */
  recent: RecentDemand[];
}

/** How far an offer reaches by distance, in km; undefined for online offers and offers without their travel known. */
export function reachKmOf(offer: Pick<InsightOffer, 'mode' | 'maxTravelKm'>): number | undefined {
  switch (offer.mode) {
    case 'online':
      return undefined;
    case 'on_site':
      return ON_SITE_RADIUS_KM;
    case 'at_school':
      return offer.maxTravelKm;
    case 'both':
      return offer.maxTravelKm === undefined ? undefined : Math.max(offer.maxTravelKm, ON_SITE_RADIUS_KM);
  }
}

type Located = { lat?: number; lon?: number };
const hasCoordinates = (p: Located): p is { lat: number; lon: number } =>
  typeof p.lat === 'number' && typeof p.lon === 'number' && Number.isFinite(p.lat) && Number.isFinite(p.lon);

/** Whether an offer reaches a request's requester (the rules above). */
export function reaches(
  offer: Pick<InsightOffer, 'mode' | 'maxTravelKm' | 'country' | 'lat' | 'lon'>,
  request: Pick<InsightRequest, 'country' | 'lat' | 'lon'>,
): boolean {
  if (offer.mode === 'online') return request.country === offer.country;
  const km = reachKmOf(offer);
  if (km === undefined || !hasCoordinates(offer) || !hasCoordinates(request)) return false;
  return haversineKmOf(offer.lat, offer.lon, request.lat, request.lon) <= km;
}

/** A box of latitudes and longitudes holding every place within `km` of a point (a little more, never less). */
function boxAround(lat: number, lon: number, km: number): Extract<RequestArea, { latMin: number }> {
  const margin = 1.01;
  const dLat = (km * margin) / KM_PER_DEGREE + 0.001;
  const farthestLat = Math.min(89.9, Math.abs(lat) + dLat);
  const dLon = (km * margin) / (KM_PER_DEGREE * Math.cos((farthestLat * Math.PI) / 180)) + 0.001;
  return {
    latMin: Math.max(-90, lat - dLat),
    latMax: Math.min(90, lat + dLat),
    lonMin: dLon >= 180 ? -180 : Math.max(-180, lon - dLon),
    lonMax: dLon >= 180 ? 180 : Math.min(180, lon + dLon),
  };
}

/**
 * Where the database may find requests in these offers' reach: the country of each
 * online offer, a box around each offer that reaches by distance (one box around them all
 * beyond a few dozen). Only a preselection: `providerDemand` checks each distance.
 */
export function reachAreasOf(offers: InsightOffer[]): RequestArea[] {
  const countries = [...new Set(offers.filter((o) => o.mode === 'online').map((o) => o.country))];
  const boxes = offers.flatMap((o) => {
    const km = reachKmOf(o);
    return o.mode !== 'online' && km !== undefined && hasCoordinates(o) ? [boxAround(o.lat, o.lon, km)] : [];
  });
  const merged =
    boxes.length > MAX_AREAS
      ? [
          {
            latMin: Math.min(...boxes.map((b) => b.latMin)),
            latMax: Math.max(...boxes.map((b) => b.latMax)),
            lonMin: Math.min(...boxes.map((b) => b.lonMin)),
            lonMax: Math.max(...boxes.map((b) => b.lonMax)),
          },
        ]
      : boxes;
  return [...countries.map((country) => ({ country })), ...merged];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A title without the requester's name in it (case-insensitive), as requesters sometimes write it there. */
export function titleWithoutName(title: string, name: string | undefined): string {
  const trimmed = name?.trim();
  if (!trimmed || trimmed.length < 2) return title;
  return title.replace(new RegExp(escapeRegExp(trimmed), 'gi'), '…');
}

const byNewest = (a: InsightRequest, b: InsightRequest) =>
  new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime() || b.id.localeCompare(a.id);

/** The contract's discipline order, then any newer code by name. */
function disciplineOrder(a: string, b: string): number {
  const index = (d: string) => {
    const i = (DISCIPLINES as readonly string[]).indexOf(d);
    return i === -1 ? DISCIPLINES.length : i;
  };
  return index(a) - index(b) || a.localeCompare(b);
}

/** The open requests in reach of the provider's active offers, created in the window, not of a withdrawn organisation. */
export function requestsInReach(input: DemandInput, filter: DemandFilter): InsightRequest[] {
  const withdrawn = input.withdrawnOrganisations ?? new Set<string>();
  if (withdrawn.has(filter.provider)) return [];
  const { period } = lastMonths(filter.now, filter.months);
  const offers = input.offers.filter((o) => o.providerId === filter.provider);
  const seen = new Set<string>();
  return input.requests.filter((r) => {
    if (seen.has(r.id) || withdrawn.has(r.schoolId) || !inPeriod(r.createdAt, period)) return false;
    if (!offers.some((o) => reaches(o, r))) return false;
    seen.add(r.id);
    return true;
  });
}

/** What the provider may see of demand in its reach: counts, and recent titles without names (the rules above). */
export function providerDemand(input: DemandInput, filter: DemandFilter): ProviderDemand {
  const requests = requestsInReach(input, filter);
  const { months } = lastMonths(filter.now, filter.months);

  const disciplines = new Map<string, number>();
  const bands = new Map<AgeBandId, number>(AGE_BAND_IDS.map((band) => [band, 0]));
  const perMonth = new Map<string, number>(months.map((month) => [month, 0]));
  const perMunicipality = new Map<string, number>();
  const placeKey = (r: InsightRequest) => `${r.country}|${r.municipality}`;
  for (const r of requests) {
    for (const d of new Set(r.disciplines)) disciplines.set(d, (disciplines.get(d) ?? 0) + 1);
    for (const band of bandsOf(r.ageMin, r.ageMax)) bands.set(band, (bands.get(band) ?? 0) + 1);
    const month = monthOf(r.createdAt);
    if (perMonth.has(month)) perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    perMunicipality.set(placeKey(r), (perMunicipality.get(placeKey(r)) ?? 0) + 1);
  }

  const recent = [...requests]
    .sort(byNewest)
    .slice(0, RECENT_TITLES)
    .map(
      (r): RecentDemand => ({
        title: titleWithoutName(r.title, r.schoolName),
        disciplines: [...r.disciplines],
        ageMin: r.ageMin,
        ageMax: r.ageMax,
        municipality: (perMunicipality.get(placeKey(r)) ?? 0) >= MIN_REQUESTS_PER_MUNICIPALITY ? r.municipality : r.region,
        month: monthOf(r.createdAt),
      }),
    );

  return {
    provider: filter.provider,
    months: filter.months,
    requestsInReach: requests.length,
    byDiscipline: [...disciplines.entries()]
      .map(([discipline, count]) => ({ discipline, requests: count }))
      .sort((a, b) => b.requests - a.requests || disciplineOrder(a.discipline, b.discipline)),
    byAgeBand: AGE_BAND_IDS.map((ageBand) => ({ ageBand, requests: bands.get(ageBand) ?? 0 })),
    byMonth: months.map((month) => ({ month, requests: perMonth.get(month) ?? 0 })),
    recent,
  };
}
