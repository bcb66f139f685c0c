import { Schema, type Connection, type Model } from 'mongoose';
import type { Language } from '@koppel/contracts';
import { insertOnce } from './duplicate-key';
import type { MailSource, Recipient } from './mail-source';

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

/** A match waits for its provider's digest under `<matchId>:provider`: at most once. */
export function digestItemId(matchId: string): string {
  return `${matchId}:provider`;
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

/** The matches waiting for (or taken by) a provider's daily digest. */
export interface DigestItemStore {
  /** Inserts the item, waiting for a digest; false when the match was collected already. */
  collect(item: Omit<DigestItemDoc, 'digestId'>): Promise<boolean>;
  /** The item of a match, or null when it never went to a digest. */
  find(matchId: string): Promise<DigestItemDoc | null>;
  /** The provider (and its address) of each of up to `limit` items no digest has taken yet. */
  listWaiting(limit: number): Promise<Array<Pick<DigestItemDoc, 'providerId' | 'to'>>>;
  /** Gives a provider's waiting items to this digest. */
  takeWaiting(providerId: string, digestId: string): Promise<void>;
  /** The items a digest took, oldest first. */
  listOf(digestId: string): Promise<DigestItemDoc[]>;
  /** Replaces one side's name and address in every item about that organisation; returns how many changed. */
  eraseParty(side: Recipient, organisationId: string, erased: { name: string; email: string }): Promise<number>;
  /** Replaces the address of every item for this provider. */
  eraseRecipient(providerId: string, erasedEmail: string): Promise<void>;
  /** Deletes the items a digest took that were created before `cutoff` (a waiting one stays); returns how many. */
  purgeTakenBefore(cutoff: Date): Promise<number>;
}

export function digestItemStore(model: Model<DigestItemDoc>): DigestItemStore {
  return {
    collect: (item) => insertOnce(model, { ...item, digestId: null }),
    find: (matchId) => model.findById(digestItemId(matchId)).lean<DigestItemDoc>().exec(),
    listWaiting: (limit) =>
      model.find({ digestId: null }, { providerId: 1, to: 1 }).limit(limit).lean<Array<Pick<DigestItemDoc, 'providerId' | 'to'>>>().exec(),
    takeWaiting: async (providerId, digestId) => {
      await model.updateMany({ providerId, digestId: null }, { $set: { digestId } });
    },
    listOf: (digestId) => model.find({ digestId }).sort({ createdAt: 1 }).lean<DigestItemDoc[]>().exec(),
    eraseParty: async (side, organisationId, erased) =>
      (
        await model.updateMany(
          { [`source.match.${side}.id`]: organisationId },
          { $set: { [`source.match.${side}.name`]: erased.name, [`source.match.${side}.email`]: erased.email } },
        )
      ).modifiedCount,
    eraseRecipient: async (providerId, erasedEmail) => {
      await model.updateMany({ providerId }, { $set: { to: erasedEmail } });
    },
    purgeTakenBefore: async (cutoff) => (await model.deleteMany({ createdAt: { $lt: cutoff }, digestId: { $ne: null } })).deletedCount,
  };
}
