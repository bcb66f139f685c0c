import { Schema, type Connection, type Model } from 'mongoose';
import type { Contact, MailPreference, OrganisationRole } from '@koppel/contracts';

/**
 * What the notifier knows of an organisation, as its events on the compacted
 * organisations topic last said: where its mails go (its contacts: match events carry
 * no addresses, issue #11) and, for a provider, its mail preference. The revision keeps
 * an older event (redelivered, or overtaken) from overwriting a newer state.
 */
export interface OrganisationDoc {
  _id: string;
  role?: OrganisationRole;
  /** Providers: one mail per match or a daily digest. Absent: not said (the snapshot's, else 'each'). */
  mailPreference?: MailPreference;
  contacts: Contact[];
  revision: number;
  withdrawn: boolean;
  /** Its people erased: no contacts kept, nothing mailed. */
  erased: boolean;
  updatedAt: Date;
}

export function createOrganisationModel(connection: Connection): Model<OrganisationDoc> {
  const contact = new Schema<Contact>(
    { name: { type: String, required: true }, email: { type: String, required: true }, language: { type: String, required: true } },
    { _id: false },
  );
  const schema = new Schema<OrganisationDoc>(
    {
      _id: { type: String, required: true },
      role: { type: String, enum: ['requester', 'provider', 'broker'] },
      mailPreference: { type: String, enum: ['each', 'daily_digest'] },
      contacts: { type: [contact], default: [] },
      revision: { type: Number, required: true },
      withdrawn: { type: Boolean, default: false },
      erased: { type: Boolean, default: false },
      updatedAt: { type: Date, required: true },
    },
    { collection: 'organisations', versionKey: false },
  );
  return connection.model<OrganisationDoc>('Organisation', schema);
}
