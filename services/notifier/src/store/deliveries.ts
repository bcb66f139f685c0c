import { Schema, type Connection, type Model } from 'mongoose';
import type { MailKind } from '@koppel/contracts';
import { appendToOutbox, outboxSchemaFields, type OutboxEntry, type OutboxFields } from '@koppel/messaging';
import { insertOnce } from './duplicate-key';
import type { MailSource, Recipient } from './mail-source';

/**
 * One mail to one recipient about one match. `_id` is `<matchId>:<recipient>`
 * for the approval mail (as before) and `<matchId>:<recipient>:confirmed` for the
 * confirmation, so a unique key (not a transaction) guarantees the mail is
 * claimed once. The outbox carries mail.sent / mail.failed to review.
 */
export interface DeliveryDoc {
  _id: string;
  matchId: string;
  recipient: Recipient;
  kind: MailKind;
  to: string;
  status: 'sending' | 'sent' | 'failed';
  attempts: number;
  messageId: string;
  sourceEventId: string;
  source: MailSource;
  lastError?: string;
  /** Ids of the resend requests already carried out, so a redelivered request sends nothing. */
  resends: string[];
  createdAt: Date;
  /** When the last send was tried: a 'sending' delivery untried for longer than a lease was stranded (app/sweep-stranded-deliveries.ts). */
  attemptedAt?: Date;
  sentAt?: Date;
  pendingEvents: OutboxFields['pendingEvents'];
  pendingEventCount: number;
}

/** What a claim inserts: the delivery as it starts, 'sending' with no attempt yet. */
export type NewDelivery = Pick<
  DeliveryDoc,
  '_id' | 'matchId' | 'recipient' | 'kind' | 'to' | 'messageId' | 'sourceEventId' | 'source' | 'resends' | 'createdAt'
>;

export function deliveryId(matchId: string, recipient: Recipient, kind: MailKind): string {
  return kind === 'approved' ? `${matchId}:${recipient}` : `${matchId}:${recipient}:${kind}`;
}

export function createDeliveryModel(connection: Connection): Model<DeliveryDoc> {
  const schema = new Schema<DeliveryDoc>(
    {
      _id: { type: String, required: true },
      matchId: { type: String, required: true, index: true },
      recipient: { type: String, enum: ['school', 'provider'], required: true },
      kind: { type: String, enum: ['approved', 'confirmed'], default: 'approved' },
      to: { type: String, required: true },
      status: { type: String, enum: ['sending', 'sent', 'failed'], required: true },
      attempts: { type: Number, default: 0 },
      messageId: { type: String, required: true },
      sourceEventId: { type: String, required: true },
      source: { type: Object, required: true },
      lastError: String,
      resends: { type: [String], default: () => [] },
      createdAt: { type: Date, required: true },
      attemptedAt: Date,
      sentAt: Date,
      ...outboxSchemaFields,
    },
    { collection: 'deliveries', versionKey: false, minimize: false },
  );
  return connection.model<DeliveryDoc>('Delivery', schema);
}

/** The match mails: claimed once, tried, marked sent or failed with their events, erased, purged. */
export interface DeliveryStore {
  /** The delivery, or null when this mail was never claimed. */
  find(id: string): Promise<DeliveryDoc | null>;
  /** Inserts the delivery ('sending'); false when it exists (another attempt claimed it first). */
  claim(delivery: NewDelivery): Promise<boolean>;
  /** Counts an attempt (and when it was made) on a delivery not yet sent; returns it as it is now, or null when it was sent meanwhile. */
  startAttempt(id: string): Promise<DeliveryDoc | null>;
  /** Marks the delivery sent, with its events in the same write. */
  markSent(id: string, sentAt: Date, events: OutboxEntry[]): Promise<void>;
  /** Marks a delivery still 'sending' failed, with its events in the same write; false when it was not 'sending' (reported already). */
  markFailed(id: string, reason: string, events: OutboxEntry[]): Promise<boolean>;
  /** Reopens the delivery for a resend request not carried out yet, recording the request in the same write; false when nothing changed. */
  reopenForResend(id: string, requestId: string): Promise<boolean>;
  /** Up to `limit` deliveries still 'sending', with when they were claimed and last tried. */
  listSending(limit: number): Promise<Array<Pick<DeliveryDoc, '_id' | 'attemptedAt' | 'createdAt'>>>;
  /** Replaces one side's name and address in every delivery about that organisation, and `to` where it was the recipient; returns the writes that changed something. */
  eraseParty(side: Recipient, organisationId: string, erased: { name: string; email: string }): Promise<number>;
  /** Deletes the finished deliveries (sent or failed, events published) created before `cutoff`; returns how many. */
  purgeFinishedBefore(cutoff: Date): Promise<number>;
}

export function deliveryStore(model: Model<DeliveryDoc>): DeliveryStore {
  return {
    find: (id) => model.findById(id).lean<DeliveryDoc>().exec(),
    claim: (delivery) => insertOnce(model, { ...delivery, status: 'sending', attempts: 0 }),
    startAttempt: (id) =>
      model
        .findOneAndUpdate(
          { _id: id, status: { $ne: 'sent' } },
          { $inc: { attempts: 1 }, $set: { attemptedAt: new Date() } },
          { returnDocument: 'after' },
        )
        .lean<DeliveryDoc>()
        .exec(),
    markSent: async (id, sentAt, events) => {
      const outbox = appendToOutbox(events);
      await model.updateOne({ _id: id }, { ...outbox, $set: { ...outbox.$set, status: 'sent', sentAt }, $unset: { lastError: 1 } });
    },
    markFailed: async (id, reason, events) => {
      const outbox = appendToOutbox(events);
      const result = await model.updateOne(
        { _id: id, status: 'sending' },
        { ...outbox, $set: { ...outbox.$set, status: 'failed', lastError: reason } },
      );
      return result.modifiedCount === 1;
    },
    reopenForResend: async (id, requestId) => {
      const reopened = await model.updateOne(
        { _id: id, resends: { $ne: requestId } },
        { $set: { status: 'sending', attempts: 0 }, $push: { resends: requestId } },
      );
      return reopened.modifiedCount > 0;
    },
    listSending: (limit) =>
      model
        .find({ status: 'sending' }, { _id: 1, attemptedAt: 1, createdAt: 1 })
        .limit(limit)
        .lean<Array<Pick<DeliveryDoc, '_id' | 'attemptedAt' | 'createdAt'>>>()
        .exec(),
    eraseParty: async (side, organisationId, erased) => {
      const mails = await model.updateMany(
        { [`source.match.${side}.id`]: organisationId },
        { $set: { [`source.match.${side}.name`]: erased.name, [`source.match.${side}.email`]: erased.email } },
      );
      const ownMails = await model.updateMany(
        { [`source.match.${side}.id`]: organisationId, recipient: side },
        { $set: { to: erased.email } },
      );
      return mails.modifiedCount + ownMails.modifiedCount;
    },
    purgeFinishedBefore: async (cutoff) =>
      (await model.deleteMany({ createdAt: { $lt: cutoff }, status: { $in: ['sent', 'failed'] }, pendingEventCount: 0 })).deletedCount,
  };
}
