import { LANGUAGES, type Language } from '@koppel/contracts';
import { en } from './en';
import { fr } from './fr';
import { nl, type MailCopy } from './nl';

export type { MailCopy };

/** The mails' copy per recipient language; Dutch is the default and the shape of the others. */
export const MAIL_COPY: Record<Language, MailCopy> = { nl, fr, en };

/** The copy for a language, Dutch for anything the notifier does not speak (a mail always renders). */
export function copyFor(lang: string | undefined): MailCopy {
  return (LANGUAGES as readonly (string | undefined)[]).includes(lang) ? MAIL_COPY[lang as Language] : nl;
}
