import type { EventHandlers } from '@koppel/messaging';
import type { PublicCatalogue } from '../app/catalogue/public-catalogue';

/**
 * What the public catalogue follows (issue #13): offers in and out, and organisations
 * withdrawn or erased (their offers out). Every organisation event also tells
 * `organisationChanged`, so that what this process remembers of it is read again
 * (store/active-organisations.ts). Every handler is idempotent: a redelivery or the
 * replay at start changes nothing.
 */
export function catalogueEventHandlers(
  catalogue: PublicCatalogue,
  organisationChanged: (organisationId: string) => void = () => undefined,
): EventHandlers {
  return {
    'offer.created': async (event) => catalogue.put(event.payload.offer),
    'offer.updated': async (event) => catalogue.put(event.payload.offer),
    'offer.withdrawn': async (event) => catalogue.remove(event.payload.offerId),
    'organisation.created': async (event) => organisationChanged(event.payload.organisation.id),
    'organisation.updated': async (event) => organisationChanged(event.payload.organisation.id),
    'organisation.withdrawn': async (event) => {
      organisationChanged(event.payload.organisationId);
      catalogue.withdrawOrganisation(event.payload.organisationId);
    },
    'organisation.erased': async (event) => {
      organisationChanged(event.payload.organisationId);
      catalogue.withdrawOrganisation(event.payload.organisationId);
    },
  };
}
