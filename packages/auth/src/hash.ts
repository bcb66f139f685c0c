import { createHash } from 'node:crypto';

/** SHA-256 hex of a secret: what is stored instead of the secret itself (sign-in links, idempotency bodies). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** The hash an erasure event names an address by: SHA-256 (hex) of its trimmed, lower-cased form. */
export function erasureHashOf(address: string): string {
  return sha256Hex(address.trim().toLowerCase());
}
