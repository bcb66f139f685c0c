import { DISCIPLINE_LABELS, FORMAT_LABELS, type Language } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { PORTAL_COPY } from '../src/copy';
import { CataloguePage, OfferPage } from '../src/http/views/catalogue-pages';
import { switcherPath } from '../src/http/views/layout';
import { HomePage, type PageContext, ProviderPage, SchoolPage, SignInPage } from '../src/http/views/portal-pages';
import { copyLeaves } from './copy-leaves';

const urls = { intakeUrl: 'http://intake.test', reviewUrl: 'http://review.test' };
const contextIn = (lang: Language, path = '/school'): PageContext => ({ ...urls, lang, path });
// The components called as functions (tests are .ts): the same as rendering <SchoolPage {...context} />.
const homePage = (context: PageContext) => renderPage(HomePage(context));
const signInPage = (context: PageContext) => renderPage(SignInPage(context));
const schoolPage = (context: PageContext) => renderPage(SchoolPage(context));
const providerPage = (context: PageContext) => renderPage(ProviderPage(context));
const cataloguePage = (context: PageContext) => renderPage(CataloguePage(context));
const offerPage = (context: PageContext) => renderPage(OfferPage(context));
const pages = {
  home: homePage,
  'sign-in': signInPage,
  school: schoolPage,
  provider: providerPage,
  catalogue: cataloguePage,
  offer: offerPage,
};

/**
 * What a person reads or hears: text between the tags and the aria-labels,
 * without the switcher's links to the other languages (each is named in its
 * own language on purpose, and marked with its own `lang`).
 */
function readableText(html: string, lang: Language): string {
  const withoutOtherLanguages = html.replace(/<a [^>]*\blang="(\w+)"[^>]*>[^<]*<\/a>/g, (link, linkLang: string) =>
    linkLang === lang ? link : '',
  );
  const ariaLabels = [...withoutOtherLanguages.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
  const text = withoutOtherLanguages.replace(/<[^>]+>/g, ' ');
  return [text, ...ariaLabels].join(' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

/** Every Dutch text of the portal (its copy, the contract's discipline and format labels) that the other language does not also use. */
function dutchOnlyTexts(lang: Language): string[] {
  const texts = (l: Language) => [
    ...copyLeaves(PORTAL_COPY[l]).map(([, text]) => text),
    ...Object.values(DISCIPLINE_LABELS[l]),
    ...Object.values(FORMAT_LABELS[l]),
  ];
  const theirs = new Set(texts(lang));
  return [...new Set(texts('nl'))].filter((text) => !theirs.has(text) && text.length >= 4);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const containsWords = (haystack: string, words: string) =>
  new RegExp(`(^|[^\\p{L}])${escapeRegExp(words)}($|[^\\p{L}])`, 'u').test(haystack);

describe('portal pages in the page language', () => {
  it('render in Dutch by default, as before', () => {
    const html = schoolPage(contextIn('nl'));
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Voor scholen</h1>');
    expect(html).toContain('<label for="f-budgetPerPupil">Budget per leerling (€) <span class="muted">(niet verplicht)</span></label>');
    expect(html).toContain('<option value="nl" selected="">Nederlands</option>');
    expect(html).toContain('<label for="f-grades-7">5de leerjaar</label>');
  });

  it.each(['fr', 'en'] as const)('render every page in %s with <html lang> set and no Dutch text left', (lang) => {
    const dutch = dutchOnlyTexts(lang);
    for (const [name, render] of Object.entries(pages)) {
      const html = render(contextIn(lang));
      expect({ name, lang: /<html lang="(\w+)">/.exec(html)?.[1] }).toEqual({ name, lang });
      const text = readableText(html, lang);
      expect({ name, dutchLeft: dutch.filter((d) => containsWords(text, d)) }).toEqual({ name, dutchLeft: [] });
    }
  });

  it('says the key things in French and English', () => {
    const fr = providerPage(contextIn('fr', '/aanbieder'));
    expect(fr).toContain('<h1>Pour les opérateurs culturels</h1>');
    expect(fr).toContain('<h2 id="h-offer-form">Publier une nouvelle offre</h2>');
    expect(fr).toContain('<button type="submit" class="primary">Publier</button>');
    expect(fr).toContain('<option value="performance">Spectacle</option>');
    const en = schoolPage(contextIn('en'));
    expect(en).toContain('<h1>For schools</h1>');
    expect(en).toContain('<button type="submit" class="primary">Submit request</button>');
    expect(en).toContain('<a class="skip" href="#inhoud">Skip to content</a>');
  });

  it('translates the grade labels but sends the Dutch words intake understands', () => {
    const fr = schoolPage(contextIn('fr'));
    expect(fr).toContain('value="5de leerjaar" data-multi=""/><label for="f-grades-7">5e primaire</label>');
    expect(fr).toContain('value="groep 6" data-multi=""/><label for="f-grades-20">groep 6 (Pays-Bas)</label>');
    expect(schoolPage(contextIn('en'))).toContain(
      'value="1ste jaar secundair" data-multi=""/><label for="f-grades-9">Secondary year 1</label>',
    );
  });

  it('starts the activity language at the page language', () => {
    expect(providerPage(contextIn('fr'))).toContain('<option value="fr" selected="">Français</option>');
    expect(schoolPage(contextIn('en'))).toContain('<option value="en" selected="">English</option>');
  });

  it('has a language switcher in the header, the current language marked', () => {
    const html = providerPage(contextIn('en', '/aanbieder?lang=en'));
    const header = /<header class="site">([\s\S]*?)<\/header>/.exec(html)?.[1] ?? '';
    expect(header).toContain('<nav class="languages" aria-label="Language">');
    expect(header).toContain('<a href="/aanbieder?lang=fr" lang="fr" hreflang="fr">Français</a>');
    expect(header).toContain('<a href="/aanbieder?lang=en" lang="en" hreflang="en" aria-current="true">English</a>');
  });

  it("keeps a sign-in link's one-time token out of the switcher", () => {
    expect(switcherPath('/aanmelden?token=secret-123&lang=fr')).toBe('/aanmelden?lang=fr');
    expect(switcherPath('/aanmelden?token=secret-123')).toBe('/aanmelden');
    expect(switcherPath('/school')).toBe('/school');
    expect(signInPage(contextIn('nl', '/aanmelden?token=secret-123'))).not.toContain('secret-123');
  });
});
