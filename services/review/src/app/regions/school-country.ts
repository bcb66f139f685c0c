import { postcodeNumberOf } from '@koppel/auth';
import type { MatchSnapshot } from '@koppel/contracts';

/**
 * The school's country: from the snapshot when the matcher put it there, else
 * from the postcode's shape for older events ("1234 AB" Dutch, five digits
 * French, four digits Belgian), as provinceOfPostcode reads it.
 */
export function schoolCountryOf(match: MatchSnapshot): string {
  if (match.request.country) return match.request.country;
  const postcode = match.request.postcode.trim();
  if (/^\d{4}\s?[A-Za-z]{2}$/.test(postcode)) return 'NL';
  if (/^\d{5}$/.test(postcode)) return 'FR';
  return 'BE';
}

/** What the console stores on a proposal so a broker's regions filter in the database: country and the leading four postcode digits. */
export function schoolPlaceOf(match: MatchSnapshot): { country: string; postcodeNumber?: number } {
  return { country: schoolCountryOf(match), postcodeNumber: postcodeNumberOf(match.request.postcode) };
}
