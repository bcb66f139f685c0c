import type { Model } from 'mongoose';
import type { Organisation } from '@koppel/contracts';
import { appendToOutbox, initialOutbox, type OutboxEntry, pendingIn } from '@koppel/messaging';
import type { IdempotencyRecord, SignInLink, SignUpRecord, StoredOrganisation } from './models';
import { isDuplicateKey, type StoredEvents } from './writes';

/** A change to an active organisation: new data, or its withdrawal (its sign-in links go with it). */
export type OrganisationChange = { data: Organisation } | { withdrawnAt: Date };

/** A changed organisation as stored, and the events the change stored with it. */
export interface OrganisationWrite {
  doc: StoredOrganisation;
  events: StoredEvents;
}

/** Lower-cased contact addresses, each once: how a sign-in request finds its organisation. */
export function contactEmailsOf(organisation: Organisation): string[] {
  return [...new Set(organisation.contacts.map((c) => c.email.toLowerCase()))];
}

/** An organisation's name and postcode as a sign-up compares them: lower case, no accents, single spaces. */
export function nameKeyOf(organisation: Pick<Organisation, 'name' | 'place'>): string {
  const name = organisation.name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${name}|${organisation.place?.country ?? ''}${(organisation.place?.postcode ?? '').replace(/\s+/g, '').toLowerCase()}`;
}

/**
 * Organisations in intake's database, each with its sign-in links and its pending
 * events (the outbox) in its own document. The relay reads an organisation's
 * events back from the document (they are not handed over, unlike a listing's).
 */
export class OrganisationStore {
  constructor(private readonly model: Model<StoredOrganisation>) {}

  findById(id: string): Promise<StoredOrganisation | null> {
    return this.model.findById(id).lean<StoredOrganisation>().exec();
  }

  /** The organisation an earlier create with this Idempotency-Key made (the index on the key). */
  findByIdempotency(record: IdempotencyRecord): Promise<StoredOrganisation | null> {
    return this.model.findOne({ 'idempotency.scope': record.scope, 'idempotency.key': record.key }).lean<StoredOrganisation>().exec();
  }

  /** Up to `limit` organisations in id order, after the id `afterId`, of one role if given. */
  list(options: { role?: Organisation['role']; afterId?: string; limit: number }): Promise<StoredOrganisation[]> {
    const filter: Record<string, unknown> = {};
    if (options.role) filter['data.role'] = options.role;
    if (options.afterId !== undefined) filter._id = { $gt: options.afterId };
    return this.model.find(filter).sort({ _id: 1 }).limit(options.limit).lean<StoredOrganisation[]>().exec();
  }

  /** The organisation (active or awaiting approval) one of whose contacts has this (lower-cased) address. */
  findActiveByContactEmail(address: string): Promise<StoredOrganisation | null> {
    // Active, or awaiting approval (it may sign in and prepare its listings, held until then: issue #13).
    return this.model
      .findOne({ contactEmails: address, status: { $in: ['active', 'awaiting_approval'] } })
      .lean<StoredOrganisation>()
      .exec();
  }

  /** The organisation (active or awaiting approval) holding a sign-in link with this hash. */
  findActiveBySignInLink(hash: string): Promise<StoredOrganisation | null> {
    return this.model
      .findOne({ 'signInLinks.hash': hash, status: { $in: ['active', 'awaiting_approval'] } })
      .lean<StoredOrganisation>()
      .exec();
  }

  /** Inserts a new organisation at revision 1 with its first events; 'duplicate' when its id exists. */
  async insertWithOutbox(
    organisation: Organisation,
    now: Date,
    idempotency: IdempotencyRecord | undefined,
    events: OutboxEntry[],
  ): Promise<{ kind: 'inserted'; events: StoredEvents } | { kind: 'duplicate' }> {
    try {
      await this.model.create({
        _id: organisation.id,
        data: organisation,
        status: 'active',
        revision: 1,
        createdAt: now,
        updatedAt: now,
        contactEmails: contactEmailsOf(organisation),
        nameKey: nameKeyOf(organisation),
        signInLinks: [],
        signInRevision: 0,
        ...(idempotency ? { idempotency } : {}),
        ...initialOutbox(events),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return { kind: 'duplicate' };
      throw error;
    }
    return { kind: 'inserted', events: { model: this.model.modelName, id: organisation.id } };
  }

  /**
   * Changes an active organisation that is still at `revision` to `revision + 1`, with
   * its events, in one conditional write; null when it changed meanwhile or is not active.
   */
  async changeIfRevision(
    id: string,
    revision: number,
    change: OrganisationChange,
    events: OutboxEntry[],
  ): Promise<OrganisationWrite | null> {
    const outbox = appendToOutbox(events);
    const set =
      'data' in change
        ? { data: change.data, contactEmails: contactEmailsOf(change.data), nameKey: nameKeyOf(change.data) }
        : { status: 'withdrawn', withdrawnAt: change.withdrawnAt, signInLinks: [] };
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, status: 'active', revision },
        { $set: { ...outbox.$set, ...set, revision: revision + 1, updatedAt: new Date() }, $inc: outbox.$inc },
        { returnDocument: 'after' },
      )
      .lean<StoredOrganisation>()
      .exec();
    return doc ? { doc, events: { model: this.model.modelName, id } } : null;
  }

  /**
   * Replaces the sign-in links if `signInRevision` is still the stored one (FerretDB v1
   * has no positional `$` or arrayFilters: the whole list is compared-and-set), with the
   * events if any. Null when the links changed meanwhile.
   */
  async replaceSignInLinksIfRevision(
    id: string,
    signInRevision: number,
    links: SignInLink[],
    events: OutboxEntry[] = [],
  ): Promise<StoredEvents | null> {
    const outbox = events.length ? appendToOutbox(events) : undefined;
    const update = outbox
      ? { $set: { ...outbox.$set, signInLinks: links }, $inc: { ...outbox.$inc, signInRevision: 1 } }
      : { $set: { signInLinks: links }, $inc: { signInRevision: 1 } };
    const result = await this.model.updateOne({ _id: id, signInRevision }, update);
    return result.matchedCount === 1 ? { model: this.model.modelName, id } : null;
  }

  /**
   * Stores the erased organisation (`data` without its people, no contacts or links,
   * withdrawn) at `revision + 1` with its events, if it is still at `revision`.
   */
  async eraseIfRevision(
    id: string,
    revision: number,
    erased: { data: Organisation; withdrawnAt: Date; now: Date },
    events: OutboxEntry[],
  ): Promise<OrganisationWrite | null> {
    const outbox = appendToOutbox(events);
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, revision },
        {
          $set: {
            ...outbox.$set,
            data: erased.data,
            contactEmails: [],
            signInLinks: [],
            status: 'withdrawn',
            withdrawnAt: erased.withdrawnAt,
            erasedAt: erased.now,
            revision: revision + 1,
            updatedAt: erased.now,
          },
          $inc: outbox.$inc,
        },
        { returnDocument: 'after' },
      )
      .lean<StoredOrganisation>()
      .exec();
    return doc ? { doc, events: { model: this.model.modelName, id, handed: pendingIn(outbox) } } : null;
  }

  /** Organisations a sign-up may duplicate: the same name and place, or one of its contact addresses (at most 20). */
  findPossibleDuplicates(organisation: Organisation): Promise<StoredOrganisation[]> {
    return this.model
      .find({
        $or: [{ nameKey: nameKeyOf(organisation) }, { contactEmails: { $in: contactEmailsOf(organisation) } }],
        status: { $in: ['active', 'unconfirmed', 'awaiting_approval'] },
      })
      .limit(20)
      .lean<StoredOrganisation[]>()
      .exec();
  }

  /** Stores an organisation that signed up itself, unconfirmed and at revision 0 (it exists for others once approved), with its mail. */
  async insertSignUp(
    organisation: Organisation,
    now: Date,
    signUp: SignUpRecord,
    events: OutboxEntry[],
  ): Promise<{ kind: 'inserted'; events: StoredEvents } | { kind: 'duplicate' }> {
    try {
      await this.model.create({
        _id: organisation.id,
        data: organisation,
        status: 'unconfirmed',
        signUp,
        revision: 0,
        createdAt: now,
        updatedAt: now,
        contactEmails: contactEmailsOf(organisation),
        nameKey: nameKeyOf(organisation),
        signInLinks: [],
        signInRevision: 0,
        ...initialOutbox(events),
      });
    } catch (error) {
      if (isDuplicateKey(error)) return { kind: 'duplicate' };
      throw error;
    }
    return { kind: 'inserted', events: { model: this.model.modelName, id: organisation.id } };
  }

  /** The organisation whose sign-up link has this hash, whatever became of it. */
  findBySignUpHash(hash: string): Promise<StoredOrganisation | null> {
    return this.model.findOne({ 'signUp.confirmationHash': hash }).lean<StoredOrganisation>().exec();
  }

  /** An unconfirmed sign-up confirmed, with its event, in one conditional write; null when it was not unconfirmed. */
  async confirmSignUp(id: string, now: Date, events: OutboxEntry[]): Promise<OrganisationWrite | null> {
    const outbox = appendToOutbox(events);
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, status: 'unconfirmed' },
        { $set: { ...outbox.$set, status: 'awaiting_approval', 'signUp.confirmedAt': now, updatedAt: now }, $inc: outbox.$inc },
        { returnDocument: 'after' },
      )
      .lean<StoredOrganisation>()
      .exec();
    return doc ? { doc, events: { model: this.model.modelName, id, handed: pendingIn(outbox) } } : null;
  }

  /**
   * A broker's decision on a confirmed sign-up, with its events, in one conditional write:
   * approved, the organisation becomes active at revision 1; rejected, it stays out.
   * Null when it was not awaiting approval (decided before: a redelivery).
   */
  async decideSignUp(
    id: string,
    decision: { approved: boolean; decidedBy: string; reason?: string; now: Date },
    events: OutboxEntry[],
  ): Promise<OrganisationWrite | null> {
    const outbox = appendToOutbox(events);
    const set = {
      ...outbox.$set,
      status: decision.approved ? 'active' : 'rejected',
      revision: decision.approved ? 1 : 0,
      'signUp.decidedAt': decision.now,
      'signUp.decidedBy': decision.decidedBy,
      ...(decision.reason ? { 'signUp.reason': decision.reason } : {}),
      updatedAt: decision.now,
    };
    const doc = await this.model
      .findOneAndUpdate({ _id: id, status: 'awaiting_approval' }, { $set: set, $inc: outbox.$inc }, { returnDocument: 'after' })
      .lean<StoredOrganisation>()
      .exec();
    return doc ? { doc, events: { model: this.model.modelName, id, handed: pendingIn(outbox) } } : null;
  }
}
