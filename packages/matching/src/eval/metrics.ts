/**
 * Ranking metrics against graded judgments (0..3; unjudged pairs count as 0).
 * "Relevant" means graded >= 2 (good or excellent), as in the issue.
 */
export type Grades = ReadonlyMap<string, number>;

export const RELEVANT_GRADE = 2;

const gain = (grade: number): number => 2 ** grade - 1;

/** nDCG@k with exponential gain; the ideal ranking uses every judged offer of the request. */
export function ndcgAt(ranking: readonly string[], grades: Grades, k: number): number {
  let dcg = 0;
  for (const [i, id] of ranking.slice(0, k).entries()) dcg += gain(grades.get(id) ?? 0) / Math.log2(i + 2);
  const ideal = [...grades.values()].sort((a, b) => b - a).slice(0, k);
  let idcg = 0;
  for (const [i, g] of ideal.entries()) idcg += gain(g) / Math.log2(i + 2);
  return idcg === 0 ? 0 : dcg / idcg;
}

/** 1 when the top result is relevant. */
export function precisionAt1(ranking: readonly string[], grades: Grades): number {
  return ranking.length > 0 && (grades.get(ranking[0]) ?? 0) >= RELEVANT_GRADE ? 1 : 0;
}

/** 1 / rank of the first relevant result (0 when none is returned). */
export function reciprocalRank(ranking: readonly string[], grades: Grades): number {
  const at = ranking.findIndex((id) => (grades.get(id) ?? 0) >= RELEVANT_GRADE);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** Share of the relevant offers that appear in the top k. */
export function recallAt(ranking: readonly string[], grades: Grades, k: number): number {
  const relevant = [...grades].filter(([, g]) => g >= RELEVANT_GRADE).map(([id]) => id);
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export interface RankingMetrics {
  ndcg5: number;
  p1: number;
  mrr: number;
  recall10: number;
  violations: number;
  requests: number;
}

/** Mean of each metric over requests; violations are summed. */
export function averageMetrics(
  rankings: ReadonlyMap<string, readonly string[]>,
  gradesByRequest: ReadonlyMap<string, Grades>,
  violations: number,
): RankingMetrics {
  let ndcg5 = 0;
  let p1 = 0;
  let mrr = 0;
  let recall10 = 0;
  let n = 0;
  for (const [requestId, grades] of gradesByRequest) {
    const ranking = rankings.get(requestId) ?? [];
    ndcg5 += ndcgAt(ranking, grades, 5);
    p1 += precisionAt1(ranking, grades);
    mrr += reciprocalRank(ranking, grades);
    recall10 += recallAt(ranking, grades, 10);
    n++;
  }
  const mean = (x: number): number => (n === 0 ? 0 : x / n);
  return { ndcg5: mean(ndcg5), p1: mean(p1), mrr: mean(mrr), recall10: mean(recall10), violations, requests: n };
}
