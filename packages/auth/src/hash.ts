import { createHash } from 'node:crypto';

/** SHA-256 hex of a secret: what is stored instead of the secret itself (sign-in links, idempotency bodies). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * How events name an address without carrying it (an erasure's addresses, the contact a
 * match's side is mailed at): SHA-256 (hex) of its trimmed, lower-cased form.
 */
export function addressHashOf(address: string): string {
  return sha256Hex(address.trim().toLowerCase());
}
