import type { Language } from '@koppel/contracts';
import { LanguageSwitcher, Page, stylesheet } from '@koppel/http';
import type { Child } from 'hono/jsx';
import { copyFor, PORTAL_COPY } from '../../copy';
import { PROVIDER_TOOLS_CSS } from './provider-tools';

/** Where the browser script finds the APIs (data-intake / data-review on <body>). */
export interface ApiUrls {
  intakeUrl: string;
  reviewUrl: string;
}

/** What a page needs to render: where the APIs are, its language, and the path asked for (for the switcher). */
export interface PageContext extends ApiUrls {
  lang: Language;
  path: string;
}

/**
 * The "Fout: " before a field error, per page language (CSS-generated text is read out
 * too, so it must be translated). The portal's only rules beyond PAGE_CSS.
 */
function errorMarkerCss(): string {
  const rules = Object.entries(PORTAL_COPY).map(
    ([lang, copy]) => `.field-error:lang(${lang})::before { content: ${JSON.stringify(copy.layout.errorMarker)}; }`,
  );
  return [`.field-error::before { content: ${JSON.stringify(PORTAL_COPY.nl.layout.errorMarker)}; }`, ...rules].join('\n');
}

/**
 * Served as /portal.css (the CSP allows no inline style): koppel's one stylesheet plus a
 * narrower column (forms read better than at the console's table width) and the
 * translated error marker.
 */
export const PORTAL_CSS = stylesheet(
  [
    'body { max-width: 60rem; line-height: 1.5; }',
    // A rule that sets `display` must not bring back what the script keeps hidden.
    '[hidden] { display: none !important; }',
    errorMarkerCss(),
    // The catalogue (issue #13): result list, inclusion badges (words, with a border: never colour alone), pages.
    'search fieldset > legend { font-weight: 600; }',
    'details.more-filters { margin: 0 0 1rem; }',
    'details.more-filters > summary { cursor: pointer; font-weight: 600; margin: 0 0 .6rem; color: #0b4f9c; }',
    'ol.results { list-style: none; padding: 0; margin: 0; }',
    'ul.badges { list-style: none; padding: 0; margin: 0 0 .6rem; display: flex; flex-wrap: wrap; gap: .3rem .5rem; }',
    '.badge { display: inline-block; padding: 0 .5rem; border: 1px solid #11652f; border-radius: 3px; background: #e7f4ea; color: #1b1b1b; }',
    'nav.pagination { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; margin: 1rem 0; }',
    '.actions { margin: 1.5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; }',
    // The provider page's import and demand charts (issue #13).
    PROVIDER_TOOLS_CSS,
  ].join('\n'),
);

/**
 * The path the switcher links to: the current one, without a sign-in link's
 * one-time `token` (the script exchanges it at once; a link that carries it
 * again could only fail, and a secret should not sit in the page).
 */
export function switcherPath(originalUrl: string): string {
  const [pathname, query = ''] = originalUrl.split('?');
  const params = new URLSearchParams(query);
  params.delete('token');
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

export interface PortalPageProps {
  context: PageContext;
  title: string;
  /** Which client code runs (client/main.ts dispatches on it). */
  page: 'home' | 'sign-in' | 'school' | 'provider' | 'catalogue' | 'offer' | 'sign-up' | 'confirm-sign-up';
  /** More data-* attributes of <body> for the script (the offer page's `offer` id). */
  data?: Record<string, string>;
  /** The menu entry marked as the current page. */
  current: string;
  children: Child;
}

/**
 * The frame of every portal page: @koppel/http's Page in the page language (the
 * script reads `<html lang>` to speak the same language, and `data-page`,
 * `data-intake`, `data-review` on <body>), with the portal's menu and the
 * language switcher.
 */
export function PortalPage(props: PortalPageProps) {
  const { context, current } = props;
  const copy = copyFor(context.lang);
  const nav = [
    { href: '/aanbod', label: copy.layout.nav.catalogue },
    { href: '/school', label: copy.layout.nav.school },
    { href: '/aanbieder', label: copy.layout.nav.provider },
    { href: '/aanmelden', label: copy.layout.nav.signIn },
    { href: '/registreren', label: copy.signUp.nav },
  ].map((link) => ({ ...link, current: link.href === current }));
  return (
    <Page
      lang={context.lang}
      title={props.title}
      siteName={copy.layout.siteTagline}
      nav={nav}
      navLabel={copy.layout.mainMenu}
      languages={<LanguageSwitcher current={context.lang} path={switcherPath(context.path)} label={copy.layout.languageMenu} />}
      stylesheet="/portal.css"
      scripts={['/portal.js']}
      data={{ ...props.data, page: props.page, intake: context.intakeUrl, review: context.reviewUrl }}
    >
      {props.children}
    </Page>
  );
}
