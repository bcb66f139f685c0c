import type { EventOf, MailPreference, Party } from '@koppel/contracts';
import type { OrganisationFields, OrganisationStore } from '../store/organisations';

export type OrganisationEvent =
  | EventOf<'organisation.created'>
  | EventOf<'organisation.updated'>
  | EventOf<'organisation.withdrawn'>
  | EventOf<'organisation.erased'>;

/** The fields an organisation event sets: its state, a withdrawal, or the erasure of its people. */
function fieldsOf(event: OrganisationEvent): { id: string; fields: OrganisationFields } {
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
export function recordOrganisationEvent(organisations: OrganisationStore, event: OrganisationEvent): Promise<'stored' | 'older'> {
  const { id, fields } = fieldsOf(event);
  return organisations.storeIfNewer(id, event.payload.revision, fields, new Date());
}

/** The provider's preference: its organisation's newest event wins, the match snapshot is the fallback for providers intake never announced. */
export async function mailPreferenceOf(organisations: OrganisationStore, provider: Party): Promise<MailPreference> {
  return (await organisations.findMailPreference(provider.id)) ?? provider.mailPreference ?? 'each';
}
