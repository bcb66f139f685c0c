import type { MatchingConfig, SignalWeights } from '../config';
import type { OfferFeatures, RequestFeatures } from '../features';
import { ageSignal } from './age';
import { budgetSignal, isOverBudget } from './budget';
import { disciplineSignalOfMasks } from './discipline';
import { distanceSignal } from './distance';
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
    discipline: disciplineSignalOfMasks(request.disciplineMask, offer.disciplineMask, offer.primaryDisciplineMask, config.neutralScore),
    distance: distanceSignal(distanceKm, config.distance),
    budget: budgetSignal(offer.price, budgetPerPupil),
    format: request.formatScores[offer.formatIndex],
    text: textSignal(request, offer, text),
    language: languageSignal(request.wantedLanguage, offer.language, offer.talkDependence, config.language),
  };
}

/**
 * Text similarity, halved when the offer is made for a special audience (special
 * needs, newcomers, school teams) that the request does not mention.
 */
export function textSignal(request: RequestFeatures, offer: OfferFeatures, bm25Share: number): number {
  for (const id of offer.audienceThemes) if (!request.text.themes.has(id)) return bm25Share * 0.5;
  return bm25Share;
}

/**
 * The same combined score as combinedScore(signalsOf(...)), without allocating:
 * this runs for every feasible offer of every request.
 */
export function scoreOf(
  request: RequestFeatures,
  offer: OfferFeatures,
  distanceKm: number | null,
  text: number,
  config: MatchingConfig,
  weightTotal: number,
): number {
  const w = config.weights;
  const budget = request.request.budgetPerPupil;
  const sum =
    w.age * ageSignal(request.request.pupils, offer) +
    w.discipline * disciplineSignalOfMasks(request.disciplineMask, offer.disciplineMask, offer.primaryDisciplineMask, config.neutralScore) +
    w.distance * distanceSignal(distanceKm, config.distance) +
    w.budget * budgetSignal(offer.price, budget) +
    w.format * request.formatScores[offer.formatIndex] +
    w.text * textSignal(request, offer, text) +
    w.language * languageSignal(request.wantedLanguage, offer.language, offer.talkDependence, config.language);
  const score = weightTotal > 0 ? sum / weightTotal : 0;
  return isOverBudget(offer.price, budget) ? score * config.budget.overBudgetFactor : score;
}

export function weightTotalOf(config: MatchingConfig): number {
  const w = config.weights;
  return w.age + w.discipline + w.distance + w.budget + w.format + w.text + w.language;
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
