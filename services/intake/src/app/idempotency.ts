import { createHash } from 'node:crypto';
import type { IdempotencyRecord } from '../store/models';
import type { Principal } from './principal';

/** JSON with sorted keys, so that the same body hashes the same whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The Idempotency-Key of a create, scoped to the caller (two clients may pick the
 * same key), with a hash of the body as sent.
 */
export function idempotencyRecord(principal: Principal, key: string, body: unknown): IdempotencyRecord {
  return {
    scope: principal.org ?? `admin:${principal.sub}`,
    key,
    bodyHash: createHash('sha256')
      .update(canonicalJson(body ?? null))
      .digest('hex'),
  };
}

/**
 * The id a keyed create gets when the body names none: derived from scope and
 * key, so two concurrent retries collide on the unique _id and only one document
 * is ever created (no transactions needed).
 */
export function idFromIdempotency(prefix: string, record: IdempotencyRecord): string {
  return `${prefix}-${createHash('sha256').update(`${record.scope}\n${record.key}`).digest('hex').slice(0, 32)}`;
}

/**
 * Whether an earlier create can only be found by its key: a body that names its own
 * id (the index on the key). Without an id in the body the id is derived from the
 * key, so the create itself is the check: a retry collides on `_id`, and the answer
 * comes from the document it finds.
 */
export function findsEarlierByKey(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'id' in body;
}

/** A create that an earlier one with the same key already made: its result again, or a conflict for another body. */
export type Replay<D> = { kind: 'replayed'; doc: D } | { kind: 'key-reused' };

/** What to answer when a document with this key exists: its first result, or 'key-reused' for another body. */
export function replayOf<D extends { idempotency?: IdempotencyRecord }>(existing: D, record: IdempotencyRecord): Replay<D> {
  return existing.idempotency && existing.idempotency.bodyHash !== record.bodyHash
    ? { kind: 'key-reused' }
    : { kind: 'replayed', doc: existing };
}

/** Whether a document was created with this very key (the same caller's scope and key). */
export function createdWithKey(existing: { idempotency?: IdempotencyRecord }, record: IdempotencyRecord): boolean {
  return existing.idempotency?.scope === record.scope && existing.idempotency.key === record.key;
}
