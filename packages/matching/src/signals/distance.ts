import type { DistanceConfig } from './types';

/** Nearer is better, with a gentle (hyperbolic) decay: 1 at the door, 0.5 at halfScoreKm. */
export function distanceSignal(distanceKm: number | null, config: DistanceConfig): number {
  if (distanceKm === null) return config.onlineScore;
  return 1 / (1 + distanceKm / config.halfScoreKm);
}
