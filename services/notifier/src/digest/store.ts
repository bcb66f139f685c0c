import { Schema, type Connection, type Model } from 'mongoose';
import type { Language } from '@koppel/contracts';
import { outboxSchemaFields, type OutboxFields } from '@koppel/messaging';
import type { MailSource } from '../store/deliveries';

/**
 * An approved match waiting for its provider's daily digest. `_id` is
 * `<matchId>:provider`, so a redelivered approval collects nothing twice;
 * `digestId` is set by the digest that takes it (null until then).
 */
export interface DigestItemDoc {
  _id: string;
  providerId: string;
  to: string;
  language: Language;
  source: MailSource;
  digestId: string | null;
  createdAt: Date;
}

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

export function createDigestItemModel(connection: Connection): Model<DigestItemDoc> {
  const schema = new Schema<DigestItemDoc>(
    {
      _id: { type: String, required: true },
      providerId: { type: String, required: true },
      to: { type: String, required: true },
      language: { type: String, required: true },
      source: { type: Object, required: true },
      digestId: { type: String, default: null },
      createdAt: { type: Date, required: true },
    },
    { collection: 'digest_items', versionKey: false, minimize: false },
  );
  schema.index({ digestId: 1, providerId: 1 });
  return connection.model<DigestItemDoc>('DigestItem', schema);
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
