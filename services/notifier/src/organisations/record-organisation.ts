import type { Model } from 'mongoose';
import type { EventOf, MailPreference, Party } from '@koppel/contracts';
import type { OrganisationDoc } from './store';

type OrganisationEvent =
  | EventOf<'organisation.created'>
  | EventOf<'organisation.updated'>
  | EventOf<'organisation.withdrawn'>
  | EventOf<'organisation.erased'>;

/** The fields an organisation event sets: its state, a withdrawal, or the erasure of its people. */
function fieldsOf(event: OrganisationEvent): { id: string; fields: Partial<OrganisationDoc> } {
  if (event.type === 'organisation.withdrawn') return { id: event.payload.organisationId, fields: { withdrawn: true } };
  if (event.type === 'organisation.erased')
    return { id: event.payload.organisationId, fields: { withdrawn: true, erased: true, contacts: [] } };
  const { organisation } = event.payload;
  return {
    id: organisation.id,
    fields: {
      role: organisation.role,
      mailPreference: organisation.mailPreference ?? (organisation.role === 'provider' ? 'each' : undefined),
      contacts: organisation.contacts,
      withdrawn: false,
    },
  };
}

/** Keeps what an organisation event says (contacts, mail preference, withdrawal, erasure), unless a newer revision is already stored. */
export async function recordOrganisationEvent(model: Model<OrganisationDoc>, event: OrganisationEvent): Promise<'stored' | 'older'> {
  const now = new Date();
  const { id, fields } = fieldsOf(event);
  const revision = event.payload.revision;
  const updated = await model.updateOne({ _id: id, revision: { $lt: revision } }, { $set: { ...fields, revision, updatedAt: now } });
  if (updated.matchedCount === 1) return 'stored';
  try {
    await model.create({ _id: id, contacts: [], ...fields, revision, updatedAt: now });
    return 'stored';
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    return 'older'; // a document with this or a newer revision exists
  }
}

/** The provider's preference: its organisation's newest event wins, the match snapshot is the fallback for providers intake never announced. */
export async function mailPreferenceOf(model: Model<OrganisationDoc>, provider: Party): Promise<MailPreference> {
  const stored = (await model.findById(provider.id, { mailPreference: 1 }).lean()) as Pick<OrganisationDoc, 'mailPreference'> | null;
  return stored?.mailPreference ?? provider.mailPreference ?? 'each';
}
