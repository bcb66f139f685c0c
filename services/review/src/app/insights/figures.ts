import { DISCIPLINES, type MissReasonFacts } from '@koppel/contracts';
import type { InsightMiss, InsightOffer, InsightRequest } from '../../store/insights';
import type { ProposalStatus } from '../../store/proposal-doc';
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

export interface ProposalOutcome {
  requestId: string;
  status: ProposalStatus;
}

export interface InsightsInput {
  requests: InsightRequest[];
  offers: InsightOffer[];
  proposals: ProposalOutcome[];
  misses: InsightMiss[];
  /** Titles of the offers the near misses name, where the read model knows them. */
  offerTitles?: ReadonlyMap<string, string>;
  withdrawnOrganisations?: ReadonlySet<string>;
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

export interface InsightsSummary {
  requests: { total: number; withProposal: number; withoutProposal: number };
  offers: { active: number };
  unmatched: UnmatchedRequest[];
  supplyDemand: SupplyDemandCell[];
  funnel: Funnel;
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
    inclusion: inclusionFigures(offers),
  };
}
