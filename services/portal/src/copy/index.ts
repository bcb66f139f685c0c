import { LANGUAGES, type Language } from '@koppel/contracts';
import { en } from './en';
import { fr } from './fr';
import { nl, type PortalCopy } from './nl';

export type { PortalCopy };

/** The portal's copy per page language; Dutch is the default and the shape of the others. */
export const PORTAL_COPY: Record<Language, PortalCopy> = { nl, fr, en };

/** The copy for a language, Dutch for anything the portal does not speak (a page always renders). */
export function copyFor(lang: string | undefined): PortalCopy {
  return (LANGUAGES as readonly (string | undefined)[]).includes(lang) ? PORTAL_COPY[lang as Language] : nl;
}
