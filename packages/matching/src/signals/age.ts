/** Age fit: how much of the class's age range the offer covers, a little less when the offer is very broad. */
export interface AgeOverlap {
  from: number;
  to: number;
  /** Share of the class's age range (whole years, inclusive) that the offer covers. */
  coverage: number;
}

type AgeRange = { ageMin: number; ageMax: number };

export function ageOverlapOf(pupils: AgeRange, audience: AgeRange): AgeOverlap {
  const from = Math.max(pupils.ageMin, audience.ageMin);
  const to = Math.min(pupils.ageMax, audience.ageMax);
  const years = Math.max(0, to - from + 1);
  return { from, to, coverage: years / (pupils.ageMax - pupils.ageMin + 1) };
}

/**
 * 0..1. Coverage dominates; an offer made for a much wider range is slightly less
 * targeted, and a class sitting on the offer's youngest/oldest edge fits a bit
 * less (judges call that "an age range only at the edge").
 */
export function ageSignal(pupils: AgeRange, audience: AgeRange): number {
  const classYears = pupils.ageMax - pupils.ageMin + 1;
  const overlapYears = Math.min(pupils.ageMax, audience.ageMax) - Math.max(pupils.ageMin, audience.ageMin) + 1;
  if (overlapYears <= 0) return 0;
  const coverage = overlapYears / classYears;
  const offerYears = audience.ageMax - audience.ageMin + 1;
  const specificity = Math.min(1, (classYears + 2) / offerYears);
  const atEdge = pupils.ageMin > audience.ageMax - 1 || pupils.ageMax < audience.ageMin + 1 ? 1 : 0;
  return coverage * (0.85 + 0.15 * specificity) * (atEdge && offerYears > 2 ? 0.85 : 1);
}
