import type { Connection, Model } from 'mongoose';
import { createDeliveryModel, type DeliveryDoc, type DeliveryStore, deliveryStore } from './deliveries';
import { createDigestItemModel, type DigestItemStore, digestItemStore } from './digest-items';
import { createDigestModel, type DigestDoc, type DigestStore, digestStore } from './digests';
import { createOrganisationModel, type OrganisationStore, organisationStore } from './organisations';
import { createSignInDeliveryModel, type SignInDeliveryStore, signInDeliveryStore } from './sign-in-deliveries';

/** Every repository of the notifier, on one database. */
export interface NotifierStores {
  deliveries: DeliveryStore;
  signInDeliveries: SignInDeliveryStore;
  digestItems: DigestItemStore;
  digests: DigestStore;
  organisations: OrganisationStore;
  /** The collections whose documents carry events (for the outbox relay), and their names for `relay.nudge(name, id)`. */
  outbox: { models: [Model<DeliveryDoc>, Model<DigestDoc>]; deliveries: string; digests: string };
}

/** Creates the notifier's collections and indexes (where missing) and returns its repositories. */
export async function openNotifierStores(connection: Connection): Promise<NotifierStores> {
  const deliveries = createDeliveryModel(connection);
  await deliveries.init();
  const signInDeliveries = createSignInDeliveryModel(connection);
  await signInDeliveries.init();
  const digestItems = createDigestItemModel(connection);
  await digestItems.init();
  const digests = createDigestModel(connection);
  await digests.init();
  const organisations = createOrganisationModel(connection);
  await organisations.init();
  return {
    deliveries: deliveryStore(deliveries),
    signInDeliveries: signInDeliveryStore(signInDeliveries),
    digestItems: digestItemStore(digestItems),
    digests: digestStore(digests),
    organisations: organisationStore(organisations),
    outbox: { models: [deliveries, digests], deliveries: deliveries.modelName, digests: digests.modelName },
  };
}
