import type { Model } from 'mongoose';
import { z } from 'zod';
import { REGIONS, type RegionName } from '../regions/province-of-postcode';
import type { PolicyDoc } from '../store/policies';

/** The console's policy form: a known region (a policy for a name no proposal carries would never apply), on/off, a threshold. */
export const PolicyForm = z.object({
  region: z.enum(REGIONS as [RegionName, ...RegionName[]]),
  enabled: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  /** percent in the form, 0..1 in the database */
  threshold: z.coerce
    .number()
    .min(0)
    .max(100)
    .transform((pct) => pct / 100),
});
export type PolicyInput = z.infer<typeof PolicyForm>;

/** Finds a region's policy; `forget` drops what it remembers of one after a change. */
export interface PolicyLookup {
  (region: string): Promise<PolicyDoc | null>;
  forget(region: string): void;
}

/**
 * Policies by region, each remembered for `ttlMs`: every proposal asks for its
 * region's policy, and policies change a few times a year. This process forgets a
 * region at once when it saves it; another instance's change is seen within `ttlMs`.
 */
export function cachedPolicyLookup(policies: Model<PolicyDoc>, ttlMs = 2000): PolicyLookup {
  const remembered = new Map<string, { policy: PolicyDoc | null; until: number }>();
  const lookup = (async (region: string) => {
    const hit = remembered.get(region);
    if (hit && hit.until > Date.now()) return hit.policy;
    const policy = (await policies.findById(region).lean()) as PolicyDoc | null;
    remembered.set(region, { policy, until: Date.now() + ttlMs });
    return policy;
  }) as PolicyLookup;
  lookup.forget = (region) => void remembered.delete(region);
  return lookup;
}

/** The region's policy when it is on and the score reaches its threshold, else null. */
export async function autoApprovalFor(lookup: PolicyLookup, region: string, score: number): Promise<PolicyDoc | null> {
  const policy = await lookup(region);
  return policy?.enabled && score >= policy.threshold ? policy : null;
}

export async function savePolicy(policies: Model<PolicyDoc>, lookup: PolicyLookup, input: PolicyInput, by: string): Promise<void> {
  await policies.updateOne(
    { _id: input.region },
    { $set: { enabled: input.enabled, threshold: input.threshold, updatedBy: by, updatedAt: new Date() } },
    { upsert: true },
  );
  lookup.forget(input.region);
}
