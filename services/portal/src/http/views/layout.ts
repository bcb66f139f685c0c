import { languageSwitcherHtml } from '@koppel/http';
import type { Language } from '@koppel/contracts';
import { escapeHtml } from '@koppel/http';
import { PORTAL_COPY, type PortalCopy } from '../../copy';

/**
 * Colours meet WCAG AA on white; focus is a thick amber outline on every
 * control; an error is text with a "Fout:" marker (in the page's language,
 * see errorMarkerCss) and a thick left border, never only a red colour.
 * Served as /portal.css (the CSP allows no inline style).
 */
/** The "Fout: " before a field error, per page language (CSS-generated text is read out too, so it must be translated). */
function errorMarkerCss(): string {
  const rules = Object.entries(PORTAL_COPY).map(
    ([lang, copy]) => `.field-error:lang(${lang})::before { content: ${JSON.stringify(copy.layout.errorMarker)}; }`,
  );
  return [`.field-error::before { content: ${JSON.stringify(PORTAL_COPY.nl.layout.errorMarker)}; }`, ...rules].join('\n');
}

export const PORTAL_CSS = `
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 0 1rem 2rem; color: #1b1b1b; line-height: 1.5; background: #fff; }
a { color: #0b4f9c; }
header.site { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; border-bottom: 2px solid #0b4f9c; padding: .6rem 0; margin-bottom: 1rem; }
header.site nav a { margin-right: 1rem; }
header.site nav.languages { margin-left: auto; }
nav.languages a[aria-current] { font-weight: 700; text-decoration: none; color: #1b1b1b; }
h1 { font-size: 1.7rem; } h2 { font-size: 1.35rem; margin-top: 2rem; } h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
.field { margin: 0 0 1rem; }
.field > label, fieldset.field > legend { display: block; font-weight: 600; }
.hint { margin: .1rem 0 .3rem; color: #4a4a4a; font-size: .95rem; }
fieldset { border: 1px solid #888; border-radius: 4px; margin: 0 0 1rem; padding: .5rem .8rem; }
fieldset .option { display: inline-block; margin: .15rem 1rem .15rem 0; }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=email], input[type=number], select, textarea { padding: .35rem .45rem; border: 1px solid #555; border-radius: 3px; min-width: 16rem; max-width: 100%; }
textarea { width: 100%; box-sizing: border-box; }
.row { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.has-error input[type=text], .has-error input[type=number], .has-error input[type=email], .has-error select, .has-error textarea { border: 2px solid #a4161a; }
.has-error { border-left: 4px solid #a4161a; padding-left: .6rem; }
.field-error { color: #a4161a; font-weight: 600; margin: .2rem 0; }
${errorMarkerCss()}
.error-summary { border: 3px solid #a4161a; padding: .5rem 1rem; margin: 0 0 1rem; }
.error-summary h2 { margin-top: .3rem; font-size: 1.2rem; }
button, .button { padding: .4rem .9rem; cursor: pointer; border-radius: 3px; border: 1px solid #0b4f9c; background: #fff; color: #0b4f9c; text-decoration: none; display: inline-block; }
.primary { background: #11652f; color: #fff; border-color: #11652f; }
.reject { background: #fff; color: #8a1c1c; border-color: #8a1c1c; }
.muted { color: #4a4a4a; }
.status-line:not(:empty) { background: #e7f4ea; border-left: 4px solid #11652f; padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #bbb; vertical-align: top; }
.card { border: 1px solid #888; border-radius: 4px; padding: .8rem 1rem; margin: 0 0 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 .8rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
form.answer label { display: block; margin-top: .6rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem; }
:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
`;

export interface PageOptions {
  title: string;
  /** Which client code runs (client/main.ts dispatches on it). */
  page: 'home' | 'sign-in' | 'school' | 'provider';
  intakeUrl: string;
  reviewUrl: string;
  current?: string;
  lang: Language;
  copy: PortalCopy;
  /** The requested path with its query, for the language switcher's links (see switcherPath). */
  path: string;
}

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

function navHtml(copy: PortalCopy, current: string | undefined): string {
  const links = [
    { href: '/school', label: copy.layout.nav.school },
    { href: '/aanbieder', label: copy.layout.nav.provider },
    { href: '/aanmelden', label: copy.layout.nav.signIn },
  ];
  return links.map((n) => `<a href="${n.href}"${n.href === current ? ' aria-current="page"' : ''}>${escapeHtml(n.label)}</a>`).join('');
}

/**
 * The frame of every portal page: `<html lang>` in the page language (the
 * script reads it to speak the same language), a skip link, landmarks, the
 * language switcher, the script at the end.
 */
export function pageLayout(options: PageOptions, main: string): string {
  const { copy, lang } = options;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} – koppel</title>
<link rel="stylesheet" href="/portal.css">
</head>
<body data-page="${options.page}" data-intake="${escapeHtml(options.intakeUrl)}" data-review="${escapeHtml(options.reviewUrl)}">
<a class="skip" href="#inhoud">${escapeHtml(copy.layout.skipLink)}</a>
<header class="site"><p><strong>koppel</strong> · ${escapeHtml(copy.layout.siteTagline)}</p><nav aria-label="${escapeHtml(copy.layout.mainMenu)}">${navHtml(copy, options.current)}</nav>${languageSwitcherHtml(lang, switcherPath(options.path), copy.layout.languageMenu)}</header>
<main id="inhoud">
${main}
</main>
<script src="/portal.js" defer></script>
</body>
</html>`;
}
