import { dispatch, type ChunkHandler, type EventHandlers, type OutgoingEvent, withEventTrace } from '@koppel/messaging';
import {
  flushListings,
  type ListingEventDeps,
  offerChanged,
  offerWithdrawn,
  organisationErased,
  organisationWithdrawn,
  requestChanged,
  requestWithdrawn,
} from '../app/listings';

/** What the matcher does with each event on the offer, request and organisation topics. */
export function listingEventHandlers(deps: ListingEventDeps): EventHandlers {
  return {
    'offer.created': (event) => offerChanged(event.payload.offer, event, deps),
    'offer.updated': (event) => offerChanged(event.payload.offer, event, deps),
    'offer.withdrawn': (event) => offerWithdrawn(event.payload.offerId, event, deps),
    'request.created': (event) => requestChanged(event.payload.request, event, deps),
    'request.updated': (event) => requestChanged(event.payload.request, event, deps),
    'request.withdrawn': (event) => requestWithdrawn(event.payload.requestId, event, deps),
    'organisation.withdrawn': (event) => organisationWithdrawn(event.payload.organisationId, event, deps),
    'organisation.erased': (event) => organisationErased(event.payload.organisationId, deps),
  };
}

/**
 * A chunk of events in order: each updates the copy in memory and the index (as its
 * own cause: its proposals carry its trace), then the copies' database writes go out
 * together before the proposals are returned, so a proposal is only published for a
 * listing that is stored. Idempotent: a redelivered chunk yields the same proposals.
 */
export function listingChunkHandler(deps: ListingEventDeps): ChunkHandler {
  const handle = dispatch(listingEventHandlers(deps));
  return async (items) => {
    const outgoing: OutgoingEvent[] = [];
    for (const { event, context } of items) outgoing.push(...((await withEventTrace(event, () => handle(event, context))) ?? []));
    await flushListings(deps);
    return outgoing;
  };
}
