import type { Request, RequestHandler } from 'express';
import { LANGUAGES, type Language, LanguageSchema } from '@koppel/contracts';
import { cookieValue } from './cookies';

/** The cookie that remembers a reader's choice of page language for a year. */
export const PAGE_LANGUAGE_COOKIE = 'koppel_taal';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** What each language is called in its own words, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/** The best of nl/fr/en in an Accept-Language header by its q-values, or undefined. */
export function languageOfAcceptHeader(header: string | undefined): Language | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && (LANGUAGES as readonly string[]).includes(r.base))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.base as Language | undefined;
}

/**
 * The language a page is shown in: an explicit `?lang=` wins, then the
 * reader's remembered choice, then the browser's Accept-Language, then Dutch.
 * Unknown values are ignored rather than refused: a page always renders.
 */
export function pageLanguageOf(req: Pick<Request, 'query' | 'headers'>): Language {
  const fromQuery = LanguageSchema.safeParse(req.query?.lang);
  if (fromQuery.success) return fromQuery.data;
  const fromCookie = LanguageSchema.safeParse(cookieValue(req.headers.cookie, PAGE_LANGUAGE_COOKIE));
  if (fromCookie.success) return fromCookie.data;
  return languageOfAcceptHeader(req.headers['accept-language']) ?? 'nl';
}

/** Remembers a valid `?lang=` in a cookie, so the next page keeps the reader's choice. */
export function rememberPageLanguage(): RequestHandler {
  return (req, res, next) => {
    const chosen = LanguageSchema.safeParse(req.query?.lang);
    if (chosen.success) {
      res.append('Set-Cookie', `${PAGE_LANGUAGE_COOKIE}=${chosen.data}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`);
    }
    next();
  };
}
