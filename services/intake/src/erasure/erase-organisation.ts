import type { Model } from 'mongoose';
import { addressHashOf } from '@koppel/auth';
import { createEnvelope, ERASED, TOPICS, type EventType } from '@koppel/contracts';
import { HttpProblem } from '@koppel/http';
import { appendToOutbox, outboxEntry, pendingIn } from '@koppel/messaging';
import type { ListingHooks } from '../routes/listings';
import type { StoredListing, StoredOrganisation } from '../store/models';

export interface ErasureDeps {
  organisations: Model<StoredOrganisation>;
  offers: Model<StoredListing<any>>;
  requests: Model<StoredListing<any>>;
  hooks: ListingHooks;
}

/** The listings of one kind an organisation owns, and where its people appear in them. */
const LISTING_KINDS = [
  { name: 'offer', topic: TOPICS.offers, party: 'provider', model: (d: ErasureDeps) => d.offers },
  { name: 'request', topic: TOPICS.requests, party: 'school', model: (d: ErasureDeps) => d.requests },
] as const;

/**
 * Erases an organisation's people from intake and tells every other service to do the
 * same (issue #11): its listings lose the contact's name and address and are withdrawn
 * (their tombstones let the compacted topics forget them); the organisation loses its
 * contacts and name, is withdrawn, and publishes `organisation.erased` with the SHA-256
 * of each address it had. Idempotent: erasing again finishes what a crash left undone
 * and publishes nothing new for the organisation itself.
 */
export async function eraseOrganisation(deps: ErasureDeps, id: string, now = new Date()): Promise<StoredOrganisation> {
  const organisations = deps.organisations as unknown as Model<any>;
  const existing = (await organisations.findById(id).lean()) as StoredOrganisation | null;
  if (!existing) throw new HttpProblem(404, 'Not found', `No organisation with id '${id}'.`);
  for (const kind of LISTING_KINDS) await eraseListings(deps, kind, id, now);
  if (existing.erasedAt) return existing;
  const revision = existing.revision + 1;
  const addressHashes = [...new Set(existing.data.contacts.map((c) => addressHashOf(c.email)))];
  const outbox = appendToOutbox([
    outboxEntry(
      TOPICS.organisations,
      createEnvelope({ type: 'organisation.erased', key: id, payload: { organisationId: id, revision, addressHashes } }),
    ),
  ]);
  const erased = (await organisations
    .findOneAndUpdate(
      { _id: id, revision: existing.revision },
      {
        $set: {
          ...outbox.$set,
          data: { ...existing.data, name: ERASED.name, contacts: [] },
          contactEmails: [],
          signInLinks: [],
          status: 'withdrawn',
          withdrawnAt: existing.withdrawnAt ?? now,
          erasedAt: now,
          revision,
          updatedAt: now,
        },
        $inc: outbox.$inc,
      },
      { returnDocument: 'after' },
    )
    .lean()) as StoredOrganisation | null;
  if (!erased)
    throw new HttpProblem(409, 'Changed meanwhile', `The organisation '${id}' changed while it was being erased; erase it again.`);
  deps.hooks.afterWrite();
  deps.hooks.publishSoon(organisations.modelName, id, pendingIn(outbox));
  return erased;
}

/** Each listing of the organisation without its contact's name and address; active ones withdrawn with their event. */
async function eraseListings(deps: ErasureDeps, kind: (typeof LISTING_KINDS)[number], organisationId: string, now: Date): Promise<void> {
  const model = kind.model(deps) as unknown as Model<any>;
  const docs = (await model.find({ ownerId: organisationId }).lean()) as Array<StoredListing<Record<string, any>>>;
  for (const doc of docs) {
    const party = doc.data[kind.party] ?? {};
    if (party.email === ERASED.email && doc.status !== 'active') continue; // erased before
    const data = { ...doc.data, [kind.party]: { ...party, name: ERASED.name, email: ERASED.email } };
    if (doc.status !== 'active') {
      await model.updateOne({ _id: doc._id }, { $set: { data, updatedAt: now } });
      continue;
    }
    const event = createEnvelope({
      type: `${kind.name}.withdrawn` as EventType,
      key: doc._id,
      payload: { [`${kind.name}Id`]: doc._id, reason: 'erased' },
    } as never);
    const outbox = appendToOutbox([outboxEntry(kind.topic, event)]);
    await model.updateOne(
      { _id: doc._id, status: 'active' },
      { $set: { ...outbox.$set, data, status: 'withdrawn', withdrawnAt: now, updatedAt: now }, $inc: { ...outbox.$inc, revision: 1 } },
    );
    deps.hooks.publishSoon(model.modelName, doc._id, pendingIn(outbox));
  }
}
