import type { Format } from '@koppel/contracts';
import { formatAffinity } from '../taxonomy/formats';

/**
 * How well the offer's format answers the formats named in the request text,
 * weighted by how strongly each was named; neutral when none was named.
 */
export function formatSignal(asked: ReadonlyMap<Format, number>, offered: Format, neutral: number): number {
  if (asked.size === 0) return neutral;
  let best = 0;
  let total = 0;
  let weighted = 0;
  for (const [format, weight] of asked) {
    const affinity = formatAffinity(format, offered);
    best = Math.max(best, affinity);
    weighted += affinity * weight;
    total += weight;
  }
  // Any named format that fits is a good answer ("a visit or a workshop"); the mix breaks ties.
  return 0.7 * best + 0.3 * (weighted / total);
}
