import { describeExplanation, isMatchExplanation } from '@koppel/matching';
import type { Language, MatchSnapshot } from '@koppel/contracts';
import { copyFor } from '../copy';
import { formatters } from '../page-view';

/** The engine's explanation as the console shows it: one sentence plus the facts behind it, in the reader's language. */
export interface ExplanationView {
  sentence: string;
  ages?: string;
  distance?: string;
  disciplines: string[];
  themes: string[];
  terms: string[];
  overBudget: boolean;
}

/**
 * Reads the snapshot's explanation defensively: it is a record in the
 * contract, so an older or thinner one still renders (with the matcher's
 * summary, which is Dutch: it is all such a snapshot has).
 */
export function explanationView(match: MatchSnapshot, lang: Language = 'nl'): ExplanationView {
  const e = match.explanation;
  if (!isMatchExplanation(e))
    return { sentence: match.summary, disciplines: match.offer.disciplines, themes: [], terms: [], overBudget: false };
  const words = copyFor(lang).explanation;
  const km = formatters(copyFor(lang)).oneDecimal;
  return {
    sentence: describeExplanation(e, lang),
    ages: words.ages(e.ageOverlap.from, e.ageOverlap.to, Math.round(e.ageOverlap.coverage * 100)),
    distance:
      e.distanceKm === null
        ? words.online
        : `${km(e.distanceKm)} km (${e.reachedBy === 'on_site' ? words.reach.on_site : words.reach.at_school})`,
    disciplines: match.offer.disciplines.filter((d) => (e.requestDisciplines ?? []).includes(d)),
    themes: e.matchedThemes,
    terms: e.matchedTerms,
    overBudget: e.overBudget,
  };
}
