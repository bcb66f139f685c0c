import type { Model } from 'mongoose';
import { z } from 'zod';
import { REGIONS, type RegionName } from '../regions/province-of-postcode';
import type { PolicyDoc } from '../store/policies';

/** The console's policy form: a known region (a policy for a name no proposal carries would never apply), on/off, a threshold. */
export const PolicyForm = z.object({
  region: z.enum(REGIONS as [RegionName, ...RegionName[]]),
  enabled: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  /** percent in the form, 0..1 in the database */
  threshold: z.coerce.number().min(0).max(100).transform((pct) => pct / 100),
});
export type PolicyInput = z.infer<typeof PolicyForm>;

/** The region's policy when it is on and the score reaches its threshold, else null. */
export async function autoApprovalFor(policies: Model<PolicyDoc>, region: string, score: number): Promise<PolicyDoc | null> {
  const policy = await policies.findById(region).lean();
  return policy && policy.enabled && score >= policy.threshold ? (policy as PolicyDoc) : null;
}

export async function savePolicy(policies: Model<PolicyDoc>, input: PolicyInput, by: string): Promise<void> {
  await policies.updateOne({ _id: input.region }, { $set: { enabled: input.enabled, threshold: input.threshold, updatedBy: by, updatedAt: new Date() } }, { upsert: true });
}
