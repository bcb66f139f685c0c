import { type Claims, isInRegions, type Region } from '@koppel/auth';
import { ALL_REGIONS, PROVINCE_RANGES, type Province, REGIONS, type RegionName } from '../regions/province-of-postcode';

export type InsightsUser = Pick<Claims, 'role' | 'regions'>;

/** Whether a broker's postcode ranges share at least one postcode with a province. */
function overlaps(regions: Region[], province: Province): boolean {
  return PROVINCE_RANGES.filter((r) => r.province === province).some((range) =>
    regions.some((mine) => mine.country === range.country && mine.postcodeFrom <= range.to && mine.postcodeTo >= range.from),
  );
}

/**
 * The regions a user may ask the insights of: every region for an admin; for a broker
 * each province its postcode ranges reach into (wholly or in part). What a broker then
 * sees of a province is still only the listings within its own ranges (`inInsightsScope`),
 * so a broker of part of a province sees that part, like its proposals.
 */
export function insightRegionsFor(user: InsightsUser): RegionName[] {
  if (user.role === 'admin') return REGIONS;
  return ALL_REGIONS.filter((province) => overlaps(user.regions ?? [], province));
}

/** Whether the user may ask for this region's insights (a broker: one its ranges reach into). */
export function mayAskInsightsOf(user: InsightsUser, region: string): boolean {
  return (insightRegionsFor(user) as string[]).includes(region);
}

/** Where a listing is, as the scope reads it. */
export interface ScopedPlace {
  country: string;
  postcode: string;
  region: string;
}

/**
 * Whether a listing counts for the user and region asked: an admin's everything, a
 * broker's only within its postcode ranges (the rule of its proposals, `isInRegions`);
 * with a region, only that region's.
 */
export function inInsightsScope(user: InsightsUser, region: string | undefined, place: ScopedPlace): boolean {
  if (region !== undefined && place.region !== region) return false;
  return user.role === 'admin' || isInRegions(user.regions, place.country, place.postcode);
}
