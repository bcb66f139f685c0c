import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Something withdrawn: an offer or request (`offer:<id>`, `request:<id>`) or a whole
 * organisation (`organisation:<id>`). Proposals for it that arrive later are not open
 * either, and a withdrawn organisation's tokens and console sessions are refused.
 */
export interface WithdrawnDoc {
  _id: string;
  at: Date;
}

export function createWithdrawnModel(connection: Connection): Model<WithdrawnDoc> {
  // The collection keeps its first name (it held listings only): existing databases need no migration.
  return connection.model<WithdrawnDoc>(
    'Withdrawn',
    new Schema<WithdrawnDoc>(
      { _id: { type: String, required: true }, at: { type: Date, required: true } },
      { collection: 'withdrawn_listings', versionKey: false },
    ),
  );
}

/** The keys of what was withdrawn (`offer:<id>`, `request:<id>`, `organisation:<id>`). */
export interface WithdrawnStore {
  /** Records a withdrawal; the first time it was seen is kept. */
  add(key: string, at: Date): Promise<void>;
  /** Which of these keys were withdrawn (one read by `_id`). */
  among(keys: string[]): Promise<Set<string>>;
  has(key: string): Promise<boolean>;
}

export function withdrawnStore(model: Model<WithdrawnDoc>): WithdrawnStore {
  return {
    add: async (key, at) => {
      await model.updateOne({ _id: key }, { $setOnInsert: { at } }, { upsert: true }).exec();
    },
    among: async (keys) => {
      const unique = [...new Set(keys)];
      if (unique.length === 0) return new Set();
      const found = await model
        .find({ _id: { $in: unique } }, { _id: 1 })
        .lean<Array<Pick<WithdrawnDoc, '_id'>>>()
        .exec();
      return new Set(found.map((d) => d._id));
    },
    has: async (key) => (await model.exists({ _id: key }).exec()) !== null,
  };
}
