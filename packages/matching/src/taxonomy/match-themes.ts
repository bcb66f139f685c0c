import type { Discipline } from '@koppel/contracts';
import { PatternMatcher } from './patterns';
import { THEMES, THEMES_BY_ID } from './themes';

const THEME_MATCHER = new PatternMatcher<string>(THEMES.map((t) => ({ key: t.id, patterns: t.patterns })));

/** Taxonomy themes (ids) found in normalised tokens, with the words that triggered them. */
export function themesIn(tokens: readonly string[]): Map<string, Set<string>> {
  return THEME_MATCHER.matches(tokens);
}

/**
 * Disciplines a text is about, inferred from its themes: each theme votes for its
 * disciplines with the number of words that triggered it; disciplines with at
 * least half the top vote are kept.
 */
export function disciplinesInferredFrom(themes: Map<string, Set<string>>): Discipline[] {
  const votes = new Map<Discipline, number>();
  for (const [id, words] of themes) {
    const theme = THEMES_BY_ID.get(id);
    if (!theme) continue;
    for (const d of theme.disciplines) votes.set(d, (votes.get(d) ?? 0) + words.size);
  }
  const top = Math.max(0, ...votes.values());
  return [...votes].filter(([, v]) => v >= top / 2 && top > 0).map(([d]) => d);
}
