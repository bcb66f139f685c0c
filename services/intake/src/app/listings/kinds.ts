import {
  createEnvelope,
  ERASED,
  type Offer,
  type OfferInput,
  type Organisation,
  type Request,
  type RequestInput,
  TOPICS,
  type TopicName,
} from '@koppel/contracts';
import { type OutboxEntry, outboxEntry } from '@koppel/messaging';
import type { ActiveOrganisations } from '../../store/active-organisations';
import type { ListingStore } from '../../store/listing-store';
import type { Listing } from '../../store/models';
import type { Principal } from '../principal';
import type { Publication } from '../publication';
import type { ListingName } from './access';
import { type FromInput, offerFromInput, requestFromInput } from './from-input';

/** What differs between offers and requests; the use cases are otherwise the same. */
export interface ListingKind<T extends Listing, I extends { id?: string }> {
  name: ListingName;
  idPrefix: string;
  topic: TopicName;
  fromInput: (input: I, principal: Principal, organisation: Organisation | undefined, id?: string) => FromInput<T>;
  /** The organisation an admin's or broker's body names (the provider or the school), if any. */
  partyIdOf: (input: I) => string | undefined;
  /** Whose a stored listing is: its provider's or its school's id. */
  ownerOf: (listing: T) => string;
  /** The event payload of a created or updated listing. */
  payloadOf: (listing: T) => Record<string, unknown>;
  /** The address of the listing's contact (the provider's or the school's). */
  contactEmailOf: (listing: T) => string | undefined;
  /** The listing without its contact's name and address (an erasure, issue #11). */
  withoutContact: (listing: T) => T;
}

export const offerKind: ListingKind<Offer, OfferInput> = {
  name: 'offer',
  idPrefix: 'off',
  topic: TOPICS.offers,
  fromInput: offerFromInput,
  partyIdOf: (input) => input.provider?.id,
  ownerOf: (offer) => offer.provider.id,
  payloadOf: (offer) => ({ offer }),
  contactEmailOf: (offer) => offer.provider?.email,
  withoutContact: (offer) => ({ ...offer, provider: { ...offer.provider, name: ERASED.name, email: ERASED.email } }),
};

export const requestKind: ListingKind<Request, RequestInput> = {
  name: 'request',
  idPrefix: 'req',
  topic: TOPICS.requests,
  fromInput: requestFromInput,
  partyIdOf: (input) => input.school?.id,
  ownerOf: (request) => request.school.id,
  payloadOf: (request) => ({ request }),
  contactEmailOf: (request) => request.school?.email,
  withoutContact: (request) => ({ ...request, school: { ...request.school, name: ERASED.name, email: ERASED.email } }),
};

/** What the listing use cases of one kind work with. */
export interface ListingDeps<T extends Listing, I extends { id?: string }> {
  kind: ListingKind<T, I>;
  store: ListingStore<T>;
  organisations: ActiveOrganisations;
  publication: Publication;
}

/** A listing's event (created, updated, withdrawn) as an outbox entry on its kind's topic. */
export function listingEvent<T extends Listing>(
  kind: Pick<ListingKind<T, never>, 'name' | 'topic'>,
  change: 'created' | 'updated' | 'withdrawn',
  id: string,
  payload: Record<string, unknown>,
): OutboxEntry {
  return outboxEntry(kind.topic, createEnvelope({ type: `${kind.name}.${change}`, key: id, payload }));
}

/** The payload of a listing's withdrawal: `{ offerId, reason }` or `{ requestId, reason }`. */
export function withdrawnPayload(kind: ListingName, id: string, reason: string | undefined): Record<string, unknown> {
  return { [`${kind}Id`]: id, reason };
}

/** A provider's or requester's own organisation; for an admin or broker, the organisation the body names, when it is one. */
export async function organisationFor<T extends Listing, I extends { id?: string }>(
  deps: ListingDeps<T, I>,
  principal: Principal,
  input: I,
): Promise<Organisation | undefined> {
  if (principal.role === 'provider' || principal.role === 'requester') {
    const own = principal.org ? await deps.organisations.get(principal.org) : undefined;
    // A school board asks for one of its schools: the body names the school, whose umbrellas include the board.
    const named = deps.kind.name === 'request' ? deps.kind.partyIdOf(input) : undefined;
    if (own && named && named !== own.id) {
      const member = await deps.organisations.get(named);
      if (member?.memberOf?.includes(own.id)) return member;
    }
    return own;
  }
  const partyId = deps.kind.partyIdOf(input);
  return partyId ? deps.organisations.get(partyId) : undefined;
}
