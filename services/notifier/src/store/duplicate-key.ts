import type { Model } from 'mongoose';

/** Whether an insert failed because a document with that `_id` exists: how every claim here is made (a unique key, not a transaction). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}

/** Inserts `doc` unless a document with its `_id` exists: true when this insert made it (the claim is ours), false when one was there. */
export async function insertOnce<T>(model: Model<T>, doc: Partial<T>): Promise<boolean> {
  try {
    await model.create(doc);
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false;
  }
}
