import { type CatalogueQuery, type CatalogueResult, createCatalogue } from '@koppel/catalogue';
import type { Offer } from '@koppel/contracts';

/**
 * The public catalogue (issue #13): every active offer of an organisation in good
 * standing, in memory, searched without signing in. A read model of `koppel.offers.v1`
 * and `koppel.organisations.v1`, rebuilt from the beginning of those compacted topics
 * at every start (events/catalogue-events.ts; decision 0028). Topics are not ordered
 * among each other, so a withdrawn organisation is remembered: an offer of it that
 * arrives later stays out too.
 */
export interface PublicCatalogue {
  /** An offer created or changed: in (or replaced), unless its provider is withdrawn. */
  put(offer: Offer): void;
  /** An offer withdrawn: out. */
  remove(offerId: string): void;
  /** An organisation withdrawn or erased: its offers out, now and when they arrive later. */
  withdrawOrganisation(organisationId: string): void;
  search(query: CatalogueQuery): CatalogueResult;
  /** An active offer, as everyone may see it (no contact address); undefined when none. */
  offer(offerId: string): PublicOffer | undefined;
  size(): number;
}

/** An offer as the public sees it: everything a teacher needs, without the provider's contact address. */
export type PublicOffer = Omit<Offer, 'provider'> & { provider: { id: string; name: string } };

export function publicOfferOf(offer: Offer): PublicOffer {
  const { provider, ...rest } = offer;
  return { ...rest, provider: { id: provider.id, name: provider.name } };
}

export function publicCatalogue(): PublicCatalogue {
  const catalogue = createCatalogue();
  const offersOf = new Map<string, Set<string>>();
  const withdrawn = new Set<string>();
  const forget = (offerId: string) => {
    const offer = catalogue.get(offerId);
    if (offer) offersOf.get(offer.provider.id)?.delete(offerId);
    catalogue.remove(offerId);
  };
  return {
    put: (offer) => {
      if (withdrawn.has(offer.provider.id)) return;
      forget(offer.id); // its provider may have changed
      catalogue.put(offer);
      const own = offersOf.get(offer.provider.id) ?? new Set<string>();
      own.add(offer.id);
      offersOf.set(offer.provider.id, own);
    },
    remove: forget,
    withdrawOrganisation: (organisationId) => {
      withdrawn.add(organisationId);
      for (const offerId of offersOf.get(organisationId) ?? []) catalogue.remove(offerId);
      offersOf.delete(organisationId);
    },
    search: (query) => catalogue.search(query),
    offer: (offerId) => {
      const offer = catalogue.get(offerId);
      return offer ? publicOfferOf(offer) : undefined;
    },
    size: () => catalogue.size(),
  };
}
