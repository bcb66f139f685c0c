import { isInRegions, type Claims } from '@koppel/auth';
import type { ProposalDoc } from '../store/proposals';
import { schoolCountryOf } from '../regions/school-country';

/**
 * What a console user may see and decide: admins everything, brokers the
 * matches whose school lies in one of their regions (country + postcode range,
 * as in intake). The list query filters in the database with the fields
 * review stores on each proposal; a single proposal is checked with
 * `isInRegions`, the same rule intake uses.
 */
export function regionScopeFilter(user: Claims): Record<string, unknown> | undefined {
  if (user.role === 'admin') return undefined;
  const regions = user.regions ?? [];
  if (regions.length === 0) return { _id: { $in: [] } };
  return { $or: regions.map((r) => ({ country: r.country, postcodeNumber: { $gte: r.postcodeFrom, $lte: r.postcodeTo } })) };
}

export function mayHandle(user: Claims, proposal: Pick<ProposalDoc, 'match'>): boolean {
  if (user.role === 'admin') return true;
  return isInRegions(user.regions, schoolCountryOf(proposal.match), proposal.match.request.postcode);
}

/** The filter of a list limited to what the user may see: both conditions, each only when present. */
export function withinScope(filter: Record<string, unknown>, user: Claims): Record<string, unknown> {
  const scope = regionScopeFilter(user);
  if (!scope) return filter;
  return Object.keys(filter).length ? { $and: [filter, scope] } : scope;
}
