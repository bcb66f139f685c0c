import type { Language } from '@koppel/contracts';
import { en } from './en';
import { fr } from './fr';
import { nl, type ConsoleCopy } from './nl';

export type { ConsoleCopy };

/** The console's copy per language: one object each, all of the same shape. */
export const CONSOLE_COPY: Record<Language, ConsoleCopy> = { nl, fr, en };

export function consoleCopy(lang: Language): ConsoleCopy {
  return CONSOLE_COPY[lang];
}
