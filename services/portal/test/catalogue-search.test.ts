import {
  CatalogueQuerySchema,
  cardOf as catalogueCardOf,
  DEFAULT_PAGE_SIZE,
  INCLUSION_FLAGS,
  MAX_RESULT_WINDOW as CATALOGUE_MAX_RESULT_WINDOW,
  SORTS as CATALOGUE_SORTS,
} from '@koppel/catalogue';
import type { Offer } from '@koppel/contracts';
import { askHref, cardOf, dateText, euros, offerDetailsOf, offerHref, paragraphsOf, requestPrefillOf } from '../src/catalogue/offer-text';
import { CatalogueResultSchema, PublicOfferSchema, type PublicOffer } from '../src/catalogue/schemas';
import {
  catalogueApiQuery,
  INCLUSION_FILTERS,
  localSearchErrors,
  MAX_RESULT_WINDOW,
  PAGE_SIZE,
  paginationOf,
  SORTS,
  searchErrorsOf,
  searchFieldOf,
  searchHref,
  searchQueryOf,
  searchValuesOf,
} from '../src/catalogue/search';
import { copyFor } from '../src/copy';

/**
 * The pure parts of the catalogue pages (issue #13): the query string ↔ the form's
 * values ↔ intake's `/catalogue` query, its errors in the page's words, pagination,
 * and what a result card and the offer page say.
 */
const nl = copyFor('nl');
const fr = copyFor('fr');
const en = copyFor('en');
const values = (query: string) => searchValuesOf(new URLSearchParams(query));

const puppets: Offer = {
  id: 'off-0032-t1',
  provider: { id: 'prov-024', name: 'Theater Kleine Wolk', email: 'spelen@example.be' },
  title: "Poppenspel 'Mol heeft geen huis'",
  description:
    'Een poppenspeelster komt met haar poppenkast naar de klas.\nDaarna mogen de kleuters zelf spelen.\n\n  40 minuten per klasgroep.  \n\n\n',
  language: 'nl',
  disciplines: ['theatre', 'literature'],
  format: 'performance',
  audience: { ageMin: 3, ageMax: 6 },
  location: { municipality: 'Kuurne', postcode: '8520', country: 'BE', lat: 50.8525, lon: 3.287 },
  reach: { mode: 'at_school', maxTravelKm: 35 },
  groupSize: { min: 10, max: 30 },
  pricePerPupil: 3.5,
  grades: ['1ste kleuterklas', '3de kleuterklas', 'CE2'],
  inclusion: { specialNeeds: true, wheelchairAccess: true, newcomerClasses: false },
  availability: [
    { from: '2030-01-06', to: '2030-03-28' },
    { from: '2030-09-01', to: '2030-12-19' },
  ],
};
/** As intake's `/catalogue/offers/<id>` answers it: the provider's id and name only. */
const publicPuppets: PublicOffer = PublicOfferSchema.parse({ ...puppets, provider: { id: 'prov-024', name: 'Theater Kleine Wolk' } });

describe('the search form and the query string', () => {
  it('reads every field from the address, lists repeated or comma-separated, boxes as true', () => {
    expect(
      values(
        'q=+poppenkast+&age=5&discipline=theatre&discipline=music,theatre&near=8500&km=20&price=max&maxPrice=4&wheelchairAccess=true&specialNeeds=on&sort=distance&page=3&lang=fr',
      ),
    ).toEqual({
      q: 'poppenkast',
      age: '5',
      grade: '',
      discipline: ['theatre', 'music'],
      format: '',
      language: '',
      near: '8500',
      country: '',
      km: '20',
      price: 'max',
      maxPrice: '4',
      inclusion: { newcomerClasses: false, specialNeeds: true, wheelchairAccess: true, languageSupport: false },
      sort: 'distance',
      page: 3,
    });
  });

  it('starts at page 1 for a page that is not a whole number above 1', () => {
    for (const page of ['', '0', '-2', '1.5', 'abc']) expect(values(`page=${page}`).page).toBe(1);
  });

  it('keeps only what is filled in, in the order of the form: what the plain GET form sent, cleaned', () => {
    const sent = 'q=klei&age=&grade=&discipline=music&format=&language=nl&near=&country=&km=&price=&maxPrice=&wheelchairAccess=true&sort=';
    expect(searchQueryOf(values(sent))).toBe('q=klei&discipline=music&language=nl&wheelchairAccess=true');
    expect(searchHref(values(sent), 2)).toBe('/aanbod?q=klei&discipline=music&language=nl&wheelchairAccess=true&page=2');
    expect(searchHref(values(''), 1)).toBe('/aanbod');
    expect(searchHref(values('q=klei'), 1, 'en')).toBe('/aanbod?q=klei&lang=en');
    // A maximum price only counts with "at most" (or no price choice at all).
    expect(searchQueryOf(values('price=free&maxPrice=4'))).toBe('price=free');
    // Reading the cleaned query gives the same values back.
    const full = values(
      'q=klei&grade=3de leerjaar&discipline=music,dance&near=Kortrijk&country=BE&km=15&price=max&maxPrice=4&languageSupport=true&sort=price&page=4',
    );
    expect(values(searchQueryOf(full))).toEqual(full);
  });

  it("builds intake's query: lists comma-separated, 'at most' as maxPrice, boxes as true, intake's page size", () => {
    const query = catalogueApiQuery(
      values('q=poppenkast&discipline=theatre&discipline=literature&near=8500&km=20&price=max&maxPrice=4&specialNeeds=true&page=2'),
    );
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      q: 'poppenkast',
      discipline: 'theatre,literature',
      near: '8500',
      km: '20',
      maxPrice: '4',
      specialNeeds: 'true',
      page: '2',
      pageSize: String(PAGE_SIZE),
    });
    expect(Object.fromEntries(new URLSearchParams(catalogueApiQuery(values('price=social&maxPrice=4'))))).toEqual({
      price: 'social',
      pageSize: '20',
    });
    expect(catalogueApiQuery(values(''))).toBe('pageSize=20');
  });

  it("sends what intake's own query schema accepts (near aside: intake turns it into lat/lon)", () => {
    const query = new URLSearchParams(
      catalogueApiQuery(
        values(
          'q=klei&age=8&grade=3de leerjaar&discipline=music,dance&format=workshop&language=nl&price=max&maxPrice=4&newcomerClasses=true&specialNeeds=true&wheelchairAccess=true&languageSupport=true&sort=price&page=2',
        ),
      ),
    );
    const parsed = CatalogueQuerySchema.safeParse(Object.fromEntries(query));
    expect(parsed.success && parsed.data).toMatchObject({
      q: 'klei',
      age: 8,
      discipline: ['music', 'dance'],
      format: ['workshop'],
      maxPrice: 4,
      wheelchairAccess: true,
      sort: 'price',
      page: 2,
      pageSize: 20,
    });
  });

  it("uses intake's filters, sorts and paging limits", () => {
    expect([...INCLUSION_FILTERS]).toEqual([...INCLUSION_FLAGS]);
    expect([...SORTS]).toEqual([...CATALOGUE_SORTS]);
    expect(PAGE_SIZE).toBe(DEFAULT_PAGE_SIZE);
    expect(MAX_RESULT_WINDOW).toBe(CATALOGUE_MAX_RESULT_WINDOW);
  });
});

describe("intake's 400 on a search, next to the fields in the page's words", () => {
  it('puts every error path on the field it belongs to', () => {
    expect(searchFieldOf('discipline.1')).toBe('discipline');
    expect(searchFieldOf('lat')).toBe('near');
    expect(searchFieldOf('wheelchairAccess')).toBe('inclusion');
    expect(searchFieldOf('pageSize')).toBe('');
    expect(searchFieldOf('(query)')).toBe('');
  });

  it("says what is wrong instead of intake's English developer message, once per field", () => {
    const errors = [
      { path: 'near', message: 'no postcode or municipality in Belgium or the Netherlands by this name' },
      { path: 'km', message: 'km needs lat and lon' },
      { path: 'sort', message: 'sorting by distance needs lat and lon' },
      { path: 'age', message: 'Invalid input: expected number, received NaN' },
      { path: 'discipline.0', message: 'Invalid option' },
      { path: 'discipline.1', message: 'Invalid option' },
      { path: 'page', message: 'page x pageSize must not exceed 10000' },
    ];
    expect(searchErrorsOf(errors, nl)).toEqual([
      { field: 'near', message: 'Deze postcode of gemeente kennen we niet in België of Nederland.' },
      { field: 'km', message: 'Vul ook een postcode of gemeente in om op afstand te zoeken.' },
      { field: 'sort', message: 'Sorteren op afstand kan alleen met een postcode of gemeente.' },
      { field: 'age', message: 'Vul een leeftijd in hele jaren in, van 0 tot 120.' },
      { field: 'discipline', message: 'Disciplines: controleer dit veld.' },
      { field: '', message: 'Deze pagina van de resultaten bestaat niet.' },
    ]);
    expect(searchErrorsOf([{ path: 'km', message: 'Too big: expected number to be <=1000' }], fr)).toEqual([
      { field: 'km', message: 'Indiquez une distance de 1 à 1000 km.' },
    ]);
    expect(searchErrorsOf([{ path: 'format.0', message: 'Invalid option' }], en)).toEqual([
      { field: 'format', message: 'Format: please check this field.' },
    ]);
  });

  it('asks for the amount when "at most" has none, before asking intake', () => {
    expect(localSearchErrors(values('price=max'), nl)).toEqual([{ field: 'maxPrice', message: 'Vul het hoogste bedrag per leerling in.' }]);
    expect(localSearchErrors(values('price=max&maxPrice=4'), nl)).toEqual([]);
    expect(localSearchErrors(values(''), nl)).toEqual([]);
  });
});

describe('pagination', () => {
  it('says page N of M with previous and next where there are', () => {
    expect(paginationOf(45, 1, 20)).toEqual({ page: 1, pages: 3, next: 2 });
    expect(paginationOf(45, 2, 20)).toEqual({ page: 2, pages: 3, previous: 1, next: 3 });
    expect(paginationOf(45, 3, 20)).toEqual({ page: 3, pages: 3, previous: 2 });
    expect(paginationOf(0, 1, 20)).toEqual({ page: 1, pages: 1 });
    // Past the end (an old link): back to the last page.
    expect(paginationOf(45, 9, 20)).toEqual({ page: 9, pages: 3, previous: 3 });
    // Never deeper than intake pages.
    expect(paginationOf(1_000_000, 1, 20).pages).toBe(500);
  });

  it('reads out in every language', () => {
    expect(nl.client.catalogue.pagination.pageOf(2, 5)).toBe('Pagina 2 van 5');
    expect(fr.client.catalogue.pagination.pageOf(2, 5)).toBe('Page 2 sur 5');
    expect(en.client.catalogue.pagination.pageOf(2, 5)).toBe('Page 2 of 5');
    expect(nl.client.catalogue.total(23)).toBe('23 aanbiedingen gevonden');
    expect(nl.client.catalogue.total(1)).toBe('1 aanbieding gevonden');
    expect(fr.client.catalogue.total(23)).toBe('23 activités trouvées');
  });
});

describe('a result card', () => {
  const hit = { offer: catalogueCardOf(puppets), score: 3.2, distanceKm: 2.46 };

  it("reads intake's card (the catalogue package's own) with the page's schema", () => {
    const page = CatalogueResultSchema.parse({ total: 1, page: 1, pageSize: 20, items: [hit] });
    expect(page.items[0]?.offer.provider).toEqual({ id: 'prov-024', name: 'Theater Kleine Wolk' });
  });

  it('shows title and link, provider, place with distance, ages, disciplines, format, price and inclusion in words', () => {
    const card = cardOf(CatalogueResultSchema.parse({ total: 1, page: 1, pageSize: 20, items: [hit] }).items[0]!, nl, 'nl');
    expect(card).toEqual({
      id: 'off-0032-t1',
      href: '/aanbod/off-0032-t1',
      title: "Poppenspel 'Mol heeft geen huis'",
      facts: [
        ['Aanbieder', 'Theater Kleine Wolk'],
        ['Waar', 'Kuurne (8520), op 2,5 km'],
        ['Leeftijd', '3–6 jaar'],
        ['Disciplines', 'Theater, Literatuur'],
        ['Vorm', 'Voorstelling'],
        ['Prijs per leerling', '€\u00a03,50'],
      ],
      badges: ['Buitengewoon onderwijs', 'Rolstoeltoegankelijk'],
      excerpt: expect.stringContaining('Een poppenspeelster komt met haar poppenkast'),
    });
  });

  it('leaves the distance out without a place, says "free", and speaks French and English', () => {
    const free = { offer: { ...catalogueCardOf(puppets), pricePerPupil: 0, inclusion: undefined } };
    const card = cardOf(free, fr, 'fr');
    expect(card.facts).toContainEqual(['Où', 'Kuurne (8520)']);
    expect(card.facts).toContainEqual(['Prix par élève', 'Gratuit']);
    expect(card.facts).toContainEqual(['Disciplines', 'Théâtre, Littérature']);
    expect(card.badges).toEqual([]);
    expect(cardOf(hit, en, 'en').facts).toContainEqual(['Where', 'Kuurne (8520), 2.5 km away']);
    expect(cardOf(hit, en, 'en').facts).toContainEqual(['Price per pupil', '€3.50']);
  });

  it('links to the offer page and to asking for it, whatever the id holds', () => {
    expect(offerHref('off 1/"x"')).toBe('/aanbod/off%201%2F%22x%22');
    expect(askHref('off 1/"x"')).toBe('/school?offer=off%201%2F%22x%22');
  });
});

describe('the offer page', () => {
  it('keeps the paragraphs and lines of the description', () => {
    expect(paragraphsOf(puppets.description)).toEqual([
      ['Een poppenspeelster komt met haar poppenkast naar de klas.', 'Daarna mogen de kleuters zelf spelen.'],
      ['40 minuten per klasgroep.'],
    ]);
    expect(paragraphsOf('een\r\n\r\ntwee')).toEqual([['een'], ['twee']]);
    expect(paragraphsOf('')).toEqual([]);
  });

  it('tells everything a teacher needs, in Dutch', () => {
    const view = offerDetailsOf(publicPuppets, nl, 'nl');
    expect(view.title).toBe("Poppenspel 'Mol heeft geen huis'");
    expect(view.provider).toBe('Theater Kleine Wolk');
    expect(view.askHref).toBe('/school?offer=off-0032-t1');
    expect(view.facts).toEqual([
      ['Aanbieder', 'Theater Kleine Wolk'],
      ['Leeftijd', '3–6 jaar'],
      ['Leerjaren', '1ste kleuterklas, 3de kleuterklas, CE2'],
      ['Disciplines', 'Theater, Literatuur'],
      ['Vorm', 'Voorstelling'],
      ['Waar', 'Kuurne (8520), België'],
      ['Hoe het doorgaat', 'Op school, tot 35 km van Kuurne'],
      ['Groepsgrootte', '10 tot 30 leerlingen'],
      ['Prijs per leerling', '€\u00a03,50'],
      ['Taal', 'Nederlands'],
      ['Inclusie', 'Buitengewoon onderwijs, Rolstoeltoegankelijk'],
      ['Wanneer', 'van 6 januari 2030 tot 28 maart 2030; van 1 september 2030 tot 19 december 2030'],
    ]);
  });

  it('translates grades it knows, the reach, the periods and the social tariff', () => {
    const both = { ...publicPuppets, reach: { mode: 'both' as const, maxTravelKm: 40 }, inclusion: { freeOrSocialTariff: true } };
    const view = offerDetailsOf(both, fr, 'fr');
    const fact = (label: string) => view.facts.find(([l]) => l === label)?.[1];
    expect(fact('Années')).toBe('1re maternelle, 3e maternelle, CE2');
    expect(fact('Comment cela se passe')).toBe('Chez l’opérateur, à Kuurne, ou à l’école jusqu’à 40 km de là');
    expect(fact('Prix par élève')).toBe('3,50\u00a0€ (tarif social possible)');
    expect(fact('Inclusion')).toBe('Tarif social');
    expect(fact('Quand')).toMatch(/^du 6 janvier 2030 au 28 mars 2030; /);
    const online = offerDetailsOf(
      { ...publicPuppets, reach: { mode: 'online', maxTravelKm: 0 }, availability: undefined, grades: undefined },
      en,
      'en',
    );
    expect(online.facts.find(([l]) => l === 'How it takes place')?.[1]).toBe('Online');
    expect(online.facts.find(([l]) => l === 'When')?.[1]).toBe('All year round');
    expect(online.facts.map(([l]) => l)).not.toContain('Grades');
    const onSite = offerDetailsOf({ ...publicPuppets, reach: { mode: 'on_site', maxTravelKm: 0 } }, nl, 'nl');
    expect(onSite.facts.find(([l]) => l === 'Hoe het doorgaat')?.[1]).toBe('Bij de aanbieder in Kuurne');
  });

  it('writes amounts and dates as the page language does, the same day everywhere', () => {
    // Intl puts a no-break space between sign and amount where the language has a space.
    expect(euros(4, nl)).toBe('€\u00a04');
    expect(euros(3.5, nl)).toBe('€\u00a03,50');
    expect(euros(12.25, en)).toBe('€12.25');
    expect(dateText('2030-01-06', nl)).toBe('6 januari 2030');
    expect(dateText('2030-12-31', en)).toBe('31 December 2030');
  });
});

describe('"Vraag dit aanbod aan": the request form filled in from the offer', () => {
  it('names the offer, and takes its disciplines, grades, language and ages', () => {
    expect(requestPrefillOf(publicPuppets, nl)).toEqual({
      title: "Aanvraag: Poppenspel 'Mol heeft geen huis'",
      description: expect.stringContaining('Wij vragen het aanbod "Poppenspel \'Mol heeft geen huis\'" van Theater Kleine Wolk aan.'),
      disciplines: ['theatre', 'literature'],
      grades: ['1ste kleuterklas', '3de kleuterklas', 'CE2'],
      language: 'nl',
      ages: { ageMin: 3, ageMax: 6 },
      notice: "U vraagt dit aanbod aan: Poppenspel 'Mol heeft geen huis' (Theater Kleine Wolk)",
    });
    expect(requestPrefillOf(publicPuppets, fr).title).toBe("Demande : Poppenspel 'Mol heeft geen huis'");
    expect(requestPrefillOf(publicPuppets, en).notice).toBe(
      "You are asking for this activity: Poppenspel 'Mol heeft geen huis' (Theater Kleine Wolk)",
    );
  });

  it("keeps the title within intake's 300 characters", () => {
    expect(requestPrefillOf({ ...publicPuppets, title: 'x'.repeat(300) }, nl).title).toHaveLength(300);
  });
});
