/**
 * Ranking quality on a judged data set, for the engine and two baselines:
 *   npm run --silent eval:matching -- --data <dir with offers/requests/judgments.jsonl> [--verbose]
 */
import { JudgmentSchema, OfferSchema, RequestSchema, type Offer, type Request } from '@koppel/contracts';
import { join } from 'node:path';
import { checkHardConstraints } from '../constraints';
import { MatchingEngine } from '../engine';
import { rankByDisciplineAndDistance, tfIdfRanker } from '../eval/baselines';
import { averageMetrics, ndcgAt, type Grades, type RankingMetrics } from '../eval/metrics';
import { InputError, argValue, readJsonl, runCli } from './read-jsonl';

type Ranker = (request: Request) => string[];

function gradesByRequestOf(dir: string, requests: readonly Request[]): Map<string, Map<string, number>> {
  const byRequest = new Map<string, Map<string, number>>(requests.map((r) => [r.id, new Map()]));
  for (const j of readJsonl(join(dir, 'judgments.jsonl'), JudgmentSchema)) byRequest.get(j.requestId)?.set(j.offerId, j.relevance);
  return byRequest;
}

/** Runs a ranker over all requests and counts returned pairs (in the top 10) that fail a hard constraint. */
function evaluate(ranker: Ranker, requests: readonly Request[], offers: readonly Offer[], grades: Map<string, Grades>) {
  const offersById = new Map(offers.map((o) => [o.id, o]));
  const rankings = new Map<string, string[]>();
  let violations = 0;
  for (const request of requests) {
    const ranking = ranker(request);
    rankings.set(request.id, ranking);
    for (const id of ranking.slice(0, 10)) if (!checkHardConstraints(request, offersById.get(id)!).feasible) violations++;
  }
  return { metrics: averageMetrics(rankings, grades, violations), rankings };
}

const row = (name: string, m: RankingMetrics): string =>
  `${name.padEnd(34)} ${m.ndcg5.toFixed(4)}  ${m.p1.toFixed(4)}  ${m.mrr.toFixed(4)}  ${m.recall10.toFixed(4)}  ${String(m.violations).padStart(10)}`;

function main(): void {
  const dir = argValue(process.argv, 'data');
  if (!dir) throw new InputError('usage: eval:matching --data <dir>');
  const offers = readJsonl(join(dir, 'offers.jsonl'), OfferSchema);
  const requests = readJsonl(join(dir, 'requests.jsonl'), RequestSchema);
  const grades = gradesByRequestOf(dir, requests);
  const engine = new MatchingEngine();
  for (const offer of offers) engine.upsertOffer(offer);
  const engineRanker: Ranker = (r) => engine.matchRequest(r, { top: offers.length }).map((m) => m.offerId);
  const results: Array<[string, ReturnType<typeof evaluate>]> = [
    ['engine (BM25 + taxonomy + signals)', evaluate(engineRanker, requests, offers, grades)],
    ['baseline a: discipline + distance', evaluate((r) => rankByDisciplineAndDistance(r, offers), requests, offers, grades)],
    ['baseline b: natural TfIdf', evaluate(tfIdfRanker(offers), requests, offers, grades)],
  ];
  if (process.argv.includes('--verbose')) {
    const engineRankings = results[0][1].rankings;
    for (const request of requests) {
      const g = grades.get(request.id)!;
      const top = engineRankings
        .get(request.id)!
        .slice(0, 5)
        .map((id) => `${id}:${g.get(id) ?? 0}`);
      const want = [...g].filter(([, v]) => v >= 2).map(([id, v]) => `${id}:${v}`);
      process.stderr.write(
        `${request.id} ndcg5=${ndcgAt(engineRankings.get(request.id)!, g, 5).toFixed(3)} top=${top.join(' ')} | relevant=${want.join(' ')}\n`,
      );
    }
  }
  console.log(`data: ${dir} (${offers.length} offers, ${requests.length} requests)`);
  console.log(`${'ranker'.padEnd(34)} nDCG@5  P@1     MRR     recall@10  violations`);
  for (const [name, r] of results) console.log(row(name, r.metrics));
}

runCli(main);
