import { Schema, type Connection, type Model } from 'mongoose';
import { insertOnce } from './duplicate-key';

/** Which mail a record is: a sign-in link, or one of a sign-up's three mails (issue #13). */
export const SIGN_IN_MAIL_KINDS = ['sign-in', 'signup-confirm', 'signup-approved', 'signup-rejected'] as const;
export type SignInMailKind = (typeof SIGN_IN_MAIL_KINDS)[number];

/**
 * One sign-in or sign-up mail, keyed by the id of its `signin.link-requested` or
 * `signup.mail-requested` event: the unique `_id` makes a redelivered event find
 * its mail already claimed. The link itself is a secret and is not stored here
 * (it lives only in the event and the mail); `to` is kept so an operator can see
 * who was mailed (and an erasure can find it). A record without `kind` (older) is a sign-in mail.
 */
export interface SignInDeliveryDoc {
  _id: string;
  kind?: SignInMailKind;
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
      kind: { type: String, enum: SIGN_IN_MAIL_KINDS },
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

/** The sign-in and sign-up mails: claimed once per event, tried, marked sent or expired, erased, purged. */
export interface SignInDeliveryStore {
  /** Inserts the mail ('sending'); false when it exists (a redelivered event). */
  claim(delivery: Pick<SignInDeliveryDoc, '_id' | 'kind' | 'to' | 'messageId' | 'createdAt'>): Promise<boolean>;
  /** Counts an attempt on a mail still 'sending'; returns it as it is now, or null when it was sent or expired already. */
  startAttempt(id: string): Promise<SignInDeliveryDoc | null>;
  /** Marks a mail still 'sending' expired (its link ran out before it could be mailed). */
  markExpired(id: string): Promise<void>;
  markSent(id: string, sentAt: Date): Promise<void>;
  /** Every sign-in and sign-up mail's id and address: a scan of a small collection (kept 8 days), for an erasure. */
  listAddresses(): Promise<Array<Pick<SignInDeliveryDoc, '_id' | 'to'>>>;
  /** Deletes these mails. */
  delete(ids: string[]): Promise<void>;
  /** Deletes the mails created before `cutoff`; returns how many. */
  purgeBefore(cutoff: Date): Promise<number>;
}

export function signInDeliveryStore(model: Model<SignInDeliveryDoc>): SignInDeliveryStore {
  return {
    claim: (delivery) => insertOnce(model, { ...delivery, status: 'sending', attempts: 0 }),
    startAttempt: (id) =>
      model
        .findOneAndUpdate({ _id: id, status: 'sending' }, { $inc: { attempts: 1 } }, { returnDocument: 'after' })
        .lean<SignInDeliveryDoc>()
        .exec(),
    markExpired: async (id) => {
      await model.updateOne({ _id: id, status: 'sending' }, { $set: { status: 'expired' } });
    },
    markSent: async (id, sentAt) => {
      await model.updateOne({ _id: id }, { $set: { status: 'sent', sentAt } });
    },
    listAddresses: () => model.find({}, { _id: 1, to: 1 }).lean<Array<Pick<SignInDeliveryDoc, '_id' | 'to'>>>().exec(),
    delete: async (ids) => {
      await model.deleteMany({ _id: { $in: ids } });
    },
    purgeBefore: async (cutoff) => (await model.deleteMany({ createdAt: { $lt: cutoff } })).deletedCount,
  };
}
