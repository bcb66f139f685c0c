import { createHash } from 'node:crypto';

/** SHA-256 hex of a secret: what is stored instead of the secret itself (sign-in links, idempotency bodies). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
