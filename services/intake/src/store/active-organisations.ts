import type { Organisation } from '@koppel/contracts';
import type { OrganisationStore } from './organisation-store';

/** The active organisation a token acts for; `forget` drops what is remembered of one after it changed. */
export interface ActiveOrganisations {
  get(id: string): Promise<Organisation | undefined>;
  forget(id: string): void;
}

/**
 * Every POST of a school or provider needs its organisation (to fill in the school
 * or provider and its place), and organisations change rarely: each is remembered
 * for `ttlMs`. This process forgets one at once when it changes it; a change made
 * by another instance is seen within `ttlMs`. Read by `_id` alone (decision 0013).
 */
export function activeOrganisations(store: Pick<OrganisationStore, 'findById'>, ttlMs = 5000): ActiveOrganisations {
  const remembered = new Map<string, { organisation: Organisation | undefined; until: number }>();
  return {
    get: async (id) => {
      const hit = remembered.get(id);
      if (hit && hit.until > Date.now()) return hit.organisation;
      const doc = await store.findById(id);
      const organisation = doc?.status === 'active' ? doc.data : undefined;
      remembered.set(id, { organisation, until: Date.now() + ttlMs });
      return organisation;
    },
    forget: (id) => void remembered.delete(id),
  };
}
