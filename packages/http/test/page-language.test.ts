import { languageOfAcceptHeader, pageLanguageOf } from '../src/page-language';

const req = (query: Record<string, unknown>, headers: Record<string, string> = {}) => ({ query, headers }) as never;

describe('pageLanguageOf', () => {
  it('is Dutch when nothing says otherwise', () => {
    expect(pageLanguageOf(req({}))).toBe('nl');
  });

  it('prefers ?lang= over the cookie and the browser', () => {
    expect(pageLanguageOf(req({ lang: 'fr' }, { cookie: 'koppel_taal=en', 'accept-language': 'nl' }))).toBe('fr');
  });

  it('prefers the remembered cookie over the browser', () => {
    expect(pageLanguageOf(req({}, { cookie: 'a=1; koppel_taal=en; b=2', 'accept-language': 'fr-BE' }))).toBe('en');
  });

  it('ignores unknown values instead of refusing the page', () => {
    expect(pageLanguageOf(req({ lang: 'de' }, { cookie: 'koppel_taal=<x>' }))).toBe('nl');
  });
});

describe('languageOfAcceptHeader', () => {
  it('takes the highest q among nl, fr and en', () => {
    expect(languageOfAcceptHeader('de-DE, en;q=0.5, fr-BE;q=0.8')).toBe('fr');
  });
  it('keeps header order for equal q and skips q=0', () => {
    expect(languageOfAcceptHeader('fr;q=0, en-GB, nl')).toBe('en');
  });
  it('is undefined when no supported language is asked for', () => {
    expect(languageOfAcceptHeader('de, es;q=0.9')).toBeUndefined();
    expect(languageOfAcceptHeader(undefined)).toBeUndefined();
  });
});
