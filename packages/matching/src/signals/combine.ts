import type { MatchingConfig, SignalWeights } from '../config';
import type { OfferFeatures, RequestFeatures } from '../features';
import { ageSignal } from './age';
import { budgetSignal, isOverBudget } from './budget';
import { disciplineSignal } from './discipline';
import { distanceSignal } from './distance';
import { formatSignal } from './format';
import { languageSignal } from './language';

export type SignalScores = SignalWeights;

/** Every signal of one feasible pair, each 0..1. `text` is computed by the caller (it needs the index). */
export function signalsOf(
  request: RequestFeatures,
  offer: OfferFeatures,
  distanceKm: number | null,
  text: number,
  config: MatchingConfig,
): SignalScores {
  const { pupils, budgetPerPupil } = request.request;
  return {
    age: ageSignal(pupils, offer),
    discipline: disciplineSignal(request.disciplines, offer.disciplines, config.neutralScore),
    distance: distanceSignal(distanceKm, config.distance),
    budget: budgetSignal(offer.price, budgetPerPupil),
    format: formatSignal(request.formats, offer.format, config.neutralScore),
    text,
    language: languageSignal(request.wantedLanguage, offer.language, offer.talkDependence, config.language),
  };
}

/** Weighted mean of the signals, pulled down for over-budget offers; 0..1. */
export function combinedScore(signals: SignalScores, overBudget: boolean, config: MatchingConfig): number {
  const w = config.weights;
  let sum = 0;
  let total = 0;
  for (const key of Object.keys(w) as Array<keyof SignalWeights>) {
    sum += w[key] * signals[key];
    total += w[key];
  }
  const score = total > 0 ? sum / total : 0;
  return overBudget ? score * config.budget.overBudgetFactor : score;
}

export { isOverBudget };
