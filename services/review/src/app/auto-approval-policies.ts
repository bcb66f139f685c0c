import type { Claims } from '@koppel/auth';
import type { PolicyDoc } from '../store/policies';
import { mayManagePolicy } from './policies/policy-scope';
import type { RegionName } from './regions/province-of-postcode';
import type { ReviewDeps } from './deps';

/** A region's auto-approval as a broker sets it. */
export interface PolicyInput {
  region: RegionName;
  enabled: boolean;
  /** 0..1 */
  threshold: number;
}

/** The policies the user may see and change: all for an admin, those of the wholly covered provinces for a broker. */
export async function policiesManagedBy(deps: Pick<ReviewDeps, 'policies'>, user: Pick<Claims, 'role' | 'regions'>): Promise<PolicyDoc[]> {
  // A handful of rows at most (one per region): filtered here with the same rule a change is checked with.
  return (await deps.policies.all()).filter((p) => mayManagePolicy(user, p._id));
}

/** Saves a region's policy (whether the user may is the caller's check: mayManagePolicy); this process applies it at once. */
export async function savePolicy(deps: Pick<ReviewDeps, 'policies' | 'policyLookup'>, input: PolicyInput, by: string): Promise<void> {
  await deps.policies.save({ _id: input.region, enabled: input.enabled, threshold: input.threshold, updatedBy: by, updatedAt: new Date() });
  deps.policyLookup.forget(input.region);
}
