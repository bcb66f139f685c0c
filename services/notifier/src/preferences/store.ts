import { Schema, type Connection, type Model } from 'mongoose';
import type { MailPreference } from '@koppel/contracts';

/**
 * A provider's mail preference as its organisation events last said, with the
 * organisation's revision so an older event (redelivered, or overtaken) never
 * overwrites a newer choice.
 */
export interface ProviderPreferenceDoc {
  _id: string;
  mailPreference: MailPreference;
  revision: number;
  withdrawn: boolean;
  updatedAt: Date;
}

export function createProviderPreferenceModel(connection: Connection): Model<ProviderPreferenceDoc> {
  const schema = new Schema<ProviderPreferenceDoc>(
    {
      _id: { type: String, required: true },
      mailPreference: { type: String, enum: ['each', 'daily_digest'], required: true },
      revision: { type: Number, required: true },
      withdrawn: { type: Boolean, default: false },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'provider_preferences', versionKey: false },
  );
  return connection.model<ProviderPreferenceDoc>('ProviderPreference', schema);
}
