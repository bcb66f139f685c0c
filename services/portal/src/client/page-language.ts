/// <reference lib="dom" />
import { LANGUAGES, type Language } from '@koppel/contracts';

/**
 * The language the server rendered the page in (`<html lang>`, chosen there
 * from ?lang=, the remembered cookie or Accept-Language), so everything the
 * script writes speaks the same language. The script never negotiates itself.
 */
export function pageLanguage(): Language {
  const lang = document.documentElement.lang;
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'nl';
}
