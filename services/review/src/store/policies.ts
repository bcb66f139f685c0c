import { Schema, type Connection, type Model } from 'mongoose';

/** Auto-approval per region: proposals at or above `threshold` are approved without a broker. */
export interface PolicyDoc {
  _id: string; // the region
  enabled: boolean;
  /** 0..1, compared with the match score */
  threshold: number;
  updatedBy: string;
  updatedAt: Date;
}

export function createPolicyModel(connection: Connection): Model<PolicyDoc> {
  const schema = new Schema<PolicyDoc>(
    {
      _id: { type: String, required: true },
      enabled: { type: Boolean, required: true },
      threshold: { type: Number, required: true, min: 0, max: 1 },
      updatedBy: { type: String, required: true },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'policies', versionKey: false },
  );
  return connection.model<PolicyDoc>('Policy', schema);
}

/** The auto-approval policies, one per region. */
export interface PolicyStore {
  ofRegion(region: string): Promise<PolicyDoc | null>;
  /** Every policy, by region (a handful of rows at most). */
  all(): Promise<PolicyDoc[]>;
  /** Creates or replaces a region's policy. */
  save(policy: PolicyDoc): Promise<void>;
}

export function policyStore(model: Model<PolicyDoc>): PolicyStore {
  return {
    ofRegion: (region) => model.findById(region).lean<PolicyDoc>().exec(),
    all: () => model.find({}).sort({ _id: 1 }).lean<PolicyDoc[]>().exec(),
    save: async ({ _id, ...policy }) => {
      await model.updateOne({ _id }, { $set: policy }, { upsert: true }).exec();
    },
  };
}

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
export function cachedPolicyLookup(policies: PolicyStore, ttlMs = 2000): PolicyLookup {
  const remembered = new Map<string, { policy: PolicyDoc | null; until: number }>();
  const lookup = (async (region: string) => {
    const hit = remembered.get(region);
    if (hit && hit.until > Date.now()) return hit.policy;
    const policy = await policies.ofRegion(region);
    remembered.set(region, { policy, until: Date.now() + ttlMs });
    return policy;
  }) as PolicyLookup;
  lookup.forget = (region) => void remembered.delete(region);
  return lookup;
}
