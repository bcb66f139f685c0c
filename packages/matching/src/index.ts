/**
 * @koppel/matching: a pure matching library (data in, ranked matches with
 * explanations out, no I/O). See docs/matching.md.
 */
export { DEFAULT_MATCHING_CONFIG, resolveConfig, type MatchingConfig, type SignalWeights } from './config';
export { checkHardConstraints, agesOverlap, priceAllowed, type ConstraintResult, type ReachedBy } from './constraints';
export { haversineKm } from './geo/haversine';
export { MatchingEngine, type MatchExplanation, type ScoredMatch, type SignalScores, type MatchOptions } from './engine';
export { hardConstraintMisses, type MissReason, type NearMiss, type NearMissOptions } from './near-misses';
export { describeExplanation, describeStoredExplanation, isMatchExplanation } from './explain';
export { agesFromGradeText, type GradeAges } from './taxonomy/grades';
export { detectLanguage, type TextLanguage } from './text/language';
export { THEMES, themeLabel, type Theme } from './taxonomy/themes';
/** Seeded synthetic offers and requests in nl/fr/en (benchmarks and load generators). */
export { seededRandom, syntheticOffer, syntheticRequest } from './bench/synthetic';
/**
 * The engine's own text analysis and index building blocks, for other pure engines that
 * must read texts exactly as matching does (the public catalogue, @koppel/catalogue).
 */
export { analyseText, THEME_TERM_PREFIX, type AnalysedText, type AnalyseOptions } from './text/analyse';
export { normaliseText } from './text/normalise';
export { tokensOf, normalisedTokens } from './text/tokenise';
export { isStopword, stemOf } from './text/stem';
export { themesIn } from './taxonomy/match-themes';
export { haversineKmOf } from './geo/haversine';
export { InvertedIndex, type Bm25Params } from './index/inverted-index';
export { GeoGrid } from './index/geo-grid';
