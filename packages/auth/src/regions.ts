import type { Region } from './token';

/** The leading four digits of a postcode as a number (BE "8500" → 8500, NL "3511 AB" → 3511), or undefined. */
export function postcodeNumberOf(postcode: string | undefined): number | undefined {
  const digits = /^\s*(\d{4})/.exec(postcode ?? '');
  return digits ? Number(digits[1]) : undefined;
}

/** Whether a place (country + postcode) lies in one of the regions. */
export function isInRegions(regions: Region[] | undefined, country: string | undefined, postcode: string | undefined): boolean {
  const n = postcodeNumberOf(postcode);
  if (!regions || n === undefined) return false;
  return regions.some((r) => r.country === country && n >= r.postcodeFrom && n <= r.postcodeTo);
}
