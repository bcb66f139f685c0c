import { buildPortalClient } from '@koppel/launcher';
import { createLogger } from '@koppel/logging';
import { loadPortalConfig, startPortal, type RunningPortal } from '../src';

/**
 * The running portal chooses the page language with @koppel/http's helpers:
 * ?lang= (remembered in a cookie), the cookie, Accept-Language, else Dutch.
 * It calls no service, so it starts here on its own (port 0).
 */
describe('the portal server and the page language', () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    await buildPortalClient(); // the script it serves, as `npm run build` makes it
    portal = await startPortal(loadPortalConfig({ PORTAL_PORT: '0' }), createLogger('portal-test', { write: () => undefined }));
  }, 60_000);

  afterAll(async () => {
    await portal?.stop();
  });

  async function get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${portal.url}${path}`, { headers });
    return { res, html: await res.text() };
  }
  const htmlLang = (html: string) => /<html lang="(\w+)">/.exec(html)?.[1];

  it('is Dutch without any hint', async () => {
    const { res, html } = await get('/school');
    expect(htmlLang(html)).toBe('nl');
    expect(html).toContain('<h1>Voor scholen</h1>');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('vary')).toBe('Cookie, Accept-Language');
  });

  it('follows ?lang= and remembers it in the koppel_taal cookie', async () => {
    const { res, html } = await get('/aanbieder?lang=fr');
    expect(htmlLang(html)).toBe('fr');
    expect(html).toContain('<h1>Pour les opérateurs culturels</h1>');
    expect(res.headers.get('set-cookie')).toMatch(/^koppel_taal=fr; Path=\/; Max-Age=\d+; SameSite=Lax$/);
  });

  it("keeps the remembered choice over the browser's language on the next page", async () => {
    const { html } = await get('/', { cookie: 'koppel_taal=fr', 'accept-language': 'en-GB,en;q=0.9' });
    expect(htmlLang(html)).toBe('fr');
    expect(html).toContain('<h1>La culture à l’école, en bonne compagnie</h1>');
  });

  it("takes the browser's language when nothing was chosen", async () => {
    const { html } = await get('/aanmelden', { 'accept-language': 'en-US,en;q=0.8,nl;q=0.5' });
    expect(htmlLang(html)).toBe('en');
    expect(html).toContain('<button type="submit" class="primary">Send me a sign-in link</button>');
  });

  it('ignores a language it does not speak', async () => {
    const { res, html } = await get('/school?lang=de', { 'accept-language': 'de-DE' });
    expect(htmlLang(html)).toBe('nl');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('serves the catalogue and an offer page without signing in, allowed to call intake and nothing else', async () => {
    const { res, html } = await get('/aanbod?q=klei&near=8500&km=20&lang=en');
    expect(res.status).toBe(200);
    expect(htmlLang(html)).toBe('en');
    expect(html).toContain('value="klei"/>');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain('connect-src http://127.0.0.1:8081 http://127.0.0.1:8083');
    const offer = await get('/aanbod/off%201');
    expect(offer.res.status).toBe(200);
    expect(offer.html).toContain('data-offer="off 1"');
    expect(offer.html).toContain('href="/school?offer=off%201">Vraag dit aanbod aan</a>');
  });

  it("ships the script with every language's copy and the CSS with the error marker per language", async () => {
    const script = await (await fetch(`${portal.url}/portal.js`)).text();
    for (const text of ['Nog geen voorstellen.', 'Pas encore de propositions.', 'No suggestions yet.']) expect(script).toContain(text);
    for (const text of ['Dit aanbod staat niet (meer) in de catalogus.', 'Vorige pagina', 'Previous page']) expect(script).toContain(text);
    const css = await (await fetch(`${portal.url}/portal.css`)).text();
    expect(css).toContain('.field-error:lang(fr)::before { content: "Erreur : "; }');
    expect(css).toContain('.field-error:lang(en)::before { content: "Error: "; }');
  });
});
