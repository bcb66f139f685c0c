import type { Offer, Request } from '@koppel/contracts';
import { checkHardConstraints } from '../constraints';
import { newTfIdf } from './natural-tfidf';

/**
 * Two reference rankers the engine must beat (see docs/matching.md):
 *  (a) constraints + discipline overlap + distance, no text;
 *  (b) natural's TfIdf over title + description, no constraints.
 * Both return offer ids, best first.
 */

/** (a) Feasible offers by share of requested disciplines offered, then nearness. */
export function rankByDisciplineAndDistance(request: Request, offers: readonly Offer[]): string[] {
  const scored: Array<{ id: string; score: number }> = [];
  for (const offer of offers) {
    const check = checkHardConstraints(request, offer);
    if (!check.feasible) continue;
    const wanted = request.disciplines;
    const overlap = wanted.length === 0 ? 0 : wanted.filter((d) => offer.disciplines.includes(d)).length / wanted.length;
    const nearness = check.distanceKm === null ? 0.5 : 1 / (1 + check.distanceKm / 20);
    scored.push({ id: offer.id, score: overlap + 0.5 * nearness });
  }
  return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((s) => s.id);
}

/** (b) A TfIdf "search engine" over all offers; built once, queried per request. */
export function tfIdfRanker(offers: readonly Offer[]): (request: Request) => string[] {
  const tfidf = newTfIdf();
  for (const offer of offers) tfidf.addDocument(`${offer.title} ${offer.description}`, offer.id);
  return (request) => {
    const scored: Array<{ id: string; score: number }> = [];
    tfidf.tfidfs(`${request.title} ${request.description}`, (i, measure) => scored.push({ id: offers[i].id, score: measure }));
    return scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1)).map((s) => s.id);
  };
}
