import { type Language, LANGUAGES } from '@koppel/contracts';
import { LANGUAGE_NAMES } from '../page-language';

/**
 * Links to the same page in the other languages. `path` is the current path with its
 * query; each link names its language in that language, with `lang`/`hreflang` so
 * screen readers pronounce it right.
 */
export function LanguageSwitcher(props: { current: Language; path: string; label: string }) {
  const [pathname, query = ''] = props.path.split('?');
  const params = new URLSearchParams(query);
  params.delete('lang');
  const hrefOf = (lang: Language) => {
    params.set('lang', lang);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav class="languages" aria-label={props.label}>
      {LANGUAGES.map((lang) => (
        <>
          {' '}
          <a href={hrefOf(lang)} lang={lang} hreflang={lang} aria-current={lang === props.current ? 'true' : undefined}>
            {LANGUAGE_NAMES[lang]}
          </a>
        </>
      ))}
    </nav>
  );
}
