/**
 * The one place where matching is tuned. Weights are relative (they are divided
 * by their sum); each signal is 0..1. Tuned on the dev set only; see
 * docs/matching.md for what each knob does and the measured effect.
 */
export interface SignalWeights {
  age: number;
  discipline: number;
  distance: number;
  budget: number;
  format: number;
  text: number;
  language: number;
}

export interface MatchingConfig {
  weights: SignalWeights;
  bm25: { k1: number; b: number };
  text: {
    /** A title word counts this many times a description word. */
    titleWeight: number;
    /** Weight of a specific taxonomy theme relative to one word. */
    themeWeight: number;
    /**
     * Text score = BM25 / max(best candidate's BM25, floor x the query's maximum
     * possible BM25). The floor keeps a weak best match from looking perfect.
     */
    relativeFloor: number;
  };
  distance: {
    /** Distance at which the distance signal is 0.5 (gentle hyperbolic decay). */
    halfScoreKm: number;
    /** Distance signal of an online offer: no travel, but no outing either. */
    onlineScore: number;
  };
  budget: {
    /** Whole score is multiplied by this when the price is above the stated budget (judges cap such pairs at 1). */
    overBudgetFactor: number;
  };
  language: {
    /** Language signal when the offer's language differs and the activity depends on talk. */
    mismatchTalkScore: number;
    /** ... and when it does not depend on talk (dance, visual work, wordless theatre). */
    mismatchWordlessScore: number;
  };
  /** Default neutral value of discipline and format signals when the request does not say. */
  neutralScore: number;
  /** Default number of matches returned. */
  top: number;
}

export const DEFAULT_MATCHING_CONFIG: MatchingConfig = {
  weights: { age: 0.08, discipline: 0.12, distance: 0.06, budget: 0.04, format: 0.14, text: 0.42, language: 0.14 },
  bm25: { k1: 1.2, b: 0.75 },
  text: { titleWeight: 2, themeWeight: 3, relativeFloor: 0.15 },
  distance: { halfScoreKm: 20, onlineScore: 0.6 },
  budget: { overBudgetFactor: 0.55 },
  language: { mismatchTalkScore: 0.1, mismatchWordlessScore: 0.75 },
  neutralScore: 0.5,
  top: 10,
};

/** Merges a partial config over the defaults (one level deep per section). */
export function resolveConfig(partial: Partial<MatchingConfig> = {}): MatchingConfig {
  const d = DEFAULT_MATCHING_CONFIG;
  return {
    weights: { ...d.weights, ...partial.weights },
    bm25: { ...d.bm25, ...partial.bm25 },
    text: { ...d.text, ...partial.text },
    distance: { ...d.distance, ...partial.distance },
    budget: { ...d.budget, ...partial.budget },
    language: { ...d.language, ...partial.language },
    neutralScore: partial.neutralScore ?? d.neutralScore,
    top: partial.top ?? d.top,
  };
}
