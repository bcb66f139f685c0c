import type { Model } from 'mongoose';
import type { EventOf, MailPreference, Party } from '@koppel/contracts';
import type { ProviderPreferenceDoc } from './store';

type OrganisationEvent = EventOf<'organisation.created'> | EventOf<'organisation.updated'> | EventOf<'organisation.withdrawn'>;

/**
 * Keeps what an organisation event says about a provider's mail preference,
 * unless a newer revision is already stored. Only providers are kept: nobody
 * else gets digests.
 */
export async function recordOrganisationEvent(model: Model<ProviderPreferenceDoc>, event: OrganisationEvent): Promise<'stored' | 'older' | 'not-a-provider'> {
  const now = new Date();
  let id: string;
  let fields: Partial<ProviderPreferenceDoc>;
  if (event.type === 'organisation.withdrawn') {
    id = event.payload.organisationId;
    fields = { withdrawn: true };
  } else {
    const { organisation } = event.payload;
    if (organisation.role !== 'provider') return 'not-a-provider';
    id = organisation.id;
    fields = { mailPreference: organisation.mailPreference ?? 'each', withdrawn: false };
  }
  const revision = event.payload.revision;
  const updated = await model.updateOne({ _id: id, revision: { $lt: revision } }, { $set: { ...fields, revision, updatedAt: now } });
  if (updated.matchedCount === 1) return 'stored';
  if (event.type === 'organisation.withdrawn') return 'older'; // nothing known to withdraw, or a newer state is kept
  try {
    await model.create({ _id: id, mailPreference: 'each', ...fields, revision, updatedAt: now });
    return 'stored';
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    return 'older'; // a document with this or a newer revision exists
  }
}

/** The provider's preference: its organisation's newest event wins, the match snapshot is the fallback for providers intake never announced. */
export async function mailPreferenceOf(model: Model<ProviderPreferenceDoc>, provider: Party): Promise<MailPreference> {
  const stored = (await model.findById(provider.id).lean()) as ProviderPreferenceDoc | null;
  return stored?.mailPreference ?? provider.mailPreference ?? 'each';
}
