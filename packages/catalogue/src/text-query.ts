import {
  detectLanguage,
  isStopword,
  normaliseText,
  type TextLanguage,
  THEME_TERM_PREFIX,
  stemOf,
  themesIn,
  tokensOf,
} from '@koppel/matching';

/**
 * The words of a search, read with the matching engine's own analyser (the same
 * normalisation, tokens, stopwords, stemmers and taxonomy as offers are indexed with).
 *
 * Each word becomes a group of index terms, any of which satisfies it: its stem in
 * the detected language and in the two others (a one-word search gives a language
 * detector nothing to go on, and "painting" must find English offers), and the
 * taxonomy themes it names (`#theatre` for "toneel", so "drama" and "théâtre" offers
 * match too). A search matches offers that satisfy every group.
 */
export interface WordGroup {
  /** The normalised word (or, for a theme-only group, the stopword that named the theme). */
  word: string;
  /** Index term -> query weight. */
  terms: Map<string, number>;
}

const LANGUAGES: readonly TextLanguage[] = ['nl', 'fr', 'en'];

/** A synonym (theme) counts half as much as the word itself, so literal matches rank first. */
export const THEME_QUERY_WEIGHT = 0.5;

export function wordGroupsOf(q: string): WordGroup[] {
  const tokens = tokensOf(normaliseText(q));
  if (tokens.length === 0) return [];
  const detected = detectLanguage(q);
  const languages = [detected, ...LANGUAGES.filter((l) => l !== detected)];
  const themesOfToken = new Map<string, string[]>();
  for (const [id, words] of themesIn(tokens)) {
    for (const phrase of words) {
      for (const token of phrase.split(' ')) {
        const ids = themesOfToken.get(token) ?? [];
        if (!ids.includes(id)) ids.push(id);
        themesOfToken.set(token, ids);
      }
    }
  }
  const groups = new Map<string, WordGroup>();
  const addThemes = (terms: Map<string, number>, token: string): void => {
    for (const id of themesOfToken.get(token) ?? []) terms.set(THEME_TERM_PREFIX + id, THEME_QUERY_WEIGHT);
  };
  for (const token of tokens) {
    if (isStopword(token) || groups.has(token)) continue;
    const terms = new Map<string, number>();
    for (const language of languages) terms.set(stemOf(token, language), 1);
    addThemes(terms, token);
    groups.set(token, { word: token, terms });
  }
  // Only stopwords: one may still name a theme (Dutch "dans" is a French stopword); search by those themes.
  if (groups.size === 0) {
    for (const token of tokens) {
      const terms = new Map<string, number>();
      addThemes(terms, token);
      if (terms.size > 0 && !groups.has(token)) groups.set(token, { word: token, terms });
    }
  }
  return [...groups.values()];
}
