import type { PolicyDoc, PolicyLookup } from '../../store/policies';

/** The region's policy when it is on and the score reaches its threshold, else null. */
export async function autoApprovalFor(lookup: PolicyLookup, region: string, score: number): Promise<PolicyDoc | null> {
  const policy = await lookup(region);
  return policy?.enabled && score >= policy.threshold ? policy : null;
}
