import { z } from 'zod';
import { REGIONS, type RegionName } from '../../app/regions/province-of-postcode';

const Count = z.coerce.number().int().min(0).max(1000);
const Region = z.enum(REGIONS as [RegionName, ...RegionName[]]);

/**
 * What a form post tells the next page (post/redirect/get). The redirect
 * carries a key and its parameters, not a sentence: the page says it in the
 * reader's language, and nobody can make the console show a text of their own
 * by sending a broker a link (only known keys and numbers or region names pass).
 */
export const FlashSchema = z.discriminatedUnion('key', [
  z.object({ key: z.literal('bulk-none-ticked') }),
  z.object({ key: z.literal('bulk-approved'), approved: Count, skipped: Count }),
  z.object({ key: z.literal('note-saved') }),
  z.object({ key: z.literal('note-locked') }),
  z.object({ key: z.literal('approved') }),
  z.object({ key: z.literal('rejected') }),
  z.object({ key: z.literal('already-decided') }),
  z.object({ key: z.literal('resend-requested') }),
  z.object({ key: z.literal('resend-not-failed') }),
  z.object({ key: z.literal('policy-invalid') }),
  z.object({ key: z.literal('policy-saved'), region: Region }),
  z.object({ key: z.literal('sign-up-approved') }),
  z.object({ key: z.literal('sign-up-rejected') }),
  z.object({ key: z.literal('sign-up-already-decided') }),
]);
export type Flash = z.infer<typeof FlashSchema>;
export type FlashKey = Flash['key'];

/** One sentence per key, given that key's parameters: each language must say every one. */
export type FlashMessages = { [K in FlashKey]: (flash: Extract<Flash, { key: K }>) => string };

/** Whether the message reports something done (ok) or something that did not happen (warn). */
export const FLASH_TONE: Record<FlashKey, 'ok' | 'warn'> = {
  'bulk-none-ticked': 'warn',
  'bulk-approved': 'ok',
  'note-saved': 'ok',
  'note-locked': 'warn',
  approved: 'ok',
  rejected: 'ok',
  'already-decided': 'warn',
  'resend-requested': 'ok',
  'resend-not-failed': 'warn',
  'policy-invalid': 'warn',
  'policy-saved': 'ok',
  'sign-up-approved': 'ok',
  'sign-up-rejected': 'ok',
  'sign-up-already-decided': 'warn',
};

const PREFIX = 'flash.';

/** The query string that carries a flash: `flash=<key>` and `flash.<param>=<value>` per parameter. */
export function flashQuery(flash: Flash): string {
  const params = new URLSearchParams({ flash: flash.key });
  for (const [name, value] of Object.entries(flash)) if (name !== 'key') params.set(`${PREFIX}${name}`, String(value));
  return params.toString();
}

/** The flash in a page's query, or undefined when there is none or it does not validate (the page then shows no message). */
export function flashOf(query: Record<string, unknown>): Flash | undefined {
  const raw: Record<string, unknown> = { key: query.flash };
  for (const [name, value] of Object.entries(query)) if (name.startsWith(PREFIX)) raw[name.slice(PREFIX.length)] = value;
  const parsed = FlashSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
