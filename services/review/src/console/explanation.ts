import { describeExplanation, type MatchExplanation } from '@koppel/matching';
import type { MatchSnapshot } from '@koppel/contracts';

/** The engine's explanation as the console shows it: one sentence plus the facts behind it. */
export interface ExplanationView {
  sentence: string;
  ages?: string;
  distance?: string;
  disciplines: string[];
  themes: string[];
  terms: string[];
  overBudget: boolean;
}

function looksLikeExplanation(e: Record<string, unknown>): e is Record<string, unknown> & MatchExplanation {
  return typeof e.ageOverlap === 'object' && e.ageOverlap !== null && Array.isArray(e.matchedTerms) && Array.isArray(e.matchedThemes);
}

/** Reads the snapshot's explanation defensively: it is a record in the contract, so an older or thinner one still renders. */
export function explanationView(match: MatchSnapshot): ExplanationView {
  const e = match.explanation;
  if (!looksLikeExplanation(e)) return { sentence: match.summary, disciplines: match.offer.disciplines, themes: [], terms: [], overBudget: false };
  return {
    sentence: describeExplanation(e, 'nl'),
    ages: `${e.ageOverlap.from}–${e.ageOverlap.to} jaar, ${Math.round(e.ageOverlap.coverage * 100)}% van de klas`,
    distance: e.distanceKm === null ? 'online' : `${e.distanceKm.toFixed(1).replace('.', ',')} km (${e.reachedBy === 'on_site' ? 'de klas gaat erheen' : 'de aanbieder komt naar school'})`,
    disciplines: match.offer.disciplines.filter((d) => (e.requestDisciplines ?? []).includes(d)),
    themes: e.matchedThemes,
    terms: e.matchedTerms,
    overBudget: e.overBudget,
  };
}
