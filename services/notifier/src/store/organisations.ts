import { Schema, type Connection, type Model } from 'mongoose';
import type { Contact, MailPreference, OrganisationRole } from '@koppel/contracts';
import { insertOnce } from './duplicate-key';

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

/** The fields an organisation event sets. */
export type OrganisationFields = Partial<Pick<OrganisationDoc, 'role' | 'mailPreference' | 'contacts' | 'withdrawn' | 'erased'>>;

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

/** The notifier's copy of each organisation's contacts and mail preference. */
export interface OrganisationStore {
  /** An organisation's contacts and whether its people were erased, or null when no event of it arrived yet. */
  findContacts(id: string): Promise<Pick<OrganisationDoc, 'contacts' | 'erased'> | null>;
  /** The mail preference its events last said; undefined when none said one (or it is unknown). */
  findMailPreference(id: string): Promise<MailPreference | undefined>;
  /** Stores what an event of this revision says, unless this or a newer revision is stored: 'older' then. */
  storeIfNewer(id: string, revision: number, fields: OrganisationFields, at: Date): Promise<'stored' | 'older'>;
}

export function organisationStore(model: Model<OrganisationDoc>): OrganisationStore {
  return {
    findContacts: (id) => model.findById(id, { contacts: 1, erased: 1 }).lean<Pick<OrganisationDoc, 'contacts' | 'erased'>>().exec(),
    findMailPreference: async (id) =>
      (await model.findById(id, { mailPreference: 1 }).lean<Pick<OrganisationDoc, 'mailPreference'>>().exec())?.mailPreference,
    storeIfNewer: async (id, revision, fields, at) => {
      const updated = await model.updateOne({ _id: id, revision: { $lt: revision } }, { $set: { ...fields, revision, updatedAt: at } });
      if (updated.matchedCount === 1) return 'stored';
      // A document with this or a newer revision may exist: then this event is the older one.
      return (await insertOnce(model, { _id: id, contacts: [], ...fields, revision, updatedAt: at })) ? 'stored' : 'older';
    },
  };
}
