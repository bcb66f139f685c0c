import type { Language } from '@koppel/contracts';
import { en } from './en';
import { fr } from './fr';
import { nl, type ReviewCopy } from './nl';

export type { ReviewCopy };

/** Review's words per language (console, sign-in and answer pages): one object each, all of the shape of `nl`. */
export const REVIEW_COPY: Record<Language, ReviewCopy> = { nl, fr, en };

/** The words of a language; Dutch for a language review does not know (an older snapshot's). */
export function copyFor(lang: Language | undefined): ReviewCopy {
  return REVIEW_COPY[lang ?? 'nl'] ?? nl;
}
