import { Schema, type Connection, type Model } from 'mongoose';

export type Recipient = 'school' | 'provider';

/**
 * One mail to one recipient about one match. `_id` is `<matchId>:<recipient>`,
 * so a unique key (not a transaction) guarantees the mail is claimed once.
 */
export interface DeliveryDoc {
  _id: string;
  matchId: string;
  recipient: Recipient;
  to: string;
  status: 'sending' | 'sent';
  attempts: number;
  messageId: string;
  sourceEventId: string;
  createdAt: Date;
  sentAt?: Date;
}

export function createDeliveryModel(connection: Connection): Model<DeliveryDoc> {
  const schema = new Schema<DeliveryDoc>(
    {
      _id: { type: String, required: true },
      matchId: { type: String, required: true, index: true },
      recipient: { type: String, enum: ['school', 'provider'], required: true },
      to: { type: String, required: true },
      status: { type: String, enum: ['sending', 'sent'], required: true },
      attempts: { type: Number, default: 0 },
      messageId: { type: String, required: true },
      sourceEventId: { type: String, required: true },
      createdAt: { type: Date, required: true },
      sentAt: Date,
    },
    { collection: 'deliveries', versionKey: false },
  );
  return connection.model<DeliveryDoc>('Delivery', schema);
}
