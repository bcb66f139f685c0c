import { Schema, type Connection, type Model } from 'mongoose';
import type { MailKind, MatchSide, MatchSnapshot, Party } from '@koppel/contracts';
import { outboxSchemaFields, type OutboxFields } from '@koppel/messaging';

export type Recipient = MatchSide;

/**
 * A match snapshot with both sides' addresses filled in from the organisations' contacts
 * (`addressedMatch`): match events carry none (issue #11).
 */
export type AddressedMatch = MatchSnapshot & { school: Party & { email: string }; provider: Party & { email: string } };

/** What a mail is rendered from; kept with the delivery so a resend renders the same mail. */
export interface MailSource {
  match: AddressedMatch;
  note?: string;
}

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
  /** When the last send was tried: a 'sending' delivery untried for longer than a lease was stranded (sweep-stranded-deliveries.ts). */
  attemptedAt?: Date;
  sentAt?: Date;
  pendingEvents: OutboxFields['pendingEvents'];
  pendingEventCount: number;
}

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
