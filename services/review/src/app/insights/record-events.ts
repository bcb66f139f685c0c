import { postcodeNumberOf } from '@koppel/auth';
import { ERASED, type KoppelEvent, type Offer, type Organisation, type Request } from '@koppel/contracts';
import type {
  EventStamp,
  InsightStore,
  ListingChange,
  MissChange,
  OfferFacts,
  OrganisationChange,
  OrganisationFacts,
  RequestFacts,
} from '../../store/insights';
import { regionOf } from '../regions/province-of-postcode';

/**
 * The insights read model follows the listing, organisation and near-miss topics
 * (events/insights-events.ts). Every change is applied only when its event is newer
 * than the last one applied to that listing (same time: the larger event id), so the
 * newest event wins in any order and a redelivery changes nothing.
 */
export interface InsightsRecordDeps {
  insights: InsightStore;
}

const stampOf = (cause: Pick<KoppelEvent, 'id' | 'occurredAt'>): EventStamp => ({ id: cause.id, at: new Date(cause.occurredAt) });

/**
 * What the figures need of a request: the requester's name, no people's names, no
 * addresses; the school's coordinates for providers' reach (demand.ts).
 */
export function requestFactsOf(request: Request): RequestFacts {
  const { school } = request;
  return {
    schoolId: school.id,
    schoolName: school.name,
    title: request.title,
    municipality: school.municipality,
    postcode: school.postcode,
    country: school.country,
    postcodeNumber: postcodeNumberOf(school.postcode),
    region: regionOf(school.country, school.postcode),
    lat: school.lat,
    lon: school.lon,
    disciplines: request.disciplines,
    ageMin: request.pupils.ageMin,
    ageMax: request.pupils.ageMax,
    pupils: request.pupils.count,
    ...(request.budgetPerPupil !== undefined ? { budgetPerPupil: request.budgetPerPupil } : {}),
  };
}

/**
 * What the figures need of an offer: the provider's name, no people's names, no
 * addresses; the location's coordinates and how far the provider travels, for its reach (demand.ts).
 */
export function offerFactsOf(offer: Offer): OfferFacts {
  const { location } = offer;
  return {
    providerId: offer.provider.id,
    providerName: offer.provider.name,
    title: offer.title,
    municipality: location.municipality,
    postcode: location.postcode,
    country: location.country,
    postcodeNumber: postcodeNumberOf(location.postcode),
    region: regionOf(location.country, location.postcode),
    disciplines: offer.disciplines,
    ageMin: offer.audience.ageMin,
    ageMax: offer.audience.ageMax,
    pricePerPupil: offer.pricePerPupil,
    mode: offer.reach.mode,
    lat: location.lat,
    lon: location.lon,
    maxTravelKm: offer.reach.maxTravelKm,
    inclusion: offer.inclusion ?? {},
  };
}

/** What the figures need of an organisation: its kind, name and place; none without a place (nothing to count it in). */
export function organisationFactsOf(organisation: Organisation): OrganisationFacts | undefined {
  const { place } = organisation;
  if (!place) return undefined;
  return {
    role: organisation.role,
    type: organisation.type,
    name: organisation.name,
    municipality: place.municipality,
    postcode: place.postcode,
    country: place.country,
    postcodeNumber: postcodeNumberOf(place.postcode),
    region: regionOf(place.country, place.postcode),
  };
}

/** A request's, an offer's, a near miss's or an organisation's change, from one event: what a chunk of events is turned into. */
type Changes = {
  requests: ListingChange<RequestFacts>[];
  offers: ListingChange<OfferFacts>[];
  misses: MissChange[];
  joined: OrganisationChange[];
  organisations: Array<{ id: string; at: Date; erased: boolean }>;
};

/** What one event changes in the read model; nothing for the types it does not follow. */
function addChange(event: KoppelEvent, changes: Changes): void {
  const stamp = stampOf(event);
  switch (event.type) {
    case 'request.created':
    case 'request.updated':
      changes.requests.push({ id: event.payload.request.id, facts: requestFactsOf(event.payload.request), stamp });
      return;
    case 'request.withdrawn':
      changes.requests.push({ id: event.payload.requestId, facts: null, stamp });
      return;
    case 'offer.created':
    case 'offer.updated':
      changes.offers.push({ id: event.payload.offer.id, facts: offerFactsOf(event.payload.offer), stamp });
      return;
    case 'offer.withdrawn':
      changes.offers.push({ id: event.payload.offerId, facts: null, stamp });
      return;
    case 'match.missed': {
      const { requestId, proposals, wanted, nearMisses } = event.payload;
      changes.misses.push({ miss: { requestId, proposals, wanted, nearMisses }, stamp });
      return;
    }
    case 'organisation.created':
    case 'organisation.updated': {
      const facts = organisationFactsOf(event.payload.organisation);
      if (facts) changes.joined.push({ id: event.payload.organisation.id, facts, stamp });
      return;
    }
    case 'organisation.withdrawn':
    case 'organisation.erased':
      changes.organisations.push({ id: event.payload.organisationId, at: stamp.at, erased: event.type === 'organisation.erased' });
      return;
  }
}

/**
 * A chunk of events into the read model in a few round trips: the listings' and misses'
 * changes each as one read and one bulk write (the newest per listing wins), then the
 * organisations that joined or changed, then those that are gone. The same result as handling them one by one, in any order.
 */
export async function recordInsightEvents(events: KoppelEvent[], deps: InsightsRecordDeps): Promise<void> {
  const changes: Changes = { requests: [], offers: [], misses: [], joined: [], organisations: [] };
  for (const event of events) addChange(event, changes);
  await deps.insights.applyRequests(changes.requests);
  await deps.insights.applyOffers(changes.offers);
  await deps.insights.applyMisses(changes.misses);
  await deps.insights.applyOrganisations(changes.joined);
  for (const { id, at, erased } of changes.organisations) {
    await deps.insights.closeOrganisation(id, at);
    // Erased: its name goes from the listings too (which count nowhere from now on anyway).
    if (erased) await deps.insights.eraseOrganisationName(id, ERASED.name);
  }
}

/** One event (what the consumer falls back to when a chunk fails, to find the one bad event). */
export function recordInsightEvent(event: KoppelEvent, deps: InsightsRecordDeps): Promise<void> {
  return recordInsightEvents([event], deps);
}
