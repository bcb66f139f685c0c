import { PORTAL_COPY, copyFor } from '../src/copy';
import { copyLeaves } from './copy-leaves';

/**
 * The copy per language. That fr and en have every key of nl is enforced by
 * the types (they are declared as PortalCopy); these tests also catch what
 * types cannot: an empty text, or a Dutch text pasted into the French file.
 */
describe('the portal copy in nl, fr and en', () => {
  const nl = copyLeaves(PORTAL_COPY.nl);

  it('has the same texts (paths) in every language', () => {
    const paths = nl.map(([path]) => path);
    expect(copyLeaves(PORTAL_COPY.fr).map(([path]) => path)).toEqual(paths);
    expect(copyLeaves(PORTAL_COPY.en).map(([path]) => path)).toEqual(paths);
  });

  it('has no empty text', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      expect(copyLeaves(PORTAL_COPY[lang]).filter(([, text]) => text.trim() === '' || text.includes('undefined'))).toEqual([]);
    }
  });

  it('translates every Dutch text, except the words that are the same in that language', () => {
    // The only texts allowed to equal the Dutch: words both languages spell alike.
    const sameAsDutch = {
      fr: ['catalogue.disciplines', 'provider.disciplines', 'client.catalogue.facts.disciplines', 'client.suggestion.contact'],
      en: [
        'choices.reach.online',
        'catalogue.disciplines',
        'provider.disciplines',
        'provider.postcode',
        'client.catalogue.facts.disciplines',
        'client.catalogue.reach.online',
        'client.suggestion.school',
        'client.suggestion.statusLabel',
        'client.suggestion.contact',
        'client.listing.columns.status',
      ],
    };
    const dutch = new Map(nl);
    for (const lang of ['fr', 'en'] as const) {
      const untranslated = copyLeaves(PORTAL_COPY[lang])
        .filter(([path, text]) => dutch.get(path) === text)
        .map(([path]) => path);
      expect({ lang, untranslated }).toEqual({ lang, untranslated: sameAsDutch[lang] });
    }
  });

  it('builds sentences with their parameters in each language', () => {
    expect(copyFor('nl').client.errorSummary(1)).toBe('Er is 1 probleem');
    expect(copyFor('fr').client.errorSummary(3)).toBe('Il y a 3 problèmes');
    expect(copyFor('en').client.errorSummary(2)).toBe('There are 2 problems');
    expect(copyFor('fr').client.suggestion.pupilsText(46, 10, 11, 'Harelbeke')).toBe('46 (10–11 ans), Harelbeke');
    expect(copyFor('nl').choices.grade('primary', 5)).toBe('5de leerjaar');
    expect(copyFor('fr').choices.grade('primary', 1)).toBe('1re primaire');
    expect(copyFor('en').choices.grade('secondary', 2)).toBe('Secondary year 2');
  });

  it('falls back to Dutch for a language it does not speak', () => {
    expect(copyFor('de')).toBe(PORTAL_COPY.nl);
    expect(copyFor(undefined)).toBe(PORTAL_COPY.nl);
    expect(copyFor('constructor')).toBe(PORTAL_COPY.nl);
  });
});
