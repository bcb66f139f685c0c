import type { TextLanguage } from '../text/language';
import type { LanguageConfig } from './types';

/**
 * 1 when the offer is in the language the class needs; otherwise it depends on how
 * much the activity relies on talk (guided tours and plays: a lot; dance, drumming
 * and wordless theatre: little). `talkDependence` is 0..1.
 */
export function languageSignal(wanted: TextLanguage, offered: TextLanguage, talkDependence: number, config: LanguageConfig): number {
  if (wanted === offered) return 1;
  return config.mismatchWordlessScore + (config.mismatchTalkScore - config.mismatchWordlessScore) * talkDependence;
}
