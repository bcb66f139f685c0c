import type { MatchExplanation } from './engine';
import { themeLabel } from './taxonomy/themes';

type Lang = 'nl' | 'fr' | 'en';

const PHRASES = {
  nl: {
    online: 'online, zonder verplaatsing',
    on_site: (km: string) => `op ${km} km, de klas gaat erheen`,
    at_school: (km: string) => `de aanbieder komt naar school (${km} km)`,
    ages: (from: number, to: number, pct: number) => `leeftijd ${from}–${to} jaar (${pct}% van de klas)`,
    themes: (list: string) => `past bij ${list}`,
    terms: (list: string) => `gedeelde woorden: ${list}`,
    overBudget: 'duurder dan het opgegeven budget',
    language: (lang: string) => `aanbod in het ${lang}`,
    languages: { nl: 'Nederlands', fr: 'Frans', en: 'Engels' },
    score: (pct: number) => `Match ${pct}%`,
  },
  fr: {
    online: 'en ligne, sans déplacement',
    on_site: (km: string) => `à ${km} km, la classe s’y rend`,
    at_school: (km: string) => `l’intervenant vient à l’école (${km} km)`,
    ages: (from: number, to: number, pct: number) => `âges ${from}–${to} ans (${pct} % de la classe)`,
    themes: (list: string) => `correspond à ${list}`,
    terms: (list: string) => `mots en commun : ${list}`,
    overBudget: 'plus cher que le budget indiqué',
    language: (lang: string) => `offre en ${lang}`,
    languages: { nl: 'néerlandais', fr: 'français', en: 'anglais' },
    score: (pct: number) => `Correspondance ${pct} %`,
  },
  en: {
    online: 'online, no travel',
    on_site: (km: string) => `${km} km away, the class travels there`,
    at_school: (km: string) => `the provider comes to the school (${km} km)`,
    ages: (from: number, to: number, pct: number) => `ages ${from}–${to} (${pct}% of the class)`,
    themes: (list: string) => `matches ${list}`,
    terms: (list: string) => `shared words: ${list}`,
    overBudget: 'more expensive than the stated budget',
    language: (lang: string) => `offered in ${lang}`,
    languages: { nl: 'Dutch', fr: 'French', en: 'English' },
    score: (pct: number) => `Match ${pct}%`,
  },
} as const;

/** One or two sentences a broker can read: why this offer, and what to watch out for. Dutch by default. */
export function describeExplanation(e: MatchExplanation, lang: Lang = 'nl'): string {
  const p = PHRASES[lang] ?? PHRASES.nl;
  const km = e.distanceKm === null ? '' : e.distanceKm.toFixed(1).replace('.', lang === 'en' ? '.' : ',');
  const reach = e.reachedBy === 'online' ? p.online : e.reachedBy === 'on_site' ? p.on_site(km) : p.at_school(km);
  const parts: string[] = [];
  if (e.matchedThemes.length)
    parts.push(
      p.themes(
        e.matchedThemes
          .slice(0, 3)
          .map((id) => themeLabel(id, lang))
          .join(', '),
      ),
    );
  if (e.matchedTerms.length) parts.push(p.terms(e.matchedTerms.slice(0, 5).join(', ')));
  const facts = [reach, p.ages(e.ageOverlap.from, e.ageOverlap.to, Math.round(e.ageOverlap.coverage * 100))];
  if (e.offerLanguage !== e.wantedLanguage) facts.push(p.language(p.languages[e.offerLanguage]));
  if (e.overBudget) facts.push(p.overBudget);
  const sentences = parts.length ? [parts.join('; '), facts.join(', ')] : [facts.join(', ')];
  return sentences.map((s) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`).join(' ');
}

/** Whether a stored explanation (a plain record in events) has the shape `describeExplanation` reads. */
export function isMatchExplanation(e: unknown): e is MatchExplanation {
  const r = e as Partial<MatchExplanation> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.ageOverlap === 'object' &&
    r.ageOverlap !== null &&
    Array.isArray(r.matchedTerms) &&
    Array.isArray(r.matchedThemes)
  );
}

/**
 * Why a stored match fits, in `lang`: described from its explanation when the
 * event carries one of this shape, else the `fallback` (the matcher's Dutch
 * summary: all an older event has).
 */
export function describeStoredExplanation(explanation: unknown, fallback: string, lang: Lang = 'nl'): string {
  if (!isMatchExplanation(explanation)) return fallback;
  try {
    return describeExplanation(explanation, lang);
  } catch {
    return fallback;
  }
}
