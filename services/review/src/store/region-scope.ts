import type { Claims } from '@koppel/auth';

type Filter = Record<string, unknown>;

/**
 * What a console user may list, as a database filter: admins everything, brokers the
 * matches whose school lies in one of their regions (country + postcode range, as in
 * intake), by the fields review stores on each proposal. A single proposal is checked
 * with `mayHandle` (app/policies/broker-scope.ts), the same rule intake uses.
 */
export function regionScopeFilter(user: Pick<Claims, 'role' | 'regions'>): Filter | undefined {
  if (user.role === 'admin') return undefined;
  const regions = user.regions ?? [];
  if (regions.length === 0) return { _id: { $in: [] } };
  return { $or: regions.map((r) => ({ country: r.country, postcodeNumber: { $gte: r.postcodeFrom, $lte: r.postcodeTo } })) };
}

/** The filter of a list limited to what the user may see: both conditions, each only when present. */
export function withinScope(filter: Filter, user: Pick<Claims, 'role' | 'regions'>): Filter {
  const scope = regionScopeFilter(user);
  if (!scope) return filter;
  return Object.keys(filter).length ? { $and: [filter, scope] } : scope;
}
