import type { EventHandlers } from '@koppel/messaging';
import type { PublicCatalogue } from '../app/catalogue/public-catalogue';

/**
 * What the public catalogue follows (issue #13): offers in and out, and organisations
 * withdrawn or erased (their offers out). Every handler is idempotent: a redelivery or
 * the replay at start changes nothing.
 */
export function catalogueEventHandlers(catalogue: PublicCatalogue): EventHandlers {
  return {
    'offer.created': async (event) => catalogue.put(event.payload.offer),
    'offer.updated': async (event) => catalogue.put(event.payload.offer),
    'offer.withdrawn': async (event) => catalogue.remove(event.payload.offerId),
    'organisation.withdrawn': async (event) => catalogue.withdrawOrganisation(event.payload.organisationId),
    'organisation.erased': async (event) => catalogue.withdrawOrganisation(event.payload.organisationId),
  };
}
