import { LanguageSwitcher, Page, renderFragment, renderPage } from '../src';

/** The one page frame, rendered by hono's JSX runtime: escaping by default is the point. */
describe('Page', () => {
  const hostile = '<script>alert(1)</script>"\'&';

  it('escapes every text and attribute it is given', () => {
    const html = renderPage(
      Page({
        lang: 'nl',
        title: hostile,
        siteName: hostile,
        nav: [{ href: `/x?q="${hostile}`, label: hostile, current: true }],
        stylesheet: '/koppel.css',
        data: { intake: hostile },
        children: hostile,
      }),
    );
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('data-intake="&lt;script&gt;');
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('<link rel="stylesheet" href="/koppel.css"/>');
    expect(html).toContain('<a class="skip" href="#inhoud">Naar de inhoud</a>');
  });

  it('links the same page in every language, the current one marked, keeping the query', () => {
    const html = renderFragment(LanguageSwitcher({ current: 'fr', path: '/console?status=pending&lang=nl', label: 'Langue' }));
    expect(html).toContain('href="/console?status=pending&amp;lang=nl" lang="nl" hreflang="nl"');
    expect(html).toMatch(/lang="fr" hreflang="fr" aria-current="true">Français</);
    expect(html).toContain('aria-label="Langue"');
    expect(html).not.toMatch(/lang="en"[^>]*aria-current/);
    expect(renderFragment(LanguageSwitcher({ current: 'nl', path: '/x"><script>', label: 'Taal' }))).not.toContain('<script>');
  });
});
