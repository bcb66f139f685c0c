import { DISCIPLINES, type MissReasonFacts } from '@koppel/contracts';
import type { InsightMiss, InsightOffer, InsightOrganisation, InsightRequest } from '../../store/insights';
import type { MatchSide } from '@koppel/contracts';
import type { ProposalStatus } from '../../store/proposal-doc';
import type { ProposalOutcomeRow } from '../../store/proposals';
import { AGE_BAND_IDS, type AgeBandId, bandsOf } from './age-bands';
import { inPeriod, type Period } from './period';
import { type InsightsUser, inInsightsScope } from './scope';

/**
 * The figures of the brokers' insights (issue #14), as pure functions over the read
 * model and review's proposals: no database, no clock. What counts:
 *
 * - **requests**: open requests (withdrawn ones are not counted: compaction forgets them,
 *   so a rebuilt read model could not count them either) whose school is in the region
 *   and the user's scope, created in the period; `withProposal`: at least one proposal
 *   was made for it, whatever became of it;
 * - **offers.active**: offers not withdrawn, located in the region and scope, first
 *   published before the period's end; the period does not otherwise apply to them;
 * - **unmatched**: the requests counted without any proposal, oldest first, with the
 *   reasons of their latest `match.missed` (none when the matcher found no offer whose
 *   text came near);
 * - **supplyDemand**: for every discipline × age band, the requests and the active offers
 *   naming that discipline whose age range overlaps the band (a listing counts in each
 *   band and discipline it has); requests without a discipline are left out of it;
 * - **funnel**: the proposals of the requests counted, by how far they got: `approved`
 *   counts every one approved at some point (so also those later confirmed or declined);
 * - **neverReached**: the requesters of the requests counted none of whose proposals is
 *   approved or confirmed now (a match called off does not count as reached), each with
 *   those requests, and the registered requesters in scope that joined before the
 *   period's end and asked nothing in it (with no requests); and the providers none of whose active offers counted was ever
 *   proposed (at any time, for any request), each with those offers;
 * - **outcomes**: the proposals of the requests counted that were called off (declined),
 *   newest first, each with the sides that said not interested and their reasons; and the
 *   median time from a request's creation to its first approval and to its first
 *   confirmation, over the requests that got one (whole seconds; null when none did);
 * - **municipalities**: per municipality (with its region), the requests counted whose
 *   school is there and the active offers located there, largest gap (requests minus
 *   offers) first, then most requests, then by name; only municipalities with either;
 * - **inclusion**: of the active offers, how many are free (no price, or a social tariff)
 *   and how many state each inclusion attribute.
 *
 * Listings of a withdrawn organisation count nowhere.
 */

export interface InsightsFilter extends Period {
  /** A region name (province); absent: every region of the user's scope. */
  region?: string;
  user: InsightsUser;
}

/** A proposal as the figures see it: its request and status; the outcomes also read its times and answers. */
export type ProposalOutcome = ProposalOutcomeRow;

export interface InsightsInput {
  requests: InsightRequest[];
  offers: InsightOffer[];
  proposals: ProposalOutcome[];
  misses: InsightMiss[];
  /** Titles of the offers the near misses name, where the read model knows them. */
  offerTitles?: ReadonlyMap<string, string>;
  withdrawnOrganisations?: ReadonlySet<string>;
  /** Which of the active offers were ever proposed (absent: none). */
  proposedOffers?: ReadonlySet<string>;
  /** The registered requesters with a place (absent: only those with requests are known). */
  requesters?: InsightOrganisation[];
}

/** One reason an offer was kept out of a request's proposals, with the offer it concerns. */
export type UnmatchedReason = { offerId: string; offerTitle: string | null } & MissReasonFacts;

export interface UnmatchedRequest {
  requestId: string;
  title: string;
  municipality: string;
  region: string;
  ageMin: number;
  ageMax: number;
  pupils: number;
  disciplines: string[];
  createdAt: Date;
  /** When the matcher last said it found too little; null: no `match.missed` known for it. */
  missedAt: Date | null;
  /** Every near miss's reasons, nearest offer first. */
  reasons: UnmatchedReason[];
}

export interface SupplyDemandCell {
  discipline: string;
  ageBand: AgeBandId;
  requests: number;
  offers: number;
}

export const FUNNEL_STAGES = ['proposed', 'approved', 'confirmed', 'declined', 'rejected', 'withdrawn', 'waiting'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export type Funnel = Record<FunnelStage, number>;

export const INCLUSION_ATTRIBUTES = [
  'freeOrSocialTariff',
  'newcomerClasses',
  'specialNeeds',
  'wheelchairAccess',
  'languageSupport',
] as const;
export type InclusionAttribute = (typeof INCLUSION_ATTRIBUTES)[number];

export interface InclusionFigures {
  activeOffers: number;
  /** Offers per attribute; `freeOrSocialTariff` also counts offers priced 0. */
  counts: Record<InclusionAttribute | 'anyAttribute', number>;
  /** The same as shares of the active offers (0..1, four decimals); 0 when there are none. */
  shares: Record<InclusionAttribute | 'anyAttribute', number>;
}

/** A requester with no approved or confirmed match for its requests counted. */
export interface NeverReachedRequester {
  organisationId: string;
  /** As the read model has it; null when its listings came before names were kept. */
  name: string | null;
  /** Where its (oldest) request counted is. */
  municipality: string;
  region: string;
  requests: Array<{ requestId: string; title: string }>;
}

/** A provider none of whose active offers counted was ever proposed. */
export interface NeverReachedProvider {
  organisationId: string;
  name: string | null;
  municipality: string;
  region: string;
  offers: Array<{ offerId: string; title: string }>;
}

export interface NeverReached {
  requesters: NeverReachedRequester[];
  providers: NeverReachedProvider[];
}

/** A proposal called off: who said not interested, and why (when they said). */
export interface Decline {
  matchId: string;
  requestId: string;
  requestTitle: string;
  offerId: string;
  offerTitle: string | null;
  declinedAt: Date | null;
  answers: Array<{ side: MatchSide; reason: string | null }>;
}

/** A median time from request to a stage, over the requests that reached it. */
export interface TimeToStage {
  requests: number;
  medianSeconds: number | null;
}

export interface Outcomes {
  declines: Decline[];
  toApproval: TimeToStage;
  toConfirmation: TimeToStage;
}

/** Demand against supply in one municipality. */
export interface MunicipalityGap {
  municipality: string;
  region: string;
  requests: number;
  offers: number;
  /** Requests minus offers: positive where supply falls short. */
  gap: number;
}

export interface InsightsSummary {
  requests: { total: number; withProposal: number; withoutProposal: number };
  offers: { active: number };
  unmatched: UnmatchedRequest[];
  supplyDemand: SupplyDemandCell[];
  funnel: Funnel;
  neverReached: NeverReached;
  outcomes: Outcomes;
  municipalities: MunicipalityGap[];
  inclusion: InclusionFigures;
}

/** The open requests that count: not of a withdrawn organisation, in the region and the user's scope, created in the period. */
export function requestsInScope(
  input: Pick<InsightsInput, 'requests' | 'withdrawnOrganisations'>,
  filter: InsightsFilter,
): InsightRequest[] {
  return input.requests.filter(
    (r) =>
      !input.withdrawnOrganisations?.has(r.schoolId) && inInsightsScope(filter.user, filter.region, r) && inPeriod(r.createdAt, filter),
  );
}

/** The active offers that count: not of a withdrawn organisation, in the region and scope, first published before the period's end. */
export function offersInScope(input: Pick<InsightsInput, 'offers' | 'withdrawnOrganisations'>, filter: InsightsFilter): InsightOffer[] {
  return input.offers.filter(
    (o) =>
      !input.withdrawnOrganisations?.has(o.providerId) &&
      inInsightsScope(filter.user, filter.region, o) &&
      (!filter.until || new Date(o.createdAt).getTime() < filter.until.getTime()),
  );
}

/** The requests with at least one proposal, of those given. */
function proposedRequestIds(requests: InsightRequest[], proposals: ProposalOutcome[]): Set<string> {
  const ids = new Set(requests.map((r) => r.id));
  return new Set(proposals.filter((p) => ids.has(p.requestId)).map((p) => p.requestId));
}

export function requestCounts(requests: InsightRequest[], proposals: ProposalOutcome[]): InsightsSummary['requests'] {
  const proposed = proposedRequestIds(requests, proposals);
  return { total: requests.length, withProposal: proposed.size, withoutProposal: requests.length - proposed.size };
}

/** Requests without a proposal, oldest first, each with the reasons of its latest miss. */
export function unmatchedRequests(
  requests: InsightRequest[],
  proposals: ProposalOutcome[],
  misses: InsightMiss[],
  offerTitles: ReadonlyMap<string, string> = new Map(),
): UnmatchedRequest[] {
  const proposed = proposedRequestIds(requests, proposals);
  const missOf = new Map<string, InsightMiss>();
  for (const miss of misses) {
    const known = missOf.get(miss.requestId);
    if (!known || new Date(miss.missedAt) > new Date(known.missedAt)) missOf.set(miss.requestId, miss);
  }
  return requests
    .filter((r) => !proposed.has(r.id))
    .sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id))
    .map((r) => {
      const miss = missOf.get(r.id);
      return {
        requestId: r.id,
        title: r.title,
        municipality: r.municipality,
        region: r.region,
        ageMin: r.ageMin,
        ageMax: r.ageMax,
        pupils: r.pupils,
        disciplines: r.disciplines,
        createdAt: r.createdAt,
        missedAt: miss?.missedAt ?? null,
        reasons: (miss?.nearMisses ?? []).flatMap((near) =>
          near.reasons.map((reason) => ({ offerId: near.offerId, offerTitle: offerTitles.get(near.offerId) ?? null, ...reason })),
        ),
      };
    });
}

/** Every discipline × age band, in the contract's order of disciplines and the bands' order, with demand and supply. */
export function supplyDemand(requests: InsightRequest[], offers: InsightOffer[]): SupplyDemandCell[] {
  const key = (discipline: string, band: AgeBandId) => `${discipline}|${band}`;
  const counts = new Map<string, { requests: number; offers: number }>();
  const cell = (discipline: string, band: AgeBandId) => {
    const k = key(discipline, band);
    let c = counts.get(k);
    if (!c) {
      c = { requests: 0, offers: 0 };
      counts.set(k, c);
    }
    return c;
  };
  for (const r of requests)
    for (const discipline of new Set(r.disciplines)) for (const band of bandsOf(r.ageMin, r.ageMax)) cell(discipline, band).requests += 1;
  for (const o of offers)
    for (const discipline of new Set(o.disciplines)) for (const band of bandsOf(o.ageMin, o.ageMax)) cell(discipline, band).offers += 1;
  // The contract's disciplines always (a full grid), then any other code newer data carries.
  const disciplines = [
    ...DISCIPLINES,
    ...[...counts.keys()].map((k) => k.split('|')[0]).filter((d) => !(DISCIPLINES as readonly string[]).includes(d)),
  ];
  return [...new Set(disciplines)].flatMap((discipline) =>
    AGE_BAND_IDS.map((ageBand) => ({ discipline, ageBand, ...(counts.get(key(discipline, ageBand)) ?? { requests: 0, offers: 0 }) })),
  );
}

/** The proposals of these requests by how far they got. */
export function funnel(requests: InsightRequest[], proposals: ProposalOutcome[]): Funnel {
  const ids = new Set(requests.map((r) => r.id));
  const counted: Funnel = { proposed: 0, approved: 0, confirmed: 0, declined: 0, rejected: 0, withdrawn: 0, waiting: 0 };
  for (const p of proposals) {
    if (!ids.has(p.requestId)) continue;
    counted.proposed += 1;
    if (p.status === 'approved' || p.status === 'confirmed' || p.status === 'declined') counted.approved += 1;
    if (p.status === 'confirmed') counted.confirmed += 1;
    if (p.status === 'declined') counted.declined += 1;
    if (p.status === 'rejected') counted.rejected += 1;
    if (p.status === 'withdrawn') counted.withdrawn += 1;
    if (p.status === 'proposed') counted.waiting += 1;
  }
  return counted;
}

/** The statuses that count as reached: approved and still standing, or confirmed. */
const REACHED: readonly ProposalStatus[] = ['approved', 'confirmed'];

/** Listings grouped by organisation, oldest listing first within each. */
function byOrganisation<L extends { createdAt: Date; id: string }>(listings: L[], organisationOf: (l: L) => string): Map<string, L[]> {
  const groups = new Map<string, L[]>();
  const sorted = [...listings].sort(
    (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id),
  );
  for (const l of sorted) groups.set(organisationOf(l), [...(groups.get(organisationOf(l)) ?? []), l]);
  return groups;
}

/** By name (people's order, case-insensitive), unnamed last, then by id. */
function byName(a: { name: string | null; organisationId: string }, b: { name: string | null; organisationId: string }): number {
  if (a.name !== b.name) {
    if (a.name === null) return 1;
    if (b.name === null) return -1;
    const order = a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
    if (order !== 0) return order;
  }
  return a.organisationId.localeCompare(b.organisationId);
}

/** The registered requesters that count: not withdrawn, in the region and scope, joined before the period's end. */
export function requestersInScope(input: Pick<InsightsInput, 'requesters' | 'withdrawnOrganisations'>, filter: InsightsFilter) {
  return (input.requesters ?? []).filter(
    (o) =>
      !input.withdrawnOrganisations?.has(o.id) &&
      inInsightsScope(filter.user, filter.region, o) &&
      (!filter.until || new Date(o.createdAt).getTime() < filter.until.getTime()),
  );
}

/**
 * The requesters without an approved or confirmed match for these requests, with the
 * registered requesters that asked nothing (no requests), and the providers of these
 * offers never proposed.
 */
export function neverReached(
  requests: InsightRequest[],
  offers: InsightOffer[],
  proposals: ProposalOutcome[],
  proposedOffers: ReadonlySet<string> = new Set(),
  registered: InsightOrganisation[] = [],
): NeverReached {
  const reachedRequests = new Set(proposals.filter((p) => REACHED.includes(p.status)).map((p) => p.requestId));
  const requesters: NeverReachedRequester[] = [];
  for (const [organisationId, own] of byOrganisation(requests, (r) => r.schoolId)) {
    if (own.some((r) => reachedRequests.has(r.id))) continue;
    requesters.push({
      organisationId,
      name: own.find((r) => r.schoolName)?.schoolName ?? null,
      municipality: own[0].municipality,
      region: own[0].region,
      requests: own.map((r) => ({ requestId: r.id, title: r.title })),
    });
  }
  const asked = new Set(requests.map((r) => r.schoolId));
  for (const o of registered) {
    if (asked.has(o.id)) continue;
    requesters.push({ organisationId: o.id, name: o.name, municipality: o.municipality, region: o.region, requests: [] });
  }
  const providers: NeverReachedProvider[] = [];
  for (const [organisationId, own] of byOrganisation(offers, (o) => o.providerId)) {
    if (own.some((o) => proposedOffers.has(o.id))) continue;
    providers.push({
      organisationId,
      name: own.find((o) => o.providerName)?.providerName ?? null,
      municipality: own[0].municipality,
      region: own[0].region,
      offers: own.map((o) => ({ offerId: o.id, title: o.title })),
    });
  }
  return { requesters: requesters.sort(byName), providers: providers.sort(byName) };
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const APPROVED_AT_SOME_POINT: readonly ProposalStatus[] = ['approved', 'confirmed', 'declined'];

/** Declines with their reasons and the median times from request to approval and to confirmation. */
export function outcomes(requests: InsightRequest[], proposals: ProposalOutcome[]): Outcomes {
  const requestOf = new Map(requests.map((r) => [r.id, r]));
  const mine = proposals.filter((p) => requestOf.has(p.requestId));
  const declines: Decline[] = mine
    .filter((p) => p.status === 'declined')
    .map((p) => ({
      matchId: p.matchId ?? `${p.requestId}::${p.offerId ?? ''}`,
      requestId: p.requestId,
      requestTitle: requestOf.get(p.requestId)!.title,
      offerId: p.offerId ?? '',
      offerTitle: p.offerTitle ?? null,
      declinedAt: p.declinedAt ?? null,
      answers: (['school', 'provider'] as const).flatMap((side) =>
        p.answers?.[side]?.answer === 'not_interested' ? [{ side, reason: p.answers[side]?.reason ?? null }] : [],
      ),
    }))
    .sort(
      (a, b) =>
        (b.declinedAt ? new Date(b.declinedAt).getTime() : 0) - (a.declinedAt ? new Date(a.declinedAt).getTime() : 0) ||
        a.matchId.localeCompare(b.matchId),
    );
  /** Per request, the first time a proposal of it reached the stage, as seconds since the request (never below 0). */
  const timesTo = (at: (p: ProposalOutcome) => Date | undefined): TimeToStage => {
    const first = new Map<string, number>();
    for (const p of mine) {
      const when = at(p);
      if (!when) continue;
      const t = new Date(when).getTime();
      if (!first.has(p.requestId) || t < first.get(p.requestId)!) first.set(p.requestId, t);
    }
    const seconds = [...first.entries()].map(([id, t]) => Math.max(0, (t - new Date(requestOf.get(id)!.createdAt).getTime()) / 1000));
    const m = median(seconds);
    return { requests: seconds.length, medianSeconds: m === null ? null : Math.round(m) };
  };
  return {
    declines,
    toApproval: timesTo((p) => (APPROVED_AT_SOME_POINT.includes(p.status) ? p.decidedAt : undefined)),
    toConfirmation: timesTo((p) => (p.status === 'confirmed' ? p.confirmedAt : undefined)),
  };
}

/** Requests (by the school's municipality) and active offers (by where they are) per municipality, largest gap first. */
export function municipalityGaps(requests: InsightRequest[], offers: InsightOffer[]): MunicipalityGap[] {
  const rows = new Map<string, MunicipalityGap>();
  const row = (place: { municipality: string; region: string }) => {
    const key = `${place.region}|${place.municipality}`;
    let r = rows.get(key);
    if (!r) {
      r = { municipality: place.municipality, region: place.region, requests: 0, offers: 0, gap: 0 };
      rows.set(key, r);
    }
    return r;
  };
  for (const r of requests) row(r).requests += 1;
  for (const o of offers) row(o).offers += 1;
  return [...rows.values()]
    .map((r) => ({ ...r, gap: r.requests - r.offers }))
    .sort(
      (a, b) =>
        b.gap - a.gap ||
        b.requests - a.requests ||
        a.municipality.localeCompare(b.municipality, undefined, { sensitivity: 'base' }) ||
        a.region.localeCompare(b.region),
    );
}

const share = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 10_000) / 10_000);

/** Whether an offer is free: priced 0, or a social tariff stated. */
export function isFree(offer: Pick<InsightOffer, 'pricePerPupil' | 'inclusion'>): boolean {
  return offer.pricePerPupil === 0 || offer.inclusion.freeOrSocialTariff === true;
}

export function inclusionFigures(offers: InsightOffer[]): InclusionFigures {
  const has = (o: InsightOffer, attribute: InclusionAttribute) =>
    attribute === 'freeOrSocialTariff' ? isFree(o) : o.inclusion[attribute] === true;
  const counts = Object.fromEntries(
    INCLUSION_ATTRIBUTES.map((a) => [a, offers.filter((o) => has(o, a)).length]),
  ) as InclusionFigures['counts'];
  counts.anyAttribute = offers.filter((o) => INCLUSION_ATTRIBUTES.some((a) => has(o, a))).length;
  const shares = Object.fromEntries(Object.entries(counts).map(([a, n]) => [a, share(n, offers.length)])) as InclusionFigures['shares'];
  return { activeOffers: offers.length, counts, shares };
}

/** Every figure for one region (or the user's whole scope) and period. */
export function insightsSummary(input: InsightsInput, filter: InsightsFilter): InsightsSummary {
  const requests = requestsInScope(input, filter);
  const offers = offersInScope(input, filter);
  return {
    requests: requestCounts(requests, input.proposals),
    offers: { active: offers.length },
    unmatched: unmatchedRequests(requests, input.proposals, input.misses, input.offerTitles),
    supplyDemand: supplyDemand(requests, offers),
    funnel: funnel(requests, input.proposals),
    neverReached: neverReached(requests, offers, input.proposals, input.proposedOffers, requestersInScope(input, filter)),
    outcomes: outcomes(requests, input.proposals),
    municipalities: municipalityGaps(requests, offers),
    inclusion: inclusionFigures(offers),
  };
}
