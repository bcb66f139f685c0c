import type { InsightOffer, InsightRequest } from '../../store/insights';

/** An organisation the read model knows, with its listings within the filters. */
export interface InventoryOrganisation {
  organisationId: string;
  /** Its name as its latest listing gave it; null when no listing named it. */
  name: string | null;
  /** Requester (it posted requests), provider (offers), or both. */
  kinds: Array<'requester' | 'provider'>;
  /** Where its earliest listing within the filters is. */
  municipality: string;
  region: string;
  requests: number;
  offers: number;
}

/** The inventory of a region and period: its active offers and the organisations behind its requests and offers. */
export interface Inventory {
  offers: InsightOffer[];
  organisations: InventoryOrganisation[];
}

const byCreation = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) =>
  new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id.localeCompare(b.id);

/**
 * The inventory of the requests and offers in scope (as `requestsInScope` and
 * `offersInScope` select them): every active offer, oldest first, and every
 * organisation with a request or offer among them, by name (unnamed last), then id.
 */
export function inventoryOf(requests: InsightRequest[], offers: InsightOffer[]): Inventory {
  const organisations = new Map<string, InventoryOrganisation>();
  const listings = [
    ...requests.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      place: r,
      organisationId: r.schoolId,
      name: r.schoolName,
      kind: 'requester' as const,
    })),
    ...offers.map((o) => ({
      id: o.id,
      createdAt: o.createdAt,
      place: o,
      organisationId: o.providerId,
      name: o.providerName,
      kind: 'provider' as const,
    })),
  ].sort(byCreation);
  for (const l of listings) {
    const row = organisations.get(l.organisationId) ?? {
      organisationId: l.organisationId,
      name: null,
      kinds: [],
      municipality: l.place.municipality,
      region: l.place.region,
      requests: 0,
      offers: 0,
    };
    if (l.name) row.name = l.name;
    if (!row.kinds.includes(l.kind)) row.kinds = [...row.kinds, l.kind].sort();
    if (l.kind === 'requester') row.requests++;
    else row.offers++;
    organisations.set(l.organisationId, row);
  }
  const byName = (a: InventoryOrganisation, b: InventoryOrganisation) => {
    if (a.name !== b.name) {
      if (a.name === null) return 1;
      if (b.name === null) return -1;
      const order = a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
      if (order !== 0) return order;
    }
    return a.organisationId.localeCompare(b.organisationId);
  };
  return { offers: [...offers].sort(byCreation), organisations: [...organisations.values()].sort(byName) };
}
