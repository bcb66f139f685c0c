import type { Offer, Request } from '@koppel/contracts';
import { haversineKm } from './geo/haversine';

/**
 * Hard constraints of CONTRACT.md. A pair failing any of them is never returned,
 * whatever its score: judges grade such pairs 0.
 */
export type ReachedBy = 'online' | 'on_site' | 'at_school';

export interface ConstraintResult {
  feasible: boolean;
  reasons: string[];
  distanceKm: number | null;
  reachedBy: ReachedBy | null;
}

/** Price ceiling relative to the stated budget; above it the pair is out. */
export const PRICE_CEILING_FACTOR = 1.5;

type AgeRange = { ageMin: number; ageMax: number };

export function agesOverlap(a: AgeRange, b: AgeRange): boolean {
  return a.ageMin <= b.ageMax && b.ageMin <= a.ageMax;
}

export function priceAllowed(pricePerPupil: number, budgetPerPupil: number | undefined): boolean {
  return budgetPerPupil === undefined || pricePerPupil <= PRICE_CEILING_FACTOR * budgetPerPupil;
}

/** How the activity reaches the class, or null; on-site is preferred when both work (no provider travel). */
export function reachedByAt(
  mode: Offer['reach']['mode'],
  distanceKm: number,
  schoolMaxTravelKm: number,
  providerMaxTravelKm: number,
): ReachedBy | null {
  if (mode === 'online') return 'online';
  if ((mode === 'on_site' || mode === 'both') && distanceKm <= schoolMaxTravelKm) return 'on_site';
  if ((mode === 'at_school' || mode === 'both') && distanceKm <= providerMaxTravelKm) return 'at_school';
  return null;
}

export function checkHardConstraints(request: Request, offer: Offer): ConstraintResult {
  const reasons: string[] = [];
  if (!agesOverlap(request.pupils, offer.audience)) {
    reasons.push(
      `ages ${offer.audience.ageMin}-${offer.audience.ageMax} do not overlap pupils ${request.pupils.ageMin}-${request.pupils.ageMax}`,
    );
  }
  const online = offer.reach.mode === 'online';
  const distanceKm = online ? null : haversineKm(request.school, offer.location);
  const reachedBy = reachedByAt(offer.reach.mode, distanceKm ?? 0, request.maxTravelKm, offer.reach.maxTravelKm);
  if (reachedBy === null) reasons.push(`not reachable at ${(distanceKm ?? 0).toFixed(2)} km (mode ${offer.reach.mode})`);
  if (!priceAllowed(offer.pricePerPupil, request.budgetPerPupil)) {
    reasons.push(`price ${offer.pricePerPupil} above ${PRICE_CEILING_FACTOR} x budget ${request.budgetPerPupil}`);
  }
  return { feasible: reasons.length === 0, reasons, distanceKm, reachedBy };
}
