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
 * or provider and its place), and organisations change rarely. An active one is
 * remembered for `ttlMs`: every change of an active organisation publishes an
 * organisation event, and each intake process forgets the organisation when that event
 * arrives (`forget`, from the catalogue's consumer), so another instance's change is
 * seen within the event's delivery and at the latest after `ttlMs`. Any other answer
 * (awaiting approval, unknown, withdrawn) is remembered for `shortTtlMs` only: a
 * rejected sign-up publishes nothing intake follows. Concurrent lookups of one
 * organisation share one read. Read by `_id` alone (decision 0013).
 */
export function activeOrganisations(store: Pick<OrganisationStore, 'findById'>, ttlMs = 60_000, shortTtlMs = 5000): ActiveOrganisations {
  interface Entry {
    organisation: Organisation | undefined;
    awaiting: boolean;
  }
  const remembered = new Map<string, { entry: Promise<Entry>; until: number }>();
  const read = async (id: string): Promise<Entry> => {
    const doc = await store.findById(id);
    const usable = doc?.status === 'active' || doc?.status === 'awaiting_approval';
    return { organisation: usable ? doc.data : undefined, awaiting: doc?.status === 'awaiting_approval' };
  };
  const lookup = (id: string): Promise<Entry> => {
    const hit = remembered.get(id);
    if (hit && hit.until > Date.now()) return hit.entry;
    const entry = read(id);
    const slot = { entry, until: Number.POSITIVE_INFINITY }; // shared by every lookup while the read runs
    remembered.set(id, slot);
    entry.then(
      (found) => {
        slot.until = Date.now() + (found.organisation && !found.awaiting ? ttlMs : shortTtlMs);
      },
      () => {
        if (remembered.get(id) === slot) remembered.delete(id); // a failed read is not remembered
      },
    );
    return entry;
  };
  return {
    get: async (id) => (await lookup(id)).organisation,
    awaitsApproval: async (id) => (await lookup(id)).awaiting,
    forget: (id) => void remembered.delete(id),
  };
}
