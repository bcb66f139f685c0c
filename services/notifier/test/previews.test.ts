import type { AddressInfo } from 'node:net';
import express from 'express';
import { PREVIEWS_CSS, previewRoutes } from '../src/http/previews';

/** Every template has a preview with sample data, listed on /previews, in each language. */
describe('mail previews', () => {
  let base: string;
  let close: () => void;

  beforeAll(async () => {
    const app = express();
    app.use('/previews', previewRoutes());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('lists the digest with the other templates', async () => {
    const index = await (await fetch(`${base}/previews`)).text();
    for (const lang of ['nl', 'fr', 'en']) expect(index).toContain(`/previews/digest?lang=${lang}`);
    expect(index).toContain('href="/previews/approved?lang=fr&amp;recipient=provider&amp;format=text"');
    expect(index).toContain('href="/previews/sign-in?lang=en&amp;format=text"');
  });

  it('lists the three sign-up mails in every language, and shows each as HTML and as text', async () => {
    const index = await (await fetch(`${base}/previews`)).text();
    for (const kind of ['confirm', 'approved', 'rejected']) {
      for (const lang of ['nl', 'fr', 'en']) {
        expect(index).toContain(`href="/previews/sign-up/${kind}?lang=${lang}"`);
        expect(index).toContain(`href="/previews/sign-up/${kind}?lang=${lang}&amp;format=text"`);
        const html = await fetch(`${base}/previews/sign-up/${kind}?lang=${lang}`);
        expect(html.status).toBe(200);
        expect(await html.text()).toContain(`<html lang="${lang}">`);
        const text = await (await fetch(`${base}/previews/sign-up/${kind}?lang=${lang}&format=text`)).text();
        expect(text).toMatch(/^Onderwerp: /);
        expect(text).toContain('Theater Antigone');
      }
    }
    expect((await fetch(`${base}/previews/sign-up/other`)).status).toBe(404);
  });

  it('renders the index as a page with its inline style whole (escaping it changes nothing)', async () => {
    const index = await (await fetch(`${base}/previews`)).text();
    expect(index.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(index).toContain(`<style>${PREVIEWS_CSS}</style>`);
  });

  it.each([
    ['nl', 'Op stap door bezet Kortrijk'],
    ['fr', 'Op stap door bezet Kortrijk'],
    ['en', 'Op stap door bezet Kortrijk'],
  ])('shows the %s digest with both sample schools, as HTML and as text', async (lang, offerTitle) => {
    const html = await (await fetch(`${base}/previews/digest?lang=${lang}`)).text();
    expect(html).toContain(`lang="${lang}"`);
    expect(html).toContain(offerTitle);
    expect(html).toContain('Vrije Basisschool De Klimop');
    expect(html).toContain('Gemeentelijke Basisschool Kuurne');
    const text = await (await fetch(`${base}/previews/digest?lang=${lang}&format=text`)).text();
    expect(text).toMatch(/^Onderwerp: koppel ?: 2 /);
    expect(text).toContain('directie@gbs-kuurne.example');
  });
});
