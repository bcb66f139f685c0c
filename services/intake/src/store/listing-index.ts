import { postcodeNumberOf } from '@koppel/auth';
import type { Offer, Request } from '@koppel/contracts';
import { placeKey } from '@koppel/gazetteer';
import type { ListingIndexFields } from './models';

/** An offer's index fields: its provider, where it takes place, the ages and disciplines. */
export function offerIndexFields(offer: Offer): ListingIndexFields {
  return {
    ownerId: offer.provider.id,
    country: offer.location.country,
    postcodeNumber: postcodeNumberOf(offer.location.postcode),
    municipalityKey: placeKey(offer.location.municipality),
    ageMin: offer.audience.ageMin,
    ageMax: offer.audience.ageMax,
    disciplines: offer.disciplines,
  };
}

/** A request's index fields: its school, where the school is, the pupils' ages and the disciplines. */
export function requestIndexFields(request: Request): ListingIndexFields {
  return {
    ownerId: request.school.id,
    ...(request.requestedBy ? { managerId: request.requestedBy } : {}),
    country: request.school.country,
    postcodeNumber: postcodeNumberOf(request.school.postcode),
    municipalityKey: placeKey(request.school.municipality),
    ageMin: request.pupils.ageMin,
    ageMax: request.pupils.ageMax,
    disciplines: request.disciplines,
  };
}
