import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Text only its intended reader can open: AES-256-GCM with a key derived from a
 * secret that two services share (intake seals a sign-in link, the notifier opens
 * it to mail it). Whoever reads the topic, a dead-letter topic or intake's outbox
 * sees `v1.<iv>.<ciphertext+tag>`, which signs nobody in (issue #11). Tampering
 * makes `openSealed` throw.
 */
const VERSION = 'v1';
const TAG_BYTES = 16;

export const SealedTextSchema = z.string().regex(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/, 'must be sealed text (v1.<iv>.<data>)');

/** The shared secret as env gives it: long enough to derive a 256-bit key from. */
export const SealingSecretSchema = z
  .string()
  .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`), the same value in intake and the notifier');

function keyOf(secret: string): Buffer {
  return createHash('sha256').update(`koppel sealed text\u0000${secret}`).digest();
}

export function sealText(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${data.toString('base64url')}`;
}

export function openSealed(sealed: string, secret: string): string {
  const [version, iv, data] = sealed.split('.');
  if (version !== VERSION || !iv || !data) throw new Error('not sealed text of a known version');
  const bytes = Buffer.from(data, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
