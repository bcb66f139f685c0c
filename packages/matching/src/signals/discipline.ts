import type { Discipline } from '@koppel/contracts';

/**
 * 1 when the offer's main (first) discipline is asked for, 0.8 when another of its
 * disciplines is, a little for multidisciplinary offers, 0 otherwise; neutral
 * when the request names no discipline and none could be inferred.
 */
export function disciplineSignal(asked: readonly Discipline[], offered: readonly Discipline[], neutral: number): number {
  if (asked.length === 0) return neutral;
  if (asked.includes(offered[0])) return 1;
  if (offered.some((d) => asked.includes(d))) return 0.8;
  if (offered.includes('multidisciplinary') || asked.includes('multidisciplinary')) return 0.3;
  return 0;
}
