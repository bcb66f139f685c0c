import type { ReviewDeps } from '../deps';
import { type ProviderDemand, providerDemand, reachAreasOf } from './demand';
import { lastMonths } from './period';

/** What a provider (or an admin for a provider) asks: whose reach, and how many months back. */
export interface DemandQuery {
  provider: string;
  months: number;
}

/**
 * The demand in a provider's reach (issue #13): its active offers, then the open requests
 * the database preselects around them (the countries of its online offers, a box around
 * each other offer) in the window, then every figure with the pure functions of demand.ts.
 */
export async function demandFor(deps: Pick<ReviewDeps, 'insights'>, query: DemandQuery, now = new Date()): Promise<ProviderDemand> {
  const filter = { provider: query.provider, months: query.months, now };
  const [offers, withdrawnOrganisations] = await Promise.all([
    deps.insights.activeOffersOf(query.provider),
    deps.insights.withdrawnOrganisations(),
  ]);
  if (withdrawnOrganisations.has(query.provider)) return providerDemand({ offers: [], requests: [] }, filter);
  const { period } = lastMonths(now, query.months);
  const requests = await deps.insights.openRequestsIn({ areas: reachAreasOf(offers), from: period.from!, until: period.until! });
  return providerDemand({ offers, requests, withdrawnOrganisations }, filter);
}
