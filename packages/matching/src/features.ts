import { FORMATS, type Discipline, type Format, type Offer, type Request } from '@koppel/contracts';
import { disciplineMaskOf } from './signals/discipline';
import { formatSignal } from './signals/format';
import type { MatchingConfig } from './config';
import { talkDependenceOf } from './signals/talk-dependence';
import { analyseText, type AnalysedText } from './text/analyse';
import { detectLanguage, type TextLanguage } from './text/language';
import { disciplinesInferredFrom } from './taxonomy/match-themes';

/**
 * What the engine keeps per offer and per request: the numbers the constraints
 * and signals need, and the analysed text. Offers keep no raw text, which keeps
 * memory per offer small at 100,000 offers.
 */
export interface OfferFeatures {
  id: string;
  lat: number;
  lon: number;
  ageMin: number;
  ageMax: number;
  mode: Offer['reach']['mode'];
  providerTravelKm: number;
  price: number;
  disciplines: Discipline[];
  format: Format;
  formatIndex: number;
  disciplineMask: number;
  primaryDisciplineMask: number;
  language: TextLanguage;
  themes: string[];
  talkDependence: number;
  /** Special audiences the offer is made for (named in its title), e.g. special needs, newcomers. */
  audienceThemes: string[];
}

/**
 * Themes that, in an offer's title, say who the offer is for. Such an offer is
 * not a good answer to a request that does not mention that audience.
 */
export const AUDIENCE_THEMES = ['special_needs', 'newcomers_multilingual', 'education_policy_team'];

export interface AnalysedOffer {
  features: OfferFeatures;
  /** Index terms; kept by the inverted index only. */
  termWeights: Map<string, number>;
  /** Stem -> readable word, for explaining matches in the offer -> requests direction. */
  surfaceOfStem: Map<string, string>;
}

export interface RequestFeatures {
  request: Request;
  /** Disciplines asked for, or inferred from the text when none are given. */
  disciplines: Discipline[];
  disciplinesInferred: boolean;
  formats: Map<Format, number>;
  disciplineMask: number;
  /** Format signal per offered format (index of FORMATS), computed once per request. */
  formatScores: Float64Array;
  /** Language the activity should be in: the one the text asks for, else the request's own. */
  wantedLanguage: TextLanguage;
  text: AnalysedText;
}

function analyseOptions(config: MatchingConfig, title: string, description: string) {
  return {
    language: detectLanguage(`${title} ${description}`),
    titleWeight: config.text.titleWeight,
    themeWeight: config.text.themeWeight,
  };
}

export function analyseOffer(offer: Offer, config: MatchingConfig): AnalysedOffer {
  const text = analyseText(offer.title, offer.description, analyseOptions(config, offer.title, offer.description));
  const themes = [...text.themes.keys()];
  const features: OfferFeatures = {
    id: offer.id,
    lat: offer.location.lat,
    lon: offer.location.lon,
    ageMin: offer.audience.ageMin,
    ageMax: offer.audience.ageMax,
    mode: offer.reach.mode,
    providerTravelKm: offer.reach.maxTravelKm,
    price: offer.pricePerPupil,
    disciplines: offer.disciplines,
    format: offer.format,
    formatIndex: FORMATS.indexOf(offer.format),
    disciplineMask: disciplineMaskOf(offer.disciplines),
    primaryDisciplineMask: disciplineMaskOf(offer.disciplines.slice(0, 1)),
    language: offer.language,
    themes,
    talkDependence: talkDependenceOf(offer.disciplines, offer.format, themes),
    audienceThemes: AUDIENCE_THEMES.filter((id) => text.titleThemes.has(id)),
  };
  return { features, termWeights: text.termWeights, surfaceOfStem: text.surfaceOfStem };
}

export function requestFeaturesOf(request: Request, config: MatchingConfig): RequestFeatures {
  const text = analyseText(request.title, request.description, analyseOptions(config, request.title, request.description));
  const inferred = request.disciplines.length === 0;
  const disciplines = inferred ? disciplinesInferredFrom(text.themes) : [...request.disciplines];
  return {
    request,
    disciplines,
    disciplinesInferred: inferred,
    formats: text.formats,
    disciplineMask: disciplineMaskOf(disciplines),
    formatScores: Float64Array.from(FORMATS, (f) => formatSignal(text.formats, f, config.neutralScore)),
    wantedLanguage: text.askedLanguage ?? request.language,
    text,
  };
}
