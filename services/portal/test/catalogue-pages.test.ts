import { LANGUAGES, type Language } from '@koppel/contracts';
import { renderPage } from '@koppel/http';
import { CataloguePage, OfferPage, offerIdOfPath } from '../src/http/views/catalogue-pages';
import { HomePage, type PageContext, ProviderPage, SchoolPage, SignInPage } from '../src/http/views/portal-pages';

/**
 * The catalogue pages as the server sends them (issue #13): `/aanbod`, a plain GET
 * form filled in from its own address, with a label for every field and fieldsets
 * for the groups, and the results region the script fills; `/aanbod/<id>`, the
 * shell of an offer's page with "Vraag dit aanbod aan".
 */
const urls = { intakeUrl: 'http://intake.test', reviewUrl: 'http://review.test' };
const contextIn = (lang: Language, path: string): PageContext => ({ ...urls, lang, path });
const catalogue = (lang: Language, path = '/aanbod') => renderPage(CataloguePage(contextIn(lang, path)));
const offer = (lang: Language, path = '/aanbod/off-0032-t1') => renderPage(OfferPage(contextIn(lang, path)));

/** Ids of every control (input, select, textarea) of the first form. */
const controlIds = (html: string) => [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
const labelled = (html: string, id: string) => html.includes(`<label for="${id}">`);
const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));

describe('the catalogue page /aanbod', () => {
  it('is a GET form on /aanbod with a label for every field and a legend for every group, in nl, fr and en', () => {
    for (const lang of LANGUAGES) {
      const html = catalogue(lang);
      expect(html).toContain('<form id="catalogue-form" method="get" action="/aanbod" novalidate="">');
      const ids = controlIds(html);
      expect(ids.length).toBeGreaterThan(25);
      expect({ lang, unlabelled: ids.filter((id) => !labelled(html, id)) }).toEqual({ lang, unlabelled: [] });
      // Every group of fields is a fieldset with a legend.
      const fieldsets = html.match(/<fieldset\b/g) ?? [];
      const legends = html.match(/<fieldset\b[^>]*><legend>[^<]+<\/legend>/g) ?? [];
      expect({ lang, fieldsets: fieldsets.length }).toEqual({ lang, fieldsets: legends.length });
      expect(fieldsets.length).toBe(5); // who, disciplines, where, price, inclusion
      // Every field sends under the name intake reads (the form's fields are the page's query string).
      const form = /<form id="catalogue-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
      const names = new Set([...form.matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]));
      expect([...names].sort()).toEqual(
        [
          'q',
          'age',
          'grade',
          'discipline',
          'format',
          'language',
          'near',
          'country',
          'km',
          'price',
          'maxPrice',
          'newcomerClasses',
          'specialNeeds',
          'wheelchairAccess',
          'languageSupport',
          'sort',
        ].sort(),
      );
      expect(headingLevels(html)).toEqual([1, 2]); // the cards the script adds are h3
    }
  });

  it('says it in Dutch by default, without marking every search field as optional', () => {
    const html = catalogue('nl');
    expect(html).toContain('<title>Aanbod – koppel</title>');
    expect(html).toContain('<h1>Cultuuraanbod voor uw klas</h1>');
    expect(html).toContain('<search aria-label="Zoeken in het aanbod">');
    expect(html).toContain('<label for="f-q">Zoekwoorden</label>');
    expect(html).toContain('<legend>Voor wie?</legend>');
    expect(html).toContain('<label for="f-age">Leeftijd (jaar)</label>');
    expect(html).toContain('<option value="" selected="">Alle leerjaren</option>');
    expect(html).toContain('<label for="f-discipline-2">Theater</label>');
    expect(html).toContain('<label for="f-near">Postcode of gemeente</label>');
    expect(html).toContain('<label for="f-km">Binnen hoeveel km?</label>');
    expect(html).toContain('<legend>Prijs per leerling</legend>');
    expect(html).toContain(
      '<input type="radio" id="f-price-0" name="price" value="" checked=""/><label for="f-price-0">Elke prijs</label>',
    );
    expect(html).toContain('<label for="f-price-1">Gratis</label>');
    expect(html).toContain('<label for="f-price-2">Gratis of met sociaal tarief</label>');
    expect(html).toContain('<label for="f-maxPrice">Hoogstens (€ per leerling)</label>');
    expect(html).toContain(
      '<input type="checkbox" id="f-wheelchairAccess" name="wheelchairAccess" value="true"/><label for="f-wheelchairAccess">Rolstoeltoegankelijk</label>',
    );
    expect(html).toContain('<option value="" selected="">Best passend</option><option value="distance">Afstand</option>');
    expect(html).toContain('<button type="submit" class="primary">Zoeken</button>');
    expect(html).not.toContain('niet verplicht');
    // The hint and the error slot are tied to the field.
    expect(html).toContain('<input id="f-near" name="near" type="text" aria-describedby="f-near-hint f-near-error" value=""/>');
    expect(html).toContain('<div id="catalogue-errors" class="error-summary" tabindex="-1" role="alert" hidden="">');
  });

  it('has a results region that announces loading and the total to screen readers', () => {
    const html = catalogue('nl');
    expect(html).toContain('<h2 id="h-results">Resultaten</h2>');
    expect(html).toContain('<p id="catalogue-status" class="status-line" role="status" aria-live="polite"></p>');
    expect(html).toContain('<div id="results" aria-busy="true"><p class="muted">Laden…</p></div>');
    expect(html).toContain('data-page="catalogue"');
    expect(html).toContain('data-intake="http://intake.test"');
  });

  it('comes back filled in from its own address', () => {
    const html = catalogue(
      'nl',
      '/aanbod?q=poppenkast&age=5&discipline=theatre&discipline=literature&format=performance&language=nl&near=8500&country=BE&km=20&price=max&maxPrice=4&specialNeeds=true&sort=distance&page=2',
    );
    expect(html).toContain('<input id="f-q" name="q" type="text" aria-describedby="f-q-hint f-q-error" value="poppenkast"/>');
    expect(html).toContain('name="age" type="number" inputmode="decimal" step="any" aria-describedby="f-age-error" value="5"/>');
    expect(html).toContain('value="theatre" data-multi="" checked=""/>');
    expect(html).toContain('value="literature" data-multi="" checked=""/>');
    expect(html).toContain('value="music" data-multi=""/>');
    expect(html).toContain('<option value="performance" selected="">Voorstelling</option>');
    expect(html).toContain('<option value="nl" selected="">Nederlands</option>');
    expect(html).toContain('value="8500"/>');
    expect(html).toContain('<option value="BE" selected="">België</option>');
    expect(html).toContain('aria-describedby="f-km-hint f-km-error" value="20"/>');
    expect(html).toContain('<input type="radio" id="f-price-3" name="price" value="max" checked=""/>');
    expect(html).toContain('aria-describedby="f-maxPrice-error" value="4"/>');
    expect(html).toContain('name="specialNeeds" value="true" checked=""/>');
    expect(html).toContain('<option value="distance" selected="">Afstand</option>');
  });

  it('folds the filters fewer searches need away, unless one of them is in use', () => {
    expect(catalogue('nl')).toContain(
      '<details class="more-filters"><summary>Meer filters: vorm, taal, prijs, inclusie, volgorde</summary>',
    );
    expect(catalogue('nl', '/aanbod?q=klei&near=8500')).toContain('<details class="more-filters"><summary>');
    for (const used of ['format=visit', 'language=fr', 'price=free', 'maxPrice=3', 'wheelchairAccess=true', 'sort=title'])
      expect({ used, open: catalogue('nl', `/aanbod?${used}`).includes('<details class="more-filters" open="">') }).toEqual({
        used,
        open: true,
      });
  });

  it('keeps a value it has no choice for, so the form shows what was searched (intake says what is wrong)', () => {
    const html = catalogue('nl', '/aanbod?grade=CE2&sort=relevance');
    expect(html).toContain('<option value="CE2" selected="">CE2</option>');
    expect(html).toContain('<option value="relevance" selected="">relevance</option>');
  });

  it('escapes what the address holds', () => {
    const hostile = `"><script>alert(1)</script>`;
    const html = catalogue('nl', `/aanbod?q=${encodeURIComponent(hostile)}&grade=${encodeURIComponent(hostile)}`);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"/>');
  });

  it('speaks French and English', () => {
    const fr = catalogue('fr');
    expect(fr).toContain('<h1>L’offre culturelle pour votre classe</h1>');
    expect(fr).toContain('<label for="f-q">Mots-clés</label>');
    expect(fr).toContain('<legend>Prix par élève</legend>');
    expect(fr).toContain('<label for="f-discipline-2">Théâtre</label>');
    expect(fr).toContain('<option value="5de leerjaar">5e primaire</option>');
    expect(fr).toContain('<button type="submit" class="primary">Rechercher</button>');
    const en = catalogue('en');
    expect(en).toContain('<h1>Cultural activities for your class</h1>');
    expect(en).toContain('<label for="f-near">Postcode or municipality</label>');
    expect(en).toContain('<label for="f-languageSupport">With language support</label>');
    expect(en).toContain('<h2 id="h-results">Results</h2>');
  });
});

describe('the offer page /aanbod/<id>', () => {
  it('is a shell the script fills in: the id, a heading, a status line, the way back and "Vraag dit aanbod aan"', () => {
    const html = offer('nl');
    expect(html).toContain('data-offer="off-0032-t1" data-page="offer"');
    expect(html).toContain('<a id="offer-back" href="/aanbod">Terug naar het aanbod</a>');
    expect(html).toContain('<h1 id="offer-title">Aanbod</h1>');
    expect(html).toContain('<p id="offer-status" class="status-line" role="status" aria-live="polite"></p>');
    expect(html).toContain('<div id="offer-details" aria-busy="true">');
    expect(html).toContain(
      '<p class="actions" id="offer-actions" hidden=""><a id="offer-ask" class="button primary" href="/school?offer=off-0032-t1">Vraag dit aanbod aan</a></p>',
    );
    // The menu marks no entry as this page.
    expect(html).not.toContain('aria-current="page"');
    expect(headingLevels(html)).toEqual([1]);
  });

  it('says it in French and English', () => {
    expect(offer('fr')).toContain('href="/school?offer=off-0032-t1">Demander cette activité</a>');
    expect(offer('fr')).toContain('>Retour à l’offre</a>');
    expect(offer('en')).toContain('href="/school?offer=off-0032-t1">Ask for this activity</a>');
    expect(offer('en')).toContain('<h1 id="offer-title">Activity</h1>');
  });

  it('takes the id from the path, decoded, and escapes it wherever it lands', () => {
    expect(offerIdOfPath('/aanbod/off-1?lang=fr')).toBe('off-1');
    expect(offerIdOfPath('/aanbod/off%201')).toBe('off 1');
    expect(offerIdOfPath('/aanbod/%E0%A4%A')).toBe('%E0%A4%A');
    const html = offer('nl', `/aanbod/${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('data-offer="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('href="/school?offer=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"');
  });
});

describe('the catalogue from the other pages', () => {
  it('is the first entry of the menu on every page, and linked from the home page', () => {
    const pages = [HomePage, SignInPage, SchoolPage, ProviderPage, CataloguePage, OfferPage];
    for (const Page of pages) expect(renderPage(Page(contextIn('nl', '/')))).toContain('<nav aria-label="Hoofdmenu"><a href="/aanbod"');
    expect(renderPage(CataloguePage(contextIn('nl', '/aanbod')))).toContain('<a href="/aanbod" aria-current="page">Aanbod</a>');
    expect(renderPage(HomePage(contextIn('nl', '/')))).toContain(
      '<a href="/aanbod">Zoek in het aanbod</a>: alle activiteiten van de aanbieders, zonder aan te melden.',
    );
    expect(renderPage(HomePage(contextIn('fr', '/')))).toContain('<a href="/aanbod">Chercher dans l’offre</a>');
    expect(renderPage(HomePage(contextIn('en', '/')))).toContain('<a href="/aanbod">Search the catalogue</a>');
  });

  it('leaves a place on the school page to name the offer asked for', () => {
    expect(renderPage(SchoolPage(contextIn('nl', '/school?offer=off-1')))).toContain(
      '<h2 id="h-request-form">Nieuwe aanvraag</h2><div id="asked-offer" class="card" hidden=""></div>',
    );
  });
});
