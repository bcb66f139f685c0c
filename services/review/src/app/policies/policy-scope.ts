import type { Claims, Region } from '@koppel/auth';
import { ALL_REGIONS, PROVINCE_RANGES, REGIONS, type Province, type RegionName } from '../regions/province-of-postcode';

/**
 * Whether the regions of one country together cover every postcode from..to
 * (several adjoining regions count as one). Walks the regions in order of their
 * start and stops at the first gap.
 */
function rangeCovered(regions: Region[], country: string, from: number, to: number): boolean {
  let uncovered = from;
  const ofCountry = regions.filter((r) => r.country === country).sort((a, b) => a.postcodeFrom - b.postcodeFrom);
  for (const region of ofCountry) {
    if (region.postcodeFrom > uncovered) return false;
    uncovered = Math.max(uncovered, region.postcodeTo + 1);
    if (uncovered > to) return true;
  }
  return false;
}

/**
 * The provinces that lie wholly within a broker's regions: every postcode
 * range of the province, in its own country, is covered. Only those are the
 * broker's to automate: a policy approves every proposal of its province, so a
 * broker covering part of one would decide for schools of another broker.
 */
export function provincesWithinRegions(regions: Region[] | undefined): Province[] {
  const covered = (province: Province) =>
    PROVINCE_RANGES.filter((r) => r.province === province).every((r) => rangeCovered(regions ?? [], r.country, r.from, r.to));
  return ALL_REGIONS.filter(covered);
}

/** The regions whose auto-approval policy the user sees and changes: all for an admin, the wholly covered provinces for a broker. */
export function policyRegionsFor(user: Pick<Claims, 'role' | 'regions'>): RegionName[] {
  return user.role === 'admin' ? REGIONS : provincesWithinRegions(user.regions);
}

/** Whether the user may see and change the policy of this region (also for names from stored data that are no region). */
export function mayManagePolicy(user: Pick<Claims, 'role' | 'regions'>, region: string): boolean {
  if (user.role === 'admin') return true;
  return (policyRegionsFor(user) as string[]).includes(region);
}
