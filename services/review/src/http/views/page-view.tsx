import type { Language } from '@koppel/contracts';
import { LanguageSwitcher } from '@koppel/http';
import { copyFor, type ReviewCopy } from './copy';

/** What every console and sign-in page needs to speak the reader's language. */
export interface PageView {
  lang: Language;
  copy: ReviewCopy;
  /** The page's own address with its query: the language switcher links to it in the other languages. */
  url: string;
}

/** The view of a page in one language (the language of a request: http/page-view.ts). */
export function pageView(lang: Language, url: string): PageView {
  return { lang, copy: copyFor(lang), url };
}

/** The switcher of a page view: links to the same page in the other languages. */
export function Switcher(props: { view: PageView }) {
  return <LanguageSwitcher current={props.view.lang} path={props.view.url} label={props.view.copy.languageMenu} />;
}

/** Formatting by the reader's locale: amounts, dates, one-decimal distances. */
export function formatters(copy: ReviewCopy) {
  return {
    euro: (amount: number) => new Intl.NumberFormat(copy.locale, { style: 'currency', currency: 'EUR' }).format(amount),
    date: (at: Date) => new Date(at).toLocaleDateString(copy.locale, { timeZone: 'Europe/Brussels' }),
    dateTime: (at: Date) => new Date(at).toLocaleString(copy.locale, { timeZone: 'Europe/Brussels' }),
    oneDecimal: (n: number) => new Intl.NumberFormat(copy.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n),
  };
}
