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
