import type { ReviewDeps } from '../deps';
import { type InsightsFilter, type InsightsSummary, insightsSummary, offersInScope, requestsInScope } from './figures';
import { type Inventory, inventoryOf } from './inventory';
import { type Period, periodOf, periodOfName } from './period';
import { type InsightsUser, mayAskInsightsOf } from './scope';

/** What a broker asks: a region (province) and calendar days or instants, each optional. */
export interface InsightsQuery {
  region?: string;
  from?: string;
  to?: string;
  /** A ready-made period (`month:YYYY-MM`, `school-year:YYYY`) instead of from/to. */
  period?: string;
}

export type InsightsOutcome =
  | { kind: 'summary'; summary: InsightsSummary; filter: InsightsFilter; inventory: Inventory }
  | { kind: 'forbidden'; region: string };

/** The filter of a query for a user: its period (ready-made or from/to) in Brussels days; the region as asked. */
export function insightsFilterOf(query: InsightsQuery, user: InsightsUser): InsightsFilter {
  const period: Period = query.period ? periodOfName(query.period) : periodOf(query.from, query.to);
  return { ...period, region: query.region, user };
}

/**
 * The insights of a region (or all the user may see) and period: a broker asking
 * for a region its postcode ranges do not reach gets `forbidden`. Reads the read
 * model (preselected in the database) and review's proposals of those requests, then
 * computes every figure with the pure functions of figures.ts.
 */
export async function insightsFor(
  deps: Pick<ReviewDeps, 'insights' | 'proposals'>,
  query: InsightsQuery,
  user: InsightsUser,
): Promise<InsightsOutcome> {
  if (query.region !== undefined && !mayAskInsightsOf(user, query.region)) return { kind: 'forbidden', region: query.region };
  const filter = insightsFilterOf(query, user);
  const [requests, offers, withdrawnOrganisations, requesters] = await Promise.all([
    deps.insights.openRequests({ region: filter.region, from: filter.from, until: filter.until, user }),
    deps.insights.activeOffers({ region: filter.region, until: filter.until, user }),
    deps.insights.withdrawnOrganisations(),
    deps.insights.requesterOrganisations({ region: filter.region, user }),
  ]);
  const [proposals, proposedOffers] = await Promise.all([
    deps.proposals.outcomesOfRequests(requests.map((r) => r.id)),
    deps.proposals.proposedOffers(offers.map((o) => o.id)),
  ]);
  const proposed = new Set(proposals.map((p) => p.requestId));
  const misses = await deps.insights.missesOf(requests.filter((r) => !proposed.has(r.id)).map((r) => r.id));
  const offerTitles = await deps.insights.offerTitles(misses.flatMap((m) => m.nearMisses.map((n) => n.offerId)));
  const summary = insightsSummary(
    { requests, offers, proposals, misses, offerTitles, withdrawnOrganisations, proposedOffers, requesters },
    filter,
  );
  const inScope = { requests, offers, withdrawnOrganisations };
  const inventory = inventoryOf(requestsInScope(inScope, filter), offersInScope(inScope, filter));
  return { kind: 'summary', summary, filter, inventory };
}
