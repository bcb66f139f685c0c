/** Whether an insert failed because a document with that `_id` exists: how every claim here is made (a unique key, not a transaction). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}
