import { createEnvelope, type Offer, type Organisation, type Request, TOPICS } from '@koppel/contracts';
import { type OutboxEntry, outboxEntry } from '@koppel/messaging';
import type { ActiveOrganisations } from '../../store/active-organisations';
import type { ListingStore } from '../../store/listing-store';
import type { OrganisationStore } from '../../store/organisation-store';
import type { Publication } from '../publication';

/** What the organisation use cases work with; an erasure reaches the organisation's listings too. */
export interface OrganisationDeps {
  store: OrganisationStore;
  /** Forgets an organisation this process changed, so its tokens and writes see the change at once. */
  active: ActiveOrganisations;
  publication: Publication;
  listings: { offers: ListingStore<Offer>; requests: ListingStore<Request> };
}

/** `organisation.created` or `organisation.updated`, with the revision it makes. */
export function changedEvent(
  type: 'organisation.created' | 'organisation.updated',
  organisation: Organisation,
  revision: number,
): OutboxEntry {
  return outboxEntry(TOPICS.organisations, createEnvelope({ type, key: organisation.id, payload: { organisation, revision } }));
}
