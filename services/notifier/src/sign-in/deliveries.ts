import { Schema, type Connection, type Model } from 'mongoose';

/**
 * One sign-in mail, keyed by the `signin.link-requested` event id: the unique
 * `_id` makes a redelivered event find its mail already claimed. The link
 * itself is a secret and is not stored here (it lives only in the event and
 * the mail); `to` is kept so an operator can see who was mailed.
 */
export interface SignInDeliveryDoc {
  _id: string;
  to: string;
  status: 'sending' | 'sent' | 'expired';
  attempts: number;
  messageId: string;
  createdAt: Date;
  sentAt?: Date;
}

export function createSignInDeliveryModel(connection: Connection): Model<SignInDeliveryDoc> {
  const schema = new Schema<SignInDeliveryDoc>(
    {
      _id: { type: String, required: true },
      to: { type: String, required: true },
      status: { type: String, enum: ['sending', 'sent', 'expired'], required: true },
      attempts: { type: Number, default: 0 },
      messageId: { type: String, required: true },
      createdAt: { type: Date, required: true },
      sentAt: Date,
    },
    { collection: 'signin_deliveries', versionKey: false },
  );
  return connection.model<SignInDeliveryDoc>('SignInDelivery', schema);
}
