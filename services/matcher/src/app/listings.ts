import { createHash } from 'node:crypto';
import { createEnvelope, type Envelope, type KoppelEvent, type Offer, type Request, TOPICS } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { MatchingEngine } from '@koppel/matching';
import type { OutgoingEvent } from '@koppel/messaging';
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

/** The event a change came with: its id and time decide what is newer, and proposals name it as their cause. */
type Cause = Pick<KoppelEvent, 'id' | 'occurredAt'>;

/**
 * A new or changed offer: stored unless a newer event was applied, indexed, and
 * proposed to the open requests for which it now ranks among their top N. Returns
 * the proposal events; idempotent (a redelivered event yields the same proposals).
 */
export async function offerChanged(offer: Offer, cause: Cause, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  if (!(await storeIfNewer(deps.offers, offer.id, offer, true, cause))) return [];
  deps.engine.upsertOffer(offer);
  return proposeForOffer(offer, cause.id, deps);
}

/** A new or changed request: stored unless a newer event was applied, indexed, and matched; returns the proposal events. */
export async function requestChanged(request: Request, cause: Cause, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  if (!(await storeIfNewer(deps.requests, request.id, request, true, cause))) return [];
  deps.engine.upsertRequest(request);
  return proposeForRequest(request, cause.id, deps);
}

/** A withdrawn offer leaves the index; its copy is kept, closed. */
export async function offerWithdrawn(offerId: string, cause: Cause, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  await storeIfNewer(deps.offers, offerId, undefined, false, cause);
  deps.engine.removeOffer(offerId);
  return [];
}

/** A withdrawn request leaves the index; its copy is kept, closed. */
export async function requestWithdrawn(requestId: string, cause: Cause, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  await storeIfNewer(deps.requests, requestId, undefined, false, cause);
  deps.engine.removeRequest(requestId);
  return [];
}

/** The staged copies written to the database together (a chunk's changes in one go), before its proposals are published. */
export async function flushListings(deps: ListingEventDeps): Promise<void> {
  await Promise.all([deps.offers.flush(), deps.requests.flush()]);
}

/** An erased organisation's listings are deleted from the matcher's copy and index (issue #11): they hold its people's names and addresses. */
export async function organisationErased(organisationId: string, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  for (const id of await deps.offers.eraseOf('data.provider.id', organisationId, (offer) => offer.provider.id)) deps.engine.removeOffer(id);
  for (const id of await deps.requests.eraseOf('data.school.id', organisationId, (request) => request.school.id))
    deps.engine.removeRequest(id);
  deps.logger.info('listings of an erased organisation deleted', { organisationId });
  return [];
}

/**
 * A withdrawn organisation's offers and requests leave the index: nothing new is
 * proposed for them (review withdraws what was pending). Its listings' own events
 * stay in intake's hands; a redelivery finds nothing open and changes nothing.
 */
export async function organisationWithdrawn(organisationId: string, cause: Cause, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  const at = new Date(cause.occurredAt);
  for (const doc of await deps.offers.openOf('data.provider.id', organisationId, (offer) => offer.provider.id)) {
    deps.offers.stage({ ...doc, open: false, lastEventId: cause.id, lastEventAt: at });
    deps.engine.removeOffer(doc._id);
  }
  for (const doc of await deps.requests.openOf('data.school.id', organisationId, (request) => request.school.id)) {
    deps.requests.stage({ ...doc, open: false, lastEventId: cause.id, lastEventAt: at });
    deps.engine.removeRequest(doc._id);
  }
  return [];
}

/**
 * Stores the listing unless a newer event was already applied. Returns false
 * only for a stale event; a redelivery of the current event returns true so
 * that its proposals are published again (they may have been lost in a crash).
 */
async function storeIfNewer<T>(store: ListingStore<T>, id: string, data: T | undefined, open: boolean, cause: Cause): Promise<boolean> {
  const at = new Date(cause.occurredAt);
  const existing = await store.get(id);
  if (existing && new Date(existing.lastEventAt) > at) return false;
  if (existing && existing.lastEventId === cause.id) return true;
  const kept = data ?? existing?.data;
  if (kept === undefined) return false; // withdrawal of something we never saw: nothing to keep
  store.stage({ _id: id, data: kept, open, lastEventId: cause.id, lastEventAt: at });
  return true;
}

async function proposeForRequest(request: Request, sourceEventId: string, deps: ListingEventDeps): Promise<OutgoingEvent[]> {
  // A request made from a catalogue offer gets that offer first when it fits at all (issue #13, in the engine).
  const matches = deps.engine.matchRequest(request, { top: deps.topN, minScore: deps.minScore });
  const events = [];
  for (const match of matches) {
    const offer = await offerById(match.offerId, deps);
    if (offer) events.push(proposalEvent(snapshotOf(match, request, offer), sourceEventId));
  }
  deps.logger.info('request matched', { requestId: request.id, proposals: events.length });
  const outgoing: OutgoingEvent[] = events.map((event) => ({ topic: TOPICS.matchesProposed, event }));
  // Fewer than asked: say why, so a broker can act (issue #14).
  if (events.length < deps.topN) {
    const proposed = new Set(matches.map((m) => m.offerId));
    outgoing.push({ topic: TOPICS.matchesMissed, event: missedEvent(request, proposed, events.length, sourceEventId, deps) });
  }
  return outgoing;
}

/** The nearest misses of a request that got fewer than `topN` proposals, as a `match.missed` event (the same id on a redelivery). */
function missedEvent(request: Request, proposed: Set<string>, proposals: number, sourceEventId: string, deps: ListingEventDeps): Envelope {
  const nearMisses = deps.engine.nearMisses(request, { minScore: deps.minScore, proposed, limit: 5 });
  return createEnvelope({
    id: createHash('sha256').update(`missed|${request.id}|${sourceEventId}`).digest('hex').slice(0, 32),
    type: 'match.missed',
    key: request.id,
    payload: {
      requestId: request.id,
      schoolId: request.school.id,
      title: request.title,
      municipality: request.school.municipality,
      postcode: request.school.postcode,
      country: request.school.country,
      pupilAges: [request.pupils.ageMin, request.pupils.ageMax],
      disciplines: request.disciplines,
      proposals,
      wanted: deps.topN,
      nearMisses,
    },
  });
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
