import { detectLanguage } from '../src';
import { analyseText } from '../src/text/analyse';
import { askedLanguageOf } from '../src/text/language';
import { normaliseText } from '../src/text/normalise';
import { normalisedTokens } from '../src/text/tokenise';

describe('normalise and tokenise', () => {
  it('keeps words with diacritics whole (natural splits creëren and België)', () => {
    expect(normalisedTokens('Zelf iets creëren in België!')).toEqual(['zelf', 'iets', 'creeren', 'in', 'belgie']);
  });
  it('strips French accents and lowercases', () => {
    expect(normaliseText('Théâtre à l’École')).toBe("theatre a l'ecole");
    expect(normalisedTokens('Moyen Âge, poésie')).toEqual(['moyen', 'age', 'poesie']);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Wij zoeken een voorstelling voor onze kleuters, liefst met weinig tekst.', 'nl'],
    ['Nous cherchons un atelier de danse pour nos élèves de 6e.', 'fr'],
    ['We are looking for a drama workshop that works in English for our pupils.', 'en'],
    ['Voor het vierde leerjaar: een bezoek aan het museum.', 'nl'],
    ['Visite guidée en français : la bataille des Éperons d’or', 'fr'],
    ['The Ypres Salient: guided visit in English', 'en'],
  ])('%s -> %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
  it('defaults to Dutch without evidence', () => expect(detectLanguage('1302')).toBe('nl'));
});

describe('asked language', () => {
  it('reads a language the text asks for', () => {
    expect(askedLanguageOf(normaliseText('Een activiteit in het Frans voor de 2de graad'))).toBe('fr');
    expect(askedLanguageOf(normaliseText('Activité en français de préférence'))).toBe('fr');
    expect(askedLanguageOf(normaliseText('a workshop that works in English'))).toBe('en');
    expect(askedLanguageOf(normaliseText('een workshop graffiti'))).toBeNull();
  });
});

describe('analyseText', () => {
  const options = { titleWeight: 2, themeWeight: 3 };
  it('stems per language and counts title words more', () => {
    const a = analyseText('Schilderen', 'We schilderen met verf.', { ...options, language: 'nl' });
    expect(a.termWeights.get('schilder')).toBe(3);
  });
  it('maps synonyms across languages to one theme', () => {
    const nl = analyseText('Middeleeuwen', 'Een uitstap over ridders.', { ...options, language: 'nl' });
    const fr = analyseText('Le Moyen Âge', 'Une visite sur les chevaliers.', { ...options, language: 'fr' });
    expect(nl.themes.has('middle_ages')).toBe(true);
    expect(fr.themes.has('middle_ages')).toBe(true);
  });
  it('finds themes inside Dutch compounds', () => {
    const a = analyseText('Zangproject', 'Een muurschildering op de speelplaats.', { ...options, language: 'nl' });
    expect(a.themes.has('singing')).toBe(true);
    expect(a.themes.has('street_art')).toBe(true);
  });
  it('reads formats asked for', () => {
    const a = analyseText('Uitstap', 'We zoeken een museumbezoek of een workshop.', { ...options, language: 'nl' });
    expect([...a.formats.keys()].sort()).toEqual(['visit', 'workshop']);
  });
});
