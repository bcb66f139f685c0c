import { createEnvelope, type Organisation, parseEvent, TOPICS } from '@koppel/contracts';
import { dispatch, type MessageContext } from '@koppel/messaging';
import { publicCatalogue } from '../src/app/catalogue/public-catalogue';
import { catalogueEventHandlers } from '../src/events/catalogue-events';
import { activeOrganisations } from '../src/store/active-organisations';
import type { StoredOrganisation } from '../src/store/models';

const organisation = (id: string, name = 'Basisschool De Regenboog'): Organisation =>
  ({
    id,
    type: 'school',
    role: 'requester',
    name,
    contacts: [{ name: 'An', email: 'an@example.org', language: 'nl' }],
  }) as Organisation;

/** A store whose reads are counted and answered when the test says so. */
function countingStore(docs: Map<string, Pick<StoredOrganisation, 'status' | 'data'>>) {
  const reads: string[] = [];
  let gate: Promise<void> = Promise.resolve();
  return {
    reads,
    hold() {
      let open!: () => void;
      gate = new Promise((resolve) => {
        open = resolve;
      });
      return open;
    },
    store: {
      findById: async (id: string) => {
        reads.push(id);
        await gate;
        const doc = docs.get(id);
        if (doc === undefined) return null;
        return { _id: id, ...doc } as StoredOrganisation;
      },
    },
  };
}

describe('active organisations (what a POST reads of its organisation)', () => {
  it('shares one read among concurrent lookups of one organisation', async () => {
    const db = countingStore(new Map([['org-a', { status: 'active', data: organisation('org-a') }]]));
    const open = db.hold();
    const active = activeOrganisations(db.store);
    const lookups = Promise.all([active.get('org-a'), active.get('org-a'), active.awaitsApproval('org-a')]);
    open();
    const [first, second, awaiting] = await lookups;
    expect(first?.name).toBe('Basisschool De Regenboog');
    expect(second).toBe(first);
    expect(awaiting).toBe(false);
    expect(db.reads).toEqual(['org-a']);
  });

  it('remembers an active organisation for the long time, other answers for the short one', async () => {
    const docs = new Map<string, Pick<StoredOrganisation, 'status' | 'data'>>([
      ['org-a', { status: 'active', data: organisation('org-a') }],
      ['org-w', { status: 'awaiting_approval', data: organisation('org-w') }],
    ]);
    const db = countingStore(docs);
    const active = activeOrganisations(db.store, 60_000, 0);
    await active.get('org-a');
    await active.get('org-a');
    expect(await active.awaitsApproval('org-w')).toBe(true);
    expect(await active.awaitsApproval('org-w')).toBe(true);
    expect(await active.get('org-unknown')).toBeUndefined();
    expect(await active.get('org-unknown')).toBeUndefined();
    expect(db.reads).toEqual(['org-a', 'org-w', 'org-w', 'org-unknown', 'org-unknown']);
  });

  it('reads again after forget, and does not remember a failed read', async () => {
    const docs = new Map<string, Pick<StoredOrganisation, 'status' | 'data'>>([
      ['org-a', { status: 'active', data: organisation('org-a') }],
    ]);
    let failNext = true;
    const reads: string[] = [];
    const active = activeOrganisations({
      findById: async (id) => {
        reads.push(id);
        if (failNext) {
          failNext = false;
          throw new Error('database away');
        }
        return { _id: id, ...docs.get(id) } as StoredOrganisation;
      },
    });
    await expect(active.get('org-a')).rejects.toThrow('database away');
    expect((await active.get('org-a'))?.name).toBe('Basisschool De Regenboog');
    docs.set('org-a', { status: 'withdrawn', data: organisation('org-a') });
    expect(await active.get('org-a')).toBeDefined(); // remembered
    active.forget('org-a');
    expect(await active.get('org-a')).toBeUndefined();
    expect(reads).toEqual(['org-a', 'org-a', 'org-a']);
  });

  it('is told by every organisation event on the catalogue consumer, so another instance’s change is read again', async () => {
    const changed: string[] = [];
    const handle = dispatch(catalogueEventHandlers(publicCatalogue(), (id) => changed.push(id)));
    const events: Array<[string, unknown]> = [
      ['organisation.created', { organisation: organisation('org-a'), revision: 1 }],
      ['organisation.updated', { organisation: organisation('org-b', 'Andere naam'), revision: 2 }],
      ['organisation.withdrawn', { organisationId: 'org-c', revision: 2 }],
      ['organisation.erased', { organisationId: 'org-d', revision: 3, addressHashes: [] }],
    ];
    for (const [type, payload] of events) {
      const parsed = parseEvent(TOPICS.organisations, createEnvelope({ type, key: 'k', payload }));
      if (!parsed.ok) throw new Error(parsed.reason);
      await handle(parsed.event, {} as MessageContext);
    }
    expect(changed).toEqual(['org-a', 'org-b', 'org-c', 'org-d']);
  });
});
