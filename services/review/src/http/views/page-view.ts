import type { Language } from '@koppel/contracts';
import { languageSwitcherHtml } from '@koppel/http';
import { consoleCopy, type ConsoleCopy } from './console/copy';

/** What every console and sign-in page needs to speak the reader's language. */
export interface PageView {
  lang: Language;
  copy: ConsoleCopy;
  /** The page's own address with its query: the language switcher links to it in the other languages. */
  url: string;
}

/** The view of a page in one language (the language of a request: http/page-view.ts). */
export function pageView(lang: Language, url: string): PageView {
  return { lang, copy: consoleCopy(lang), url };
}

export function switcherOf(view: PageView): string {
  return languageSwitcherHtml(view.lang, view.url, view.copy.languageMenu);
}

/** Formatting by the reader's locale: amounts, dates, one-decimal distances. */
export function formatters(copy: ConsoleCopy) {
  return {
    euro: (amount: number) => new Intl.NumberFormat(copy.locale, { style: 'currency', currency: 'EUR' }).format(amount),
    date: (at: Date) => new Date(at).toLocaleDateString(copy.locale, { timeZone: 'Europe/Brussels' }),
    dateTime: (at: Date) => new Date(at).toLocaleString(copy.locale, { timeZone: 'Europe/Brussels' }),
    oneDecimal: (n: number) => new Intl.NumberFormat(copy.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n),
  };
}
