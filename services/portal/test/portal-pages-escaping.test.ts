import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { CataloguePage, OfferPage } from '../src/http/views/catalogue-pages';
import { PORTAL_CSS } from '../src/http/views/layout';
import { HomePage, type PageContext, ProviderPage, SchoolPage, SignInPage } from '../src/http/views/portal-pages';

/**
 * The pages are TSX (decision 0026): what comes from outside — the intake and review
 * addresses (configuration) and the path asked for, with its query (the visitor) — is
 * escaped by hono's JSX runtime wherever it lands: body data attributes, the language
 * switcher's links.
 */
const PAGES = {
  home: HomePage,
  'sign-in': SignInPage,
  school: SchoolPage,
  provider: ProviderPage,
  catalogue: CataloguePage,
  offer: OfferPage,
};
const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>'&`;
const hostileContext = (lang: Language): PageContext => ({
  intakeUrl: `http://intake.test/${hostile}`,
  reviewUrl: `http://review.test/${hostile}`,
  lang,
  path: `/school/${hostile}?q=${hostile}&lang=${lang}&token=secret-123`,
});

describe('portal pages with hostile addresses and paths', () => {
  for (const lang of LANGUAGES) {
    for (const [name, Component] of Object.entries(PAGES)) {
      it(`escapes them on the ${name} page in ${lang}`, () => {
        const html = renderPage(Component(hostileContext(lang)));
        // Nothing breaks out of an attribute or starts an element of its own.
        expect(html).not.toContain('<script>alert');
        expect(html).not.toContain('<img');
        expect(html.match(/<script\b/g)).toEqual(['<script']); // only the portal's own script
        expect(html).toContain('<script src="/portal.js" defer=""></script>');
        // The values are there, escaped: the script reads them back as they were.
        const escaped = '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;&amp;';
        expect(html).toContain(`data-intake="http://intake.test/${escaped}"`);
        expect(html).toContain(`data-review="http://review.test/${escaped}"`);
        expect(html).toContain(`data-page="${name}"`);
        // The switcher's links keep the path (escaped) and the query (URL-encoded), without the sign-in token.
        const switcher = /<nav class="languages"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
        expect(switcher).toContain(`href="/school/${escaped}?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E`);
        expect(html).not.toContain('secret-123');
        expect(html).toContain(`<html lang="${lang}">`);
      });
    }
  }
});

describe('the portal stylesheet', () => {
  /** Classes the script adds at run time only as hooks for itself or tests, with no look of their own. */
  const HOOKS = new Set(['suggestion']);
  const hasRule = (cls: string) => new RegExp(`\\.${cls.replace(/-/g, '\\-')}(?![\\w-])`).test(PORTAL_CSS);

  it('has a rule for every class the pages and the browser script use', () => {
    const pageClasses = Object.values(PAGES).flatMap((Component) =>
      [...renderPage(Component(hostileContext('nl'))).matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)),
    );
    const clientDir = join(__dirname, '../src/client');
    const clientSource = readdirSync(clientDir)
      .map((file) => readFileSync(join(clientDir, file), 'utf8'))
      .join('\n');
    const clientClasses = [
      ...[...clientSource.matchAll(/class: '([^']*)'/g)].flatMap((m) => m[1].split(/\s+/)),
      ...[...clientSource.matchAll(/classList\.(?:add|toggle|remove)\('([^']*)'/g)].map((m) => m[1]),
    ];
    expect(clientClasses).toEqual(expect.arrayContaining(['card', 'facts', 'has-error', 'visually-hidden']));
    const missing = [...new Set([...pageClasses, ...clientClasses])].filter((cls) => cls && !HOOKS.has(cls) && !hasRule(cls));
    expect(missing).toEqual([]);
  });

  it('is the shared stylesheet plus the translated error marker, once', () => {
    expect(PORTAL_CSS.match(/^body \{ font-family/gm)).toHaveLength(1); // the shared rules, not a copy of them
    expect(PORTAL_CSS).toContain('body { max-width: 60rem;');
    expect(PORTAL_CSS).toContain('.field-error::before { content: "Fout: "; }');
    expect(PORTAL_CSS).toContain('.field-error:lang(fr)::before { content: "Erreur : "; }');
    expect(PORTAL_CSS).toContain('.field-error:lang(en)::before { content: "Error: "; }');
  });
});
