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
