import type { Model } from 'mongoose';
import type { MatchableDoc } from './models';

/**
 * The matcher's copy of one kind of listing, in memory and in its database. Reads
 * come from memory (the database only for a listing this process has not seen, e.g.
 * one another instance stored); writes go to the database first, then to memory.
 * This takes the matcher's per-event reads off the database, and the writes of a
 * chunk of events go out as one bulk write.
 */
export class ListingStore<T> {
  private readonly copies = new Map<string, MatchableDoc<T>>();
  private readonly staged = new Map<string, MatchableDoc<T>>();
  private readonly model: Model<MatchableDoc<unknown>>;

  constructor(model: Model<MatchableDoc<T>>) {
    // mongoose's filter types do not resolve over a generic type parameter: the queries here
    // name only the fields MatchableDoc has whatever T is, and reads are typed back as MatchableDoc<T>.
    this.model = model as unknown as Model<MatchableDoc<unknown>>;
  }

  /** Loads the open listings (to rebuild the index from) and keeps them. */
  async loadOpen(): Promise<MatchableDoc<T>[]> {
    const docs = (await this.model.find({ open: true }).lean()) as MatchableDoc<T>[];
    for (const doc of docs) this.copies.set(doc._id, doc);
    return docs;
  }

  /**
   * The open listings of one organisation: those stored (`field` names the organisation's id
   * in the listing) and those this process holds, staged ones included. A query, not a read
   * by id: only on a withdrawal, which is rare.
   */
  async openOf(
    field: 'data.provider.id' | 'data.school.id',
    organisationId: string,
    organisationOf: (data: T) => string,
  ): Promise<MatchableDoc<T>[]> {
    const found = new Map<string, MatchableDoc<T>>();
    for (const doc of (await this.model.find({ open: true, [field]: organisationId }).lean()) as MatchableDoc<T>[])
      found.set(doc._id, this.copies.get(doc._id) ?? doc);
    for (const doc of this.copies.values()) if (organisationOf(doc.data) === organisationId) found.set(doc._id, doc);
    return [...found.values()].filter((doc) => doc.open);
  }

  /** Deletes every listing of one organisation, open or not, here and in the database (an erasure); returns their ids. */
  async eraseOf(
    field: 'data.provider.id' | 'data.school.id',
    organisationId: string,
    organisationOf: (data: T) => string,
  ): Promise<string[]> {
    await this.flush(); // nothing staged may write a copy back afterwards
    const ids = new Set(
      ((await this.model.find({ [field]: organisationId }, { _id: 1 }).lean()) as Array<{ _id: string }>).map((d) => d._id),
    );
    for (const doc of this.copies.values()) if (organisationOf(doc.data) === organisationId) ids.add(doc._id);
    await this.model.deleteMany({ [field]: organisationId });
    for (const id of ids) this.copies.delete(id);
    return [...ids];
  }

  async get(id: string): Promise<MatchableDoc<T> | null> {
    const known = this.copies.get(id);
    if (known) return known;
    const doc = (await this.model.findById(id).lean()) as MatchableDoc<T> | null;
    if (doc) this.copies.set(id, doc);
    return doc;
  }

  /** Keeps the new state at once; the database write waits for `flush` (one bulk write for a chunk of events). */
  stage(doc: MatchableDoc<T>): void {
    this.copies.set(doc._id, doc);
    this.staged.set(doc._id, doc);
  }

  /**
   * Writes what was staged, in one ordered bulk write. If it fails, the staged
   * listings are forgotten from memory too, so a retry reads the database again
   * instead of trusting a state that was never stored.
   */
  async flush(): Promise<void> {
    if (this.staged.size === 0) return;
    const docs = [...this.staged.values()];
    this.staged.clear();
    try {
      await this.model.bulkWrite(
        docs.map(({ _id, ...fields }) => ({ updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } })),
        { ordered: true },
      );
    } catch (error) {
      for (const doc of docs) this.copies.delete(doc._id);
      throw error;
    }
  }
}
