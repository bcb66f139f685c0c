import { catalogueQuery, createCatalogue } from '../src';
import { catalogueOf, idsOf, KORTRIJK, makeOffer, pointNorthOf, search } from './fixtures';

describe('words (the matching engine analyser)', () => {
  it('When a Dutch word is searched, then an offer with another form of it in its description is found (stemming)', () => {
    const catalogue = catalogueOf(
      makeOffer('walks', { title: 'Op stap in Brugge', description: 'Drie wandelingen langs de reien.' }),
      makeOffer('farm', { title: 'Op de boerderij', description: 'Koeien en kippen van dichtbij.' }),
    );
    expect(idsOf(search(catalogue, { q: 'wandeling' }))).toEqual(['walks']);
    expect(idsOf(search(catalogue, { q: 'boerderijen' }))).toEqual(['farm']);
  });

  it('When "verhaal" is searched, then an offer about "verhalen" is found, and the other way round', () => {
    const catalogue = catalogueOf(
      makeOffer('tales', { title: 'Vertelnamiddag', description: 'De kinderen luisteren naar verhalen.' }),
      makeOffer('tale', { title: 'Het verhaal van de molen', description: 'Een voorstelling.' }),
    );
    expect(idsOf(search(catalogue, { q: 'verhaal' })).sort()).toEqual(['tale', 'tales']);
    expect(idsOf(search(catalogue, { q: 'verhalen' })).sort()).toEqual(['tale', 'tales']);
  });

  it('When a word has a synonym in the taxonomy, then offers with only the synonym are found, literal matches first', () => {
    const catalogue = catalogueOf(
      makeOffer('drama', { title: 'Dramaworkshop', description: 'Improviseren in de klas.', disciplines: ['theatre'] }),
      makeOffer('toneel', { title: 'Toneel in de klas', description: 'Een workshop met de hele klas.', disciplines: ['theatre'] }),
      makeOffer('clay', { title: 'Boetseren met klei', description: 'Beelden maken.' }),
    );
    expect(idsOf(search(catalogue, { q: 'toneel' }))).toEqual(['toneel', 'drama']);
  });

  it('When a Dutch word is searched, then a French offer about the same taxonomy theme is found', () => {
    const catalogue = catalogueOf(
      makeOffer('fr', { title: 'Le Moyen Âge au château', description: 'Une visite guidée pour les élèves.', language: 'fr' }),
      makeOffer('nl', { title: 'De Gouden Eeuw', description: 'Schepen en handel in de haven.' }),
    );
    expect(idsOf(search(catalogue, { q: 'middeleeuwen' }))).toEqual(['fr']);
  });

  it('When a discipline is named, then offers declared in that discipline are found though their text never names it', () => {
    const catalogue = catalogueOf(
      makeOffer('choir', { title: 'Koor op school', description: 'Samen liedjes leren.', disciplines: ['music'] }),
      makeOffer('clay', { title: 'Klei', description: 'Boetseren.', disciplines: ['visual_arts'] }),
    );
    expect(idsOf(search(catalogue, { q: 'muziek' }))).toEqual(['choir']);
    expect(idsOf(search(catalogue, { q: 'musique' }))).toEqual(['choir']);
  });

  it('When an English word is searched, then English offers are found by their English stem', () => {
    const catalogue = catalogueOf(
      makeOffer('en', { title: 'Mural workshop', description: 'The children paint a wall of the playground.', language: 'en' }),
      makeOffer('nl', { title: 'Koor', description: 'Samen zingen.' }),
    );
    expect(idsOf(search(catalogue, { q: 'painting' }))).toEqual(['en']);
  });

  it('When several words are searched, then only offers matching every word are found', () => {
    const catalogue = catalogueOf(
      makeOffer('both', { title: 'Graffiti en klei', description: 'Twee technieken.' }),
      makeOffer('graffiti', { title: 'Graffiti op de speelplaats', description: 'Met spuitbussen.' }),
      makeOffer('clay', { title: 'Klei', description: 'Boetseren.' }),
    );
    expect(idsOf(search(catalogue, { q: 'graffiti klei' }))).toEqual(['both']);
    expect(search(catalogue, { q: 'graffiti klei' }).total).toBe(1);
    expect(search(catalogue, { q: 'graffiti onbestaandwoord' }).total).toBe(0);
  });

  it('When a word is in one title and in another description, then the title match ranks first', () => {
    const catalogue = catalogueOf(
      makeOffer('description', { title: 'Stadswandeling', description: 'Langs de molen en het plein.' }),
      makeOffer('title', { title: 'De molen', description: 'Langs de stad en het plein.' }),
    );
    const result = search(catalogue, { q: 'molen' });
    expect(idsOf(result)).toEqual(['title', 'description']);
    expect(result.items[0].score!).toBeGreaterThan(result.items[1].score!);
  });

  it('When only stopwords are searched, then the search has no words and orders by title', () => {
    const catalogue = catalogueOf(makeOffer('b', { title: 'Beeld' }), makeOffer('a', { title: 'Aquarel' }));
    const result = search(catalogue, { q: 'de het een' });
    expect(idsOf(result)).toEqual(['a', 'b']);
    expect(result.items[0].score).toBeUndefined();
  });
});

describe('filters', () => {
  it('age keeps offers whose audience contains it; grade keeps offers whose ages overlap the grade', () => {
    const catalogue = catalogueOf(
      makeOffer('young', { audience: { ageMin: 3, ageMax: 6 } }),
      makeOffer('middle', { audience: { ageMin: 8, ageMax: 10 } }),
      makeOffer('teens', { audience: { ageMin: 14, ageMax: 18 } }),
    );
    expect(idsOf(search(catalogue, { age: '6' }))).toEqual(['young']);
    expect(idsOf(search(catalogue, { age: 10 }))).toEqual(['middle']);
    expect(search(catalogue, { age: 12 }).total).toBe(0);
    expect(idsOf(search(catalogue, { grade: '3de leerjaar' }))).toEqual(['middle']); // 8-9
    expect(idsOf(search(catalogue, { grade: 'groep 2' }))).toEqual(['young']); // 5-6
  });

  it('discipline, format and language keep offers with any of the listed values', () => {
    const catalogue = catalogueOf(
      makeOffer('music', { disciplines: ['music'], format: 'performance', language: 'fr' }),
      makeOffer('dance-heritage', { disciplines: ['dance', 'heritage'], format: 'visit', language: 'en' }),
      makeOffer('painting', { disciplines: ['visual_arts'], format: 'workshop', language: 'nl' }),
    );
    expect(idsOf(search(catalogue, { discipline: 'heritage' }))).toEqual(['dance-heritage']);
    expect(idsOf(search(catalogue, { discipline: 'music,dance' })).sort()).toEqual(['dance-heritage', 'music']);
    expect(search(catalogue, { discipline: ['dance', 'heritage'] }).total).toBe(1); // counted once
    expect(idsOf(search(catalogue, { format: ['workshop', 'performance'] })).sort()).toEqual(['music', 'painting']);
    expect(idsOf(search(catalogue, { language: 'nl,en' })).sort()).toEqual(['dance-heritage', 'painting']);
    expect(idsOf(search(catalogue, { discipline: 'music', format: 'workshop' }))).toEqual([]);
  });

  it('When an offer is 5 km away, then km=10 includes it and km=3 excludes it', () => {
    const catalogue = catalogueOf(makeOffer('near', { location: pointNorthOf(KORTRIJK, 5) }), makeOffer('here', { location: KORTRIJK }));
    const within10 = search(catalogue, { ...KORTRIJK, km: 10, sort: 'distance' });
    expect(idsOf(within10)).toEqual(['here', 'near']);
    expect(within10.items[1].distanceKm).toBe(5);
    expect(idsOf(search(catalogue, { ...KORTRIJK, km: 3 }))).toEqual(['here']);
    expect(idsOf(search(catalogue, { lat: String(KORTRIJK.lat), lon: String(KORTRIJK.lon), km: '4.9' }))).toEqual(['here']);
  });

  it('When there are many offers, then the distance filter gives the same answer as checking each one', () => {
    const catalogue = createCatalogue();
    const within: string[] = [];
    for (let i = 0; i < 400; i++) {
      const km = (i * 37) % 120;
      const place = { lat: KORTRIJK.lat + ((i % 2 ? 1 : -1) * km) / 111.19, lon: KORTRIJK.lon };
      catalogue.put(makeOffer(`o${i}`, { location: place, disciplines: i % 3 ? ['music'] : ['dance'] }));
      if (km <= 30 && i % 3 !== 0) within.push(`o${i}`);
    }
    const result = search(catalogue, { ...KORTRIJK, km: 30.5, discipline: 'music', pageSize: 100 });
    expect(result.total).toBe(within.length);
    expect(idsOf(result).sort()).toEqual(within.sort());
  });

  it('price: free is 0 €, social is free or a social tariff, maxPrice is inclusive', () => {
    const catalogue = catalogueOf(
      makeOffer('free', { pricePerPupil: 0 }),
      makeOffer('social', { pricePerPupil: 8, inclusion: { freeOrSocialTariff: true } }),
      makeOffer('cheap', { pricePerPupil: 4 }),
      makeOffer('dear', { pricePerPupil: 12.5 }),
    );
    expect(idsOf(search(catalogue, { price: 'free' }))).toEqual(['free']);
    expect(idsOf(search(catalogue, { price: 'social' })).sort()).toEqual(['free', 'social']);
    expect(idsOf(search(catalogue, { maxPrice: '4' })).sort()).toEqual(['cheap', 'free']);
    expect(idsOf(search(catalogue, { maxPrice: 12.5 })).sort()).toEqual(['cheap', 'dear', 'free', 'social']);
    expect(idsOf(search(catalogue, { price: 'social', maxPrice: 5 }))).toEqual(['free']);
  });

  it('inclusion flags keep only offers that have every flag asked for; false does not filter', () => {
    const catalogue = catalogueOf(
      makeOffer('okan', { inclusion: { newcomerClasses: true, languageSupport: true } }),
      makeOffer('wheels', { inclusion: { wheelchairAccess: true } }),
      makeOffer('special', { inclusion: { specialNeeds: true, wheelchairAccess: true } }),
      makeOffer('none'),
    );
    expect(idsOf(search(catalogue, { newcomerClasses: 'true' }))).toEqual(['okan']);
    expect(idsOf(search(catalogue, { languageSupport: true }))).toEqual(['okan']);
    expect(idsOf(search(catalogue, { wheelchairAccess: '1' })).sort()).toEqual(['special', 'wheels']);
    expect(idsOf(search(catalogue, { wheelchairAccess: 'true', specialNeeds: 'true' }))).toEqual(['special']);
    expect(search(catalogue, { wheelchairAccess: 'false' }).total).toBe(4);
  });

  it('filters combine with words', () => {
    const catalogue = catalogueOf(
      makeOffer('kids', { title: 'Graffiti', audience: { ageMin: 6, ageMax: 9 } }),
      makeOffer('teens', { title: 'Graffiti', audience: { ageMin: 12, ageMax: 16 } }),
      makeOffer('other', { title: 'Klei', audience: { ageMin: 12, ageMax: 16 } }),
    );
    expect(idsOf(search(catalogue, { q: 'graffiti', age: 14 }))).toEqual(['teens']);
  });
});

describe('sorting and paging', () => {
  const catalogue = catalogueOf(
    makeOffer('far-cheap', { title: 'Zingen', location: pointNorthOf(KORTRIJK, 40), pricePerPupil: 1 }),
    makeOffer('near-dear', { title: 'Ateliér', location: pointNorthOf(KORTRIJK, 2), pricePerPupil: 9 }),
    makeOffer('mid-free', { title: 'Muziek', location: pointNorthOf(KORTRIJK, 15), pricePerPupil: 0 }),
  );

  it('sorts by distance (nearest first, with the distance), by price (cheapest first) and by title (accents ignored)', () => {
    const byDistance = search(catalogue, { ...KORTRIJK, sort: 'distance' });
    expect(idsOf(byDistance)).toEqual(['near-dear', 'mid-free', 'far-cheap']);
    expect(byDistance.items.map((item) => item.distanceKm)).toEqual([2, 15, 40]);
    expect(idsOf(search(catalogue, { sort: 'price' }))).toEqual(['mid-free', 'far-cheap', 'near-dear']);
    expect(idsOf(search(catalogue, {}))).toEqual(['near-dear', 'mid-free', 'far-cheap']);
    expect(idsOf(search(catalogue, { sort: 'title' }))).toEqual(['near-dear', 'mid-free', 'far-cheap']);
  });

  it('sorts by relevance by default when there are words, best score first', () => {
    const texts = catalogueOf(
      makeOffer('once', { title: 'Atelier', description: 'Een dag met graffiti en veel andere technieken en verhalen en liedjes.' }),
      makeOffer('title', { title: 'Graffiti', description: 'Spuitbussen en muren.' }),
      makeOffer('twice', { title: 'Street art', description: 'Graffiti, en nog eens graffiti.' }),
    );
    const result = search(texts, { q: 'graffiti' });
    expect(idsOf(result)).toEqual(['title', 'twice', 'once']);
    const scores = result.items.map((item) => item.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(idsOf(search(texts, { q: 'graffiti', sort: 'title' }))).toEqual(['once', 'title', 'twice']); // Atelier, Graffiti, Street art
  });

  it('pages through every match once, with the total of all pages', () => {
    const many = createCatalogue();
    for (let i = 0; i < 25; i++) many.put(makeOffer(`o${String(i).padStart(2, '0')}`, { title: `Workshop ${String(i).padStart(2, '0')}` }));
    const pages = [1, 2, 3, 4].map((page) => search(many, { pageSize: 10, page }));
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25, 25]);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5, 0]);
    expect(pages[1]).toMatchObject({ page: 2, pageSize: 10 });
    const seen = pages.flatMap(idsOf);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `o${String(i).padStart(2, '0')}`));
    expect(search(many, { q: 'workshop', pageSize: 20, page: 2 }).items).toHaveLength(5);
    expect(search(many).items).toHaveLength(20); // default page size
  });
});

describe('put, remove, get', () => {
  it('When an offer is put again with its id, then it is replaced: old words no longer find it, new ones do', () => {
    const catalogue = catalogueOf(makeOffer('a', { title: 'Graffiti', pricePerPupil: 3 }), makeOffer('b', { title: 'Klei' }));
    catalogue.put(makeOffer('a', { title: 'Poppenkast', pricePerPupil: 7 }));
    expect(catalogue.size()).toBe(2);
    expect(search(catalogue, { q: 'graffiti' }).total).toBe(0);
    expect(idsOf(search(catalogue, { q: 'poppenkast' }))).toEqual(['a']);
    expect(search(catalogue, { maxPrice: 3 }).total).toBe(0);
    expect(catalogue.get('a')?.title).toBe('Poppenkast');
    expect(search(catalogue).total).toBe(2);
  });

  it('When an offer is removed, then it is neither returned nor counted, by words, filters or title order', () => {
    const catalogue = catalogueOf(
      makeOffer('a', { title: 'Graffiti', disciplines: ['visual_arts'], location: pointNorthOf(KORTRIJK, 1) }),
      makeOffer('b', { title: 'Graffiti in de stad', disciplines: ['visual_arts'] }),
    );
    search(catalogue); // the title order is built before the removal
    catalogue.remove('a');
    catalogue.remove('unknown');
    expect(catalogue.size()).toBe(1);
    expect(catalogue.get('a')).toBeUndefined();
    for (const query of [{}, { q: 'graffiti' }, { discipline: 'visual_arts' }, { ...KORTRIJK, km: 5 }, { sort: 'price' }]) {
      const result = search(catalogue, query);
      expect(result.total).toBe(1);
      expect(idsOf(result)).toEqual(['b']);
    }
  });

  it('When removed slots are reused by new offers, then the title order stays right', () => {
    const catalogue = catalogueOf(makeOffer('c', { title: 'Cello' }), makeOffer('a', { title: 'Accordeon' }));
    search(catalogue);
    catalogue.remove('c');
    catalogue.put(makeOffer('b', { title: 'Banjo' }));
    catalogue.put(makeOffer('d', { title: 'Drums' }));
    catalogue.put(makeOffer('a', { title: 'Zither' }));
    expect(idsOf(search(catalogue))).toEqual(['b', 'd', 'a']);
  });

  it('A result card carries what a card shows and not the provider email or coordinates', () => {
    const long = `${'Een heel lang verhaal over schilderen en kleuren. '.repeat(10)}`;
    const catalogue = catalogueOf(makeOffer('a', { description: long, inclusion: { wheelchairAccess: true } }));
    const [item] = search(catalogue, { q: 'schilderen', ...KORTRIJK }).items;
    expect(item.offer).toMatchObject({
      id: 'a',
      provider: { id: 'prov-1', name: 'Atelier Kleur' },
      location: { municipality: 'Kortrijk', postcode: '8500', country: 'BE' },
      inclusion: { wheelchairAccess: true },
      format: 'workshop',
      language: 'nl',
    });
    expect(item.offer.excerpt.length).toBeLessThanOrEqual(201);
    expect(item.offer.excerpt.endsWith('…')).toBe(true);
    expect(JSON.stringify(item)).not.toContain('info@example.org');
    expect(item.offer.location).not.toHaveProperty('lat');
    expect(item.distanceKm).toBe(0);
  });

  it('search takes a parsed query', () => {
    const catalogue = catalogueOf(makeOffer('a'));
    expect(catalogue.search(catalogueQuery({ page: '1' })).total).toBe(1);
  });
});
