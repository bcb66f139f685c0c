import type { Language } from '@koppel/contracts';
import type { Child } from 'hono/jsx';

/** The page frame's own words: the skip link and the name of the main navigation. */
const FRAME_COPY: Record<Language, { skip: string; mainNav: string }> = {
  nl: { skip: 'Naar de inhoud', mainNav: 'Hoofdmenu' },
  fr: { skip: 'Aller au contenu', mainNav: 'Navigation' },
  en: { skip: 'Skip to content', mainNav: 'Main' },
};

export interface PageProps {
  lang: Language;
  title: string;
  /** After "koppel ·" in the header: which part of koppel this is (the console, the portal's tagline). */
  siteName?: string;
  /** The main navigation; none on public pages. */
  nav?: Array<{ href: string; label: string; current?: boolean }>;
  /** The main navigation's name for screen readers, in the page's language (default: the frame's own words). */
  navLabel?: string;
  /** The language switcher (LanguageSwitcher); none on pages that follow a recipient's language. */
  languages?: Child;
  /** The stylesheet's address: every page links one file (the CSP allows styles from 'self' only). */
  stylesheet: string;
  /** Scripts at the end of the body, from the service itself. */
  scripts?: string[];
  /** data-* attributes of the body (the portal's script reads where intake and review are). */
  data?: Record<string, string>;
  children: Child;
}

/**
 * The one frame of every koppel page (console, portal, answer and sign-in pages):
 * `<html lang>`, a skip link, the site header with navigation and language
 * switcher, `<main id="inhoud">`. Colours and focus styles are in PAGE_CSS.
 */
export function Page(props: PageProps) {
  const words = FRAME_COPY[props.lang];
  const data = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – koppel`}</title>
        <link rel="stylesheet" href={props.stylesheet} />
      </head>
      <body {...data}>
        <a class="skip" href="#inhoud">
          {words.skip}
        </a>
        <header class="site">
          <p>
            <strong>koppel</strong>
            {props.siteName ? ` · ${props.siteName}` : ''}
          </p>
          {props.nav?.length ? (
            <nav aria-label={props.navLabel ?? words.mainNav}>
              {props.nav.map((n) => (
                <a href={n.href} aria-current={n.current ? 'page' : undefined}>
                  {n.label}
                </a>
              ))}
            </nav>
          ) : null}
          {props.languages}
        </header>
        <main id="inhoud">{props.children}</main>
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </body>
    </html>
  );
}
