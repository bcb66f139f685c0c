import type { Connection } from 'mongoose';
import type { Offer, Request } from '@koppel/contracts';
import { activeOrganisations, type ActiveOrganisations } from './active-organisations';
import { offerIndexFields, requestIndexFields } from './listing-index';
import { ListingStore } from './listing-store';
import { createIntakeModels, type IntakeModels } from './models';
import { OrganisationStore } from './organisation-store';

/** Intake's repositories over one database connection. */
export interface IntakeStore {
  offers: ListingStore<Offer>;
  requests: ListingStore<Request>;
  organisations: OrganisationStore;
  /** The active organisations, remembered a few seconds (every write of a school or provider reads its own). */
  activeOrganisations: ActiveOrganisations;
  /** The models whose documents carry an outbox, for the relay. */
  outboxModels: Array<IntakeModels[keyof IntakeModels]>;
}

/** Creates the collections and their indexes, then returns the repositories over them. */
export async function openIntakeStore(connection: Connection): Promise<IntakeStore> {
  const models = createIntakeModels(connection);
  await Promise.all([models.offers.init(), models.requests.init(), models.organisations.init()]);
  const organisations = new OrganisationStore(models.organisations);
  return {
    offers: new ListingStore<Offer>(models.offers, offerIndexFields),
    requests: new ListingStore<Request>(models.requests, requestIndexFields),
    organisations,
    activeOrganisations: activeOrganisations(organisations),
    outboxModels: [models.offers, models.requests, models.organisations],
  };
}
