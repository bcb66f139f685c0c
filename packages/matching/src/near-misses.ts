import type { Request } from '@koppel/contracts';
import { PRICE_CEILING_FACTOR, reachedByAt } from './constraints';
import type { OfferFeatures, RequestFeatures } from './features';
import { haversineKm } from './geo/haversine';

/** Why an offer that speaks about what a request asks for was not proposed for it: what a broker can act on. */
export type MissReason =
  | { constraint: 'ages'; offerAges: [number, number]; pupilAges: [number, number] }
  | { constraint: 'distance'; distanceKm: number; mode: OfferFeatures['mode']; schoolTravelKm: number; providerTravelKm: number }
  | { constraint: 'price'; pricePerPupil: number; budgetPerPupil: number; ceilingPerPupil: number }
  | { constraint: 'score'; score: number; minScore: number };

export interface NearMiss {
  offerId: string;
  /** How well the texts match, relative to the best of the offers looked at (0..1). */
  textMatch: number;
  /** The combined score when every hard constraint passed (then the reason is a low score), else null. */
  score: number | null;
  reasons: MissReason[];
}

export interface NearMissOptions {
  /** How many near misses to return (best first). */
  limit?: number;
  /** The score below which a feasible pair is not proposed (the matcher's MATCHER_MIN_SCORE). */
  minScore?: number;
  /** Ids of offers that were proposed: never a miss. */
  proposed?: ReadonlySet<string>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The hard constraints an offer fails for a request, as facts (not sentences: the console words them in nl/fr/en). */
export function hardConstraintMisses(request: Request, offer: OfferFeatures): MissReason[] {
  const reasons: MissReason[] = [];
  if (offer.ageMin > request.pupils.ageMax || offer.ageMax < request.pupils.ageMin) {
    reasons.push({
      constraint: 'ages',
      offerAges: [offer.ageMin, offer.ageMax],
      pupilAges: [request.pupils.ageMin, request.pupils.ageMax],
    });
  }
  if (offer.mode !== 'online') {
    const distanceKm = haversineKm(request.school, offer);
    if (!reachedByAt(offer.mode, distanceKm, request.maxTravelKm, offer.providerTravelKm)) {
      reasons.push({
        constraint: 'distance',
        distanceKm: round2(distanceKm),
        mode: offer.mode,
        schoolTravelKm: request.maxTravelKm,
        providerTravelKm: offer.providerTravelKm,
      });
    }
  }
  const budget = request.budgetPerPupil;
  if (budget !== undefined && offer.price > PRICE_CEILING_FACTOR * budget) {
    reasons.push({
      constraint: 'price',
      pricePerPupil: offer.price,
      budgetPerPupil: budget,
      ceilingPerPupil: round2(PRICE_CEILING_FACTOR * budget),
    });
  }
  return reasons;
}

/**
 * Ranks candidate offers (those whose text matches the request, with their BM25
 * scores) into near misses: fewest failed constraints first, then the best text match.
 * `scoreOf` scores a candidate that passes every hard constraint.
 */
export function rankNearMisses(
  req: RequestFeatures,
  candidates: Array<{ offer: OfferFeatures; bm25: number }>,
  scoreOf: (offer: OfferFeatures, text: number) => number,
  options: NearMissOptions,
): NearMiss[] {
  const minScore = options.minScore ?? 0;
  const best = Math.max(1e-9, ...candidates.map((c) => c.bm25));
  const misses: NearMiss[] = [];
  for (const { offer, bm25 } of candidates) {
    if (options.proposed?.has(offer.id)) continue;
    const text = bm25 / best;
    const reasons = hardConstraintMisses(req.request, offer);
    let score: number | null = null;
    if (reasons.length === 0) {
      score = Math.round(scoreOf(offer, text) * 10_000) / 10_000;
      if (score >= minScore) continue; // a match, not a miss (it may just have ranked below the top N)
      reasons.push({ constraint: 'score', score, minScore });
    }
    misses.push({ offerId: offer.id, textMatch: round2(text), score, reasons });
  }
  misses.sort((a, b) => a.reasons.length - b.reasons.length || b.textMatch - a.textMatch || a.offerId.localeCompare(b.offerId));
  return misses.slice(0, options.limit ?? 5);
}
