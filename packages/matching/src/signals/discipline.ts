import { DISCIPLINES, type Discipline } from '@koppel/contracts';

/** Disciplines as bits, so the hot scoring loop compares sets with one AND. */
export function disciplineMaskOf(disciplines: readonly Discipline[]): number {
  let mask = 0;
  for (const d of disciplines) mask |= 1 << DISCIPLINES.indexOf(d);
  return mask;
}

const MULTIDISCIPLINARY_BIT = 1 << DISCIPLINES.indexOf('multidisciplinary');

/**
 * 1 when the offer's main (first) discipline is asked for, 0.8 when another of its
 * disciplines is, a little for multidisciplinary offers or requests, 0 otherwise;
 * neutral when the request names no discipline and none could be inferred.
 */
export function disciplineSignalOfMasks(askedMask: number, offerMask: number, offerPrimaryMask: number, neutral: number): number {
  if (askedMask === 0) return neutral;
  if ((askedMask & offerPrimaryMask) !== 0) return 1;
  if ((askedMask & offerMask) !== 0) return 0.8;
  if (((askedMask | offerMask) & MULTIDISCIPLINARY_BIT) !== 0) return 0.3;
  return 0;
}

export function disciplineSignal(asked: readonly Discipline[], offered: readonly Discipline[], neutral: number): number {
  return disciplineSignalOfMasks(disciplineMaskOf(asked), disciplineMaskOf(offered), disciplineMaskOf(offered.slice(0, 1)), neutral);
}
