import { Schema, type Connection, type Model } from 'mongoose';
import { appendToOutbox, outboxSchemaFields, type OutboxEntry, type OutboxFields } from '@koppel/messaging';
import { insertOnce } from './duplicate-key';

/**
 * One provider's digest of one day. `_id` is `<providerId>:<YYYY-MM-DD>`:
 * whichever notifier instance inserts it first sends it; the others get a
 * duplicate key and leave it. `leaseUntil` lets another instance take over a
 * digest whose sender died before marking it sent.
 */
export interface DigestDoc {
  _id: string;
  providerId: string;
  day: string;
  to: string;
  status: 'sending' | 'sent' | 'failed';
  attempts: number;
  leaseUntil: Date;
  messageId: string;
  itemIds: string[];
  createdAt: Date;
  sentAt?: Date;
  lastError?: string;
  pendingEvents: OutboxFields['pendingEvents'];
  pendingEventCount: number;
}

export function createDigestModel(connection: Connection): Model<DigestDoc> {
  const schema = new Schema<DigestDoc>(
    {
      _id: { type: String, required: true },
      providerId: { type: String, required: true },
      day: { type: String, required: true },
      to: { type: String, required: true },
      status: { type: String, enum: ['sending', 'sent', 'failed'], required: true },
      attempts: { type: Number, default: 0 },
      leaseUntil: { type: Date, required: true },
      messageId: { type: String, required: true },
      itemIds: { type: [String], default: () => [] },
      createdAt: { type: Date, required: true },
      sentAt: Date,
      lastError: String,
      ...outboxSchemaFields,
    },
    { collection: 'digests', versionKey: false, minimize: false },
  );
  schema.index({ status: 1, leaseUntil: 1 });
  return connection.model<DigestDoc>('Digest', schema);
}

/** The daily digests: claimed once per provider and day, leased, marked sent or failed with their events, erased, purged. */
export interface DigestStore {
  /** Inserts the digest ('sending', leased); false when it exists (another instance has it, or it went out already). */
  claim(digest: Pick<DigestDoc, '_id' | 'providerId' | 'day' | 'to' | 'leaseUntil' | 'messageId' | 'createdAt'>): Promise<boolean>;
  /** Counts an attempt on a digest still 'sending'; returns it as it is now, or null when it is sent or failed. */
  startAttempt(id: string): Promise<DigestDoc | null>;
  /** Up to `limit` digests still 'sending' whose lease ran out before `now`. */
  listLeaseExpired(now: Date, limit: number): Promise<Array<Pick<DigestDoc, '_id' | 'leaseUntil'>>>;
  /** Takes over a digest whose lease is still the one read (nobody took it meanwhile); false when another instance was first. */
  takeOver(id: string, readLease: Date, leaseUntil: Date): Promise<boolean>;
  /** Marks a digest still 'sending' that took no items sent (nothing to mail). */
  markEmpty(id: string, at: Date): Promise<void>;
  /** Keeps why the last attempt failed; the lease decides when it is tried again. */
  recordFailedAttempt(id: string, reason: string): Promise<void>;
  /** Marks the digest sent, with the items it carried and its events in the same write. */
  markSent(id: string, sentAt: Date, itemIds: string[], events: OutboxEntry[]): Promise<void>;
  /** Marks a digest still 'sending' failed, with its items and events in the same write; false when it was not 'sending'. */
  markFailed(id: string, reason: string, itemIds: string[], events: OutboxEntry[]): Promise<boolean>;
  /** Replaces the address of every digest for this provider. */
  eraseRecipient(providerId: string, erasedEmail: string): Promise<void>;
  /** Deletes the finished digests (sent or failed, events published) created before `cutoff`; returns how many. */
  purgeFinishedBefore(cutoff: Date): Promise<number>;
}

export function digestStore(model: Model<DigestDoc>): DigestStore {
  return {
    claim: (digest) => insertOnce(model, { ...digest, status: 'sending', attempts: 0, itemIds: [] }),
    startAttempt: (id) =>
      model
        .findOneAndUpdate({ _id: id, status: 'sending' }, { $inc: { attempts: 1 } }, { returnDocument: 'after' })
        .lean<DigestDoc>()
        .exec(),
    listLeaseExpired: (now, limit) =>
      model
        .find({ status: 'sending', leaseUntil: { $lt: now } }, { _id: 1, leaseUntil: 1 })
        .limit(limit)
        .lean<Array<Pick<DigestDoc, '_id' | 'leaseUntil'>>>()
        .exec(),
    takeOver: async (id, readLease, leaseUntil) =>
      (await model.updateOne({ _id: id, status: 'sending', leaseUntil: readLease }, { $set: { leaseUntil } })).modifiedCount === 1,
    markEmpty: async (id, at) => {
      await model.updateOne({ _id: id, status: 'sending' }, { $set: { status: 'sent', sentAt: at } });
    },
    recordFailedAttempt: async (id, reason) => {
      await model.updateOne({ _id: id }, { $set: { lastError: reason } });
    },
    markSent: async (id, sentAt, itemIds, events) => {
      const outbox = appendToOutbox(events);
      await model.updateOne(
        { _id: id },
        { ...outbox, $set: { ...outbox.$set, status: 'sent', sentAt, itemIds }, $unset: { lastError: 1 } },
      );
    },
    markFailed: async (id, reason, itemIds, events) => {
      const outbox = appendToOutbox(events);
      const result = await model.updateOne(
        { _id: id, status: 'sending' },
        { ...outbox, $set: { ...outbox.$set, status: 'failed', lastError: reason, itemIds } },
      );
      return result.modifiedCount === 1;
    },
    eraseRecipient: async (providerId, erasedEmail) => {
      await model.updateMany({ providerId }, { $set: { to: erasedEmail } });
    },
    purgeFinishedBefore: async (cutoff) =>
      (await model.deleteMany({ createdAt: { $lt: cutoff }, status: { $in: ['sent', 'failed'] }, pendingEventCount: 0 })).deletedCount,
  };
}
