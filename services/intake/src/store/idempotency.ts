import { createHash } from 'node:crypto';
import { HttpProblem } from '@koppel/http';
import type { Request } from 'express';
import type { Model } from 'mongoose';
import type { Principal } from '../auth/authenticate';
import type { IdempotencyRecord } from './models';

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
 * The Idempotency-Key of a POST, scoped to the caller (two clients may pick the
 * same key), with a hash of the body. Undefined when the header is absent.
 */
export function idempotencyOf(req: Request, principal: Principal): IdempotencyRecord | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key))
    throw new HttpProblem(400, 'Invalid Idempotency-Key', 'Use 1 to 200 visible ASCII characters, e.g. a UUID.');
  return {
    scope: principal.org ?? `admin:${principal.sub}`,
    key,
    bodyHash: createHash('sha256')
      .update(canonicalJson(req.body ?? null))
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

/** What to answer when a document with this key already exists: its first result, or a 409 for another body. */
export function assertSameBody(existing: IdempotencyRecord | undefined, record: IdempotencyRecord): void {
  if (existing && existing.bodyHash !== record.bodyHash) {
    throw new HttpProblem(
      409,
      'Idempotency-Key reused',
      'This Idempotency-Key was used before with another body; use a new key for a new request.',
    );
  }
}

/**
 * The document an earlier POST with this key created, when it can only be found by
 * the key: a body that names its own id (the index on the key). Without an id in
 * the body the id is derived from the key, so the create itself is the check: a
 * retry collides on `_id`, and the caller answers from the document it finds.
 */
export async function findByIdempotency<T>(model: Model<any>, record: IdempotencyRecord, body: unknown): Promise<T | null> {
  const namesId = typeof body === 'object' && body !== null && 'id' in body;
  if (!namesId) return null;
  return (await model.findOne({ 'idempotency.scope': record.scope, 'idempotency.key': record.key }).lean()) as T | null;
}
