import { normalisedTokens } from './tokenise';

export type TextLanguage = 'nl' | 'fr' | 'en';

/**
 * Very frequent function words per language (after normalisation). Short texts
 * are mostly made of these, so counting them is a robust, dependency-free detector
 * for the three languages we serve. Words shared between languages are left out.
 */
const MARKERS: Record<TextLanguage, readonly string[]> = {
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'voor',
    'met',
    'op',
    'zijn',
    'ze',
    'we',
    'wij',
    'ons',
    'onze',
    'niet',
    'naar',
    'ook',
    'dat',
    'die',
    'wat',
    'hoe',
    'bij',
    'uit',
    'je',
    'jullie',
    'maar',
    'nog',
    'er',
    'zoeken',
    'leerlingen',
    'kinderen',
    'heel',
    'iets',
    'rond',
    'geen',
    'worden',
    'wordt',
    'kan',
    'mag',
    'tot',
    'jaar',
    'zelf',
    'samen',
    'hun',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'du',
    'un',
    'une',
    'et',
    'pour',
    'avec',
    'dans',
    'sur',
    'nous',
    'vous',
    'est',
    'sont',
    'au',
    'aux',
    'qui',
    'que',
    'pas',
    'ou',
    'ce',
    'cette',
    'leur',
    'leurs',
    'eleves',
    'enfants',
    'cherchons',
    'notre',
    'nos',
    'votre',
    'vos',
    'par',
    'ans',
    'se',
    'sa',
    'son',
    'ses',
    'chaque',
    'puis',
    'tres',
    'atelier',
    'il',
    'elle',
  ],
  en: [
    'the',
    'and',
    'of',
    'to',
    'for',
    'with',
    'in',
    'on',
    'is',
    'are',
    'we',
    'our',
    'your',
    'you',
    'they',
    'their',
    'pupils',
    'students',
    'children',
    'a',
    'an',
    'this',
    'that',
    'looking',
    'from',
    'by',
    'at',
    'it',
    'be',
    'can',
    'each',
    'who',
    'what',
    'how',
    'which',
    'into',
    'about',
    'school',
    'will',
    'not',
    'or',
    'up',
  ],
};

const MARKER_SETS = Object.fromEntries((Object.keys(MARKERS) as TextLanguage[]).map((lang) => [lang, new Set(MARKERS[lang])])) as Record<
  TextLanguage,
  Set<string>
>;

/** Marker-word counts per language; exposed for tests and for explanations. */
export function languageScores(text: string): Record<TextLanguage, number> {
  const scores: Record<TextLanguage, number> = { nl: 0, fr: 0, en: 0 };
  for (const token of normalisedTokens(text)) {
    for (const lang of ['nl', 'fr', 'en'] as const) if (MARKER_SETS[lang].has(token)) scores[lang] += 1;
  }
  return scores;
}

/** Most likely language of a text; Dutch when there is no evidence (koppel's main market). */
export function detectLanguage(text: string): TextLanguage {
  const scores = languageScores(text);
  let best: TextLanguage = 'nl';
  for (const lang of ['fr', 'en'] as const) if (scores[lang] > scores[best]) best = lang;
  return best;
}

/**
 * A language the text explicitly asks the activity to be in ("in het Frans",
 * "en français", "in English"), or null. A Dutch class learning French wants French.
 */
const ASKED_LANGUAGE_PATTERNS: Array<[RegExp, TextLanguage]> = [
  [/\b(in het|in|op) (frans)\b|\ben francais\b|\bin french\b|\bfrancophone\b|\bfranstalig/, 'fr'],
  [/\b(in het|in) engels\b|\bin english\b|\ben anglais\b|\bengelstalig|\benglish-language\b|\benglish language\b/, 'en'],
  [/\b(in het|in) nederlands\b|\ben neerlandais\b|\bin dutch\b|\bnederlandstalig/, 'nl'],
];

export function askedLanguageOf(normalisedText: string): TextLanguage | null {
  for (const [pattern, lang] of ASKED_LANGUAGE_PATTERNS) if (pattern.test(normalisedText)) return lang;
  return null;
}
