import type { Organisation } from '@koppel/contracts';
import type { OrganisationStore } from './organisation-store';

/**
 * The organisation a token acts for: active, or signed up and awaiting a broker's approval
 * (issue #13: it may prepare its listings, which are held until then); `forget` drops what
 * is remembered of one after it changed.
 */
export interface ActiveOrganisations {
  get(id: string): Promise<Organisation | undefined>;
  /** Whether it awaits approval: its listings are stored and held back. */
  awaitsApproval(id: string): Promise<boolean>;
  forget(id: string): void;
}

/**
 * Every POST of a school or provider needs its organisation (to fill in the school
 * or provider and its place), and organisations change rarely: each is remembered
 * for `ttlMs`. This process forgets one at once when it changes it; a change made
 * by another instance is seen within `ttlMs`. Read by `_id` alone (decision 0013).
 */
export function activeOrganisations(store: Pick<OrganisationStore, 'findById'>, ttlMs = 5000): ActiveOrganisations {
  const remembered = new Map<string, { organisation: Organisation | undefined; awaiting: boolean; until: number }>();
  const lookup = async (id: string) => {
    const hit = remembered.get(id);
    if (hit && hit.until > Date.now()) return hit;
    const doc = await store.findById(id);
    const usable = doc?.status === 'active' || doc?.status === 'awaiting_approval';
    const entry = { organisation: usable ? doc.data : undefined, awaiting: doc?.status === 'awaiting_approval', until: Date.now() + ttlMs };
    remembered.set(id, entry);
    return entry;
  };
  return {
    get: async (id) => (await lookup(id)).organisation,
    awaitsApproval: async (id) => (await lookup(id)).awaiting,
    forget: (id) => void remembered.delete(id),
  };
}
