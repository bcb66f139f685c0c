import { TOPICS, type KoppelEvent, type Offer, type Request } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { MatchingEngine } from '@koppel/matching';
import { withEventTrace, type OutgoingEvent } from '@koppel/messaging';
import type { ListingStore } from '../store/listing-store';
import { proposalEvent, snapshotOf } from './proposals';

export interface ListingEventDeps {
  engine: MatchingEngine;
  offers: ListingStore<Offer>;
  requests: ListingStore<Request>;
  logger: Logger;
  topN: number;
  minScore: number;
  /** How many open requests a new offer is checked against (best first). */
  offerCandidates: number;
}

/**
 * Applies one offer or request event: update the stored copy and the index,
 * and returns the proposals to publish (the consumer publishes them with the
 * rest of its chunk). Idempotent: a redelivered event yields the same proposal
 * events (same ids), and an event older than the stored state is ignored.
 */
export async function handleListingEvent(event: KoppelEvent, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  return handleListingEvents([event], deps);
}

/**
 * A chunk of events in order: each updates the copy in memory and the index, and
 * the copies' database writes go out together before the proposals are returned
 * (so a proposal is only published for a listing that is stored).
 */
export async function handleListingEvents(events: KoppelEvent[], deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  const outgoing: OutgoingEvent[] = [];
  // One event at a time, each as its own cause: its proposals carry its trace.
  for (const event of events) outgoing.push(...(await withEventTrace(event, () => applyListingEvent(event, deps))));
  await Promise.all([deps.offers.flush(), deps.requests.flush()]);
  return outgoing;
}

async function applyListingEvent(event: KoppelEvent, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  switch (event.type) {
    case 'offer.created':
    case 'offer.updated': {
      const fresh = await storeIfNewer(deps.offers, event.payload.offer.id, event.payload.offer, true, event);
      if (!fresh) return [];
      deps.engine.upsertOffer(event.payload.offer);
      return proposeForOffer(event.payload.offer, event.id, deps);
    }
    case 'offer.withdrawn': {
      await storeIfNewer(deps.offers, event.payload.offerId, undefined, false, event);
      deps.engine.removeOffer(event.payload.offerId);
      return [];
    }
    case 'request.created':
    case 'request.updated': {
      const fresh = await storeIfNewer(deps.requests, event.payload.request.id, event.payload.request, true, event);
      if (!fresh) return [];
      deps.engine.upsertRequest(event.payload.request);
      return proposeForRequest(event.payload.request, event.id, deps);
    }
    case 'request.withdrawn': {
      await storeIfNewer(deps.requests, event.payload.requestId, undefined, false, event);
      deps.engine.removeRequest(event.payload.requestId);
      return [];
    }
    case 'organisation.withdrawn': {
      await closeListingsOf(event.payload.organisationId, event, deps);
      return [];
    }
    case 'organisation.erased': {
      await eraseListingsOf(event.payload.organisationId, deps);
      return [];
    }
    default:
      return [];
  }
}

/**
 * A withdrawn organisation's offers and requests leave the index: nothing new is
 * proposed for them (review withdraws what was pending). Its listings' own events
 * stay in intake's hands; a redelivery finds nothing open and changes nothing.
 */
/** An erased organisation's listings are deleted from the matcher's copy and index (issue #11): they hold its people's names and addresses. */
async function eraseListingsOf(organisationId: string, deps: ListingEventDeps): Promise<void> {
  for (const id of await deps.offers.eraseOf('data.provider.id', organisationId, (offer) => offer.provider.id)) deps.engine.removeOffer(id);
  for (const id of await deps.requests.eraseOf('data.school.id', organisationId, (request) => request.school.id))
    deps.engine.removeRequest(id);
  deps.logger.info('listings of an erased organisation deleted', { organisationId });
}

async function closeListingsOf(organisationId: string, event: KoppelEvent, deps: ListingEventDeps): Promise<void> {
  const at = new Date(event.occurredAt);
  for (const doc of await deps.offers.openOf('data.provider.id', organisationId, (offer) => offer.provider.id)) {
    deps.offers.stage({ ...doc, open: false, lastEventId: event.id, lastEventAt: at });
    deps.engine.removeOffer(doc._id);
  }
  for (const doc of await deps.requests.openOf('data.school.id', organisationId, (request) => request.school.id)) {
    deps.requests.stage({ ...doc, open: false, lastEventId: event.id, lastEventAt: at });
    deps.engine.removeRequest(doc._id);
  }
}

/**
 * Stores the listing unless a newer event was already applied. Returns false
 * only for a stale event; a redelivery of the current event returns true so
 * that its proposals are published again (they may have been lost in a crash).
 */
async function storeIfNewer<T>(
  store: ListingStore<T>,
  id: string,
  data: T | undefined,
  open: boolean,
  event: KoppelEvent,
): Promise<boolean> {
  const at = new Date(event.occurredAt);
  const existing = await store.get(id);
  if (existing && new Date(existing.lastEventAt) > at) return false;
  if (existing && existing.lastEventId === event.id) return true;
  const kept = data ?? existing?.data;
  if (kept === undefined) return false; // withdrawal of something we never saw: nothing to keep
  store.stage({ _id: id, data: kept, open, lastEventId: event.id, lastEventAt: at });
  return true;
}

async function proposeForRequest(request: Request, sourceEventId: string, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  const matches = deps.engine.matchRequest(request, { top: deps.topN, minScore: deps.minScore });
  const events = [];
  for (const match of matches) {
    const offer = await offerById(match.offerId, deps);
    if (offer) events.push(proposalEvent(snapshotOf(match, request, offer), sourceEventId));
  }
  deps.logger.info('request matched', { requestId: request.id, proposals: events.length });
  return events.map((event) => ({ topic: TOPICS.matchesProposed, event }));
}

/**
 * A new or changed offer is proposed to the open requests for which it now
 * ranks among their own top N: the same rule as when a request arrives, so
 * the order in which offer and request events are consumed does not matter.
 */
async function proposeForOffer(offer: Offer, sourceEventId: string, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  const candidates = deps.engine.matchOffer(offer, { top: deps.offerCandidates, minScore: deps.minScore });
  const events = [];
  for (const candidate of candidates) {
    const request = await requestById(candidate.requestId, deps);
    if (!request) continue;
    const ranked = deps.engine.matchRequest(request, { top: deps.topN, minScore: deps.minScore });
    const match = ranked.find((m) => m.offerId === offer.id);
    if (match) events.push(proposalEvent(snapshotOf(match, request, offer), sourceEventId));
  }
  deps.logger.info('offer matched', { offerId: offer.id, candidates: candidates.length, proposals: events.length });
  return events.map((event) => ({ topic: TOPICS.matchesProposed, event }));
}

async function offerById(id: string, deps: ListingEventDeps): Promise<Offer | null> {
  return (await deps.offers.get(id))?.data ?? null;
}

async function requestById(id: string, deps: ListingEventDeps): Promise<Request | null> {
  return (await deps.requests.get(id))?.data ?? null;
}
