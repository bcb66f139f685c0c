import type { MatchingConfig } from '../config';

export type DistanceConfig = MatchingConfig['distance'];
export type LanguageConfig = MatchingConfig['language'];
