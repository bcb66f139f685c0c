import type { Format } from '@koppel/contracts';
import { formatsAskedIn } from '../taxonomy/formats';
import { themesIn } from '../taxonomy/match-themes';
import { THEMES_BY_ID } from '../taxonomy/themes';
import { askedLanguageOf, detectLanguage, type TextLanguage } from './language';
import { normaliseText } from './normalise';
import { isStopword, stemOf } from './stem';
import { tokensOf } from './tokenise';

/** Prefix of index terms that stand for a taxonomy theme rather than a word stem. */
export const THEME_TERM_PREFIX = '#';

/** Everything the engine needs to know about a title + description. */
export interface AnalysedText {
  language: TextLanguage;
  /** Language the text asks the activity to be in ("in het Frans"), if any. */
  askedLanguage: TextLanguage | null;
  /** Index term -> weighted frequency (stems, and #theme terms). */
  termWeights: Map<string, number>;
  /** Stem -> a readable word that produced it. */
  surfaceOfStem: Map<string, string>;
  /** Theme id -> words that triggered it. */
  themes: Map<string, Set<string>>;
  /** Themes named in the title alone. */
  titleThemes: Map<string, Set<string>>;
  /** Formats the text names, with cue weights. */
  formats: Map<Format, number>;
  tokenCount: number;
}

export interface AnalyseOptions {
  /** Declared language (offers and requests carry one); detected when absent. */
  language?: TextLanguage;
  /** How much more a title word counts than a description word. */
  titleWeight: number;
  /** Weight of a specific theme term relative to a word (a broad discipline term gets half). */
  themeWeight: number;
}

/** Turns a title and description into weighted index terms, themes and format cues. */
export function analyseText(title: string, description: string, options: AnalyseOptions): AnalysedText {
  const titleTokens = tokensOf(normaliseText(title));
  const bodyTokens = tokensOf(normaliseText(description));
  const language = options.language ?? detectLanguage(`${title} ${description}`);
  const termWeights = new Map<string, number>();
  const surfaceOfStem = new Map<string, string>();
  const addTokens = (tokens: string[], weight: number): void => {
    for (const token of tokens) {
      if (isStopword(token)) continue;
      const stem = stemOf(token, language);
      termWeights.set(stem, (termWeights.get(stem) ?? 0) + weight);
      if (!surfaceOfStem.has(stem)) surfaceOfStem.set(stem, token);
    }
  };
  addTokens(titleTokens, options.titleWeight);
  addTokens(bodyTokens, 1);
  const allTokens = [...titleTokens, ...bodyTokens];
  const themes = themesIn(allTokens);
  const titleThemes = themesIn(titleTokens);
  for (const [id, words] of themes) {
    const specific = THEMES_BY_ID.get(id)?.specific ?? false;
    const base = (specific ? 1 : 0.5) * options.themeWeight;
    // A theme in the title is what the text is about; one more mention adds a little.
    const weight = base * (1 + (titleThemes.has(id) ? 1 : 0) + Math.min(words.size - 1, 2) * 0.25);
    termWeights.set(THEME_TERM_PREFIX + id, weight);
  }
  const normalisedAll = normaliseText(`${title} ${description}`);
  return {
    language,
    askedLanguage: askedLanguageOf(normalisedAll),
    termWeights,
    surfaceOfStem,
    themes,
    titleThemes,
    formats: formatsAskedIn(allTokens),
    tokenCount: allTokens.length,
  };
}
