import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Offer, Request } from '@koppel/contracts';
import { checkHardConstraints, MatchingEngine } from '../src';
import { syntheticOffer, syntheticRequest, seededRandom } from '../src/bench/synthetic';

/**
 * The engine's fast feasibility (grids, age bands, typed columns) must return
 * exactly the pairs checkHardConstraints accepts: no violation, no loss.
 */
function expectSameFeasibleSets(offers: Offer[], requests: Request[]): void {
  const engine = new MatchingEngine();
  for (const o of offers) engine.upsertOffer(o);
  for (const request of requests) {
    const returned = engine
      .matchRequest(request, { top: offers.length })
      .map((m) => m.offerId)
      .sort();
    const expected = offers
      .filter((o) => checkHardConstraints(request, o).feasible)
      .map((o) => o.id)
      .sort();
    expect(returned).toEqual(expected);
  }
}

// The hand-judged dev set lives in shared/, beside the repository (as in CI).
const DEV = resolve(__dirname, '../../../../shared/data/dev');
const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);

describe('feasible set', () => {
  it('equals the constraint check on the dev set (edges within 0.1 km)', () => {
    if (!existsSync(`${DEV}/offers.jsonl`)) throw new Error(`the dev set is missing at ${DEV}: put shared/ beside the repository`);
    expectSameFeasibleSets(readJsonl<Offer>(`${DEV}/offers.jsonl`), readJsonl<Request>(`${DEV}/requests.jsonl`));
  });

  it('equals the constraint check on 3,000 synthetic offers across Flanders and the Netherlands', () => {
    const rnd = seededRandom(7);
    const offers = Array.from({ length: 3000 }, (_, i) => syntheticOffer(i, rnd));
    const requests = Array.from({ length: 40 }, (_, i) => syntheticRequest(i, rnd));
    expectSameFeasibleSets(offers, requests);
  });
});
