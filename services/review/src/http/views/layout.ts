import { createHash } from 'node:crypto';
import type { Language } from '@koppel/contracts';
import { escapeHtml, type PolicyDirectives } from '@koppel/http';

/**
 * Colours are chosen for WCAG AA contrast on white (text ≥ 4.5:1); focus is a
 * thick amber outline that shows on every control. No scripts are needed:
 * every action is a plain form, so the pages work with a keyboard and a screen reader.
 */
const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 76rem; padding: 0 1rem 2rem; color: #1b1b1b; line-height: 1.45; background: #fff; }
  a { color: #0b4f9c; }
  header.site { display: flex; gap: 1.5rem; align-items: baseline; flex-wrap: wrap; border-bottom: 2px solid #0b4f9c; padding: .6rem 0; margin-bottom: 1rem; }
  header.site nav a { margin-right: 1rem; }
  header.site nav.languages { margin-left: auto; }
  header.site nav.languages a[aria-current] { font-weight: 700; text-decoration: none; color: #1b1b1b; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #bbb; vertical-align: top; }
  .score { font-variant-numeric: tabular-nums; }
  form.inline { display: inline-block; margin: .2rem .4rem .2rem 0; }
  fieldset { border: 1px solid #bbb; margin: 0 0 1rem; }
  .filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; }
  .filters label { display: block; font-size: .9rem; }
  input, select, textarea, button { font: inherit; }
  input, select, textarea { padding: .25rem .35rem; border: 1px solid #555; border-radius: 3px; }
  button, .button { padding: .35rem .8rem; cursor: pointer; border-radius: 3px; border: 1px solid #0b4f9c; background: #fff; color: #0b4f9c; text-decoration: none; display: inline-block; }
  .approve, .primary { background: #11652f; color: #fff; border-color: #11652f; }
  .reject { background: #fff; color: #8a1c1c; border-color: #8a1c1c; }
  .muted { color: #4a4a4a; }
  .status { display: inline-block; padding: 0 .4rem; border-radius: 3px; background: #e8eef6; color: #1b1b1b; }
  .warn { background: #fff4e0; border-left: 4px solid #a05a00; padding: .5rem .8rem; }
  .ok { background: #e7f4ea; border-left: 4px solid #11652f; padding: .5rem .8rem; }
  .side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
  .card { border: 1px solid #bbb; border-radius: 4px; padding: .8rem 1rem; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
  dl.facts dt { font-weight: 600; }
  dl.facts dd { margin: 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem; }
  :focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
`;

export interface LayoutOptions {
  title: string;
  lang?: Language;
  /** Links in the site header (the console's navigation); none on public pages. */
  nav?: { href: string; label: string; current?: boolean }[];
  siteName?: string;
  /** The language switcher's HTML (languageSwitcherHtml), shown in the site header; none on pages that follow a recipient's language. */
  languages?: string;
}

/** The layout's own words: the skip link and the name of the main navigation. */
const LAYOUT_COPY: Record<Language, { skip: string; mainNav: string }> = {
  nl: { skip: 'Naar de inhoud', mainNav: 'Hoofdmenu' },
  fr: { skip: 'Aller au contenu', mainNav: 'Navigation' },
  en: { skip: 'Skip to content', mainNav: 'Main' },
};

export function layout(options: LayoutOptions, body: string): string {
  const lang = options.lang ?? 'nl';
  const words = LAYOUT_COPY[lang];
  const nav = options.nav?.length
    ? `<nav aria-label="${escapeHtml(words.mainNav)}">${options.nav
        .map((n) => `<a href="${escapeHtml(n.href)}"${n.current ? ' aria-current="page"' : ''}>${escapeHtml(n.label)}</a>`)
        .join('')}</nav>`
    : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} – koppel</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#inhoud">${escapeHtml(words.skip)}</a>
<header class="site"><p><strong>koppel</strong>${options.siteName ? ` · ${escapeHtml(options.siteName)}` : ''}</p>${nav}${options.languages ?? ''}</header>
<main id="inhoud">
${body}
</main>
</body>
</html>`;
}

/**
 * The Content-Security-Policy of every page review serves (console, sign-in, answer
 * pages): scripts only from review itself (the sign-in script is a file), the one
 * inline stylesheet by its hash, requests only to review and intake (the sign-in
 * pages post to intake's /auth), forms only to review, never framed (issue #11).
 */
export function pageSecurityPolicy(intakeOrigin: string): PolicyDirectives {
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': [`'sha256-${styleHash}'`],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'", intakeOrigin],
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}
