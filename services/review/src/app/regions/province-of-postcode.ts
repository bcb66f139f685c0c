/**
 * The broker's region of a request: the province of the school's postcode, read
 * in the school's country (`regionOf`). Only events from before the snapshot
 * carried the country fall back to the postcode's shape: "1234 AB" is Dutch, five
 * digits French, four digits Belgian. Ranges are those of bpost and PostNL's first digits; where a Dutch
 * range straddles a border, the province with most of it wins. Good enough to
 * route work to brokers, not to address a letter.
 *
 * Region names are stored on proposals and are the ids of auto-approval
 * policies, so they stay Dutch; the console translates them for display.
 */
export type BelgianProvince =
  | 'Brussel'
  | 'Waals-Brabant'
  | 'Vlaams-Brabant'
  | 'Antwerpen'
  | 'Limburg (BE)'
  | 'Luik'
  | 'Namen'
  | 'Henegouwen'
  | 'Luxemburg (BE)'
  | 'West-Vlaanderen'
  | 'Oost-Vlaanderen';

export type DutchProvince =
  | 'Noord-Holland'
  | 'Flevoland'
  | 'Zuid-Holland'
  | 'Utrecht'
  | 'Gelderland'
  | 'Zeeland'
  | 'Noord-Brabant'
  | 'Limburg (NL)'
  | 'Overijssel'
  | 'Drenthe'
  | 'Friesland'
  | 'Groningen';

export type Province = BelgianProvince | DutchProvince;

const BE_RANGES: [number, number, BelgianProvince][] = [
  [1000, 1299, 'Brussel'],
  [1300, 1499, 'Waals-Brabant'],
  [1500, 1999, 'Vlaams-Brabant'],
  [2000, 2999, 'Antwerpen'],
  [3000, 3499, 'Vlaams-Brabant'],
  [3500, 3999, 'Limburg (BE)'],
  [4000, 4999, 'Luik'],
  [5000, 5999, 'Namen'],
  [6000, 6599, 'Henegouwen'],
  [6600, 6999, 'Luxemburg (BE)'],
  [7000, 7999, 'Henegouwen'],
  [8000, 8999, 'West-Vlaanderen'],
  [9000, 9999, 'Oost-Vlaanderen'],
];

const NL_RANGES: [number, number, DutchProvince][] = [
  [1000, 1299, 'Noord-Holland'],
  [1300, 1379, 'Flevoland'],
  [1380, 2199, 'Noord-Holland'],
  [2200, 3399, 'Zuid-Holland'],
  [3400, 3999, 'Utrecht'],
  [4000, 4199, 'Gelderland'],
  [4200, 4299, 'Zuid-Holland'],
  [4300, 4599, 'Zeeland'],
  [4600, 5799, 'Noord-Brabant'],
  [5800, 6499, 'Limburg (NL)'],
  [6500, 7399, 'Gelderland'],
  [7400, 7799, 'Overijssel'],
  [7800, 7999, 'Drenthe'],
  [8000, 8199, 'Overijssel'],
  [8200, 8399, 'Flevoland'],
  [8400, 9299, 'Friesland'],
  [9300, 9499, 'Drenthe'],
  [9500, 9999, 'Groningen'],
];

const FR_DEPARTMENTS = { '59': 'Nord (FR)', '62': 'Pas-de-Calais (FR)' } as const;
type FrenchRegion = (typeof FR_DEPARTMENTS)[keyof typeof FR_DEPARTMENTS] | 'Frankrijk';

export const UNKNOWN_REGION = 'Onbekend';

/** Every name provinceOfPostcode can return: what proposals carry and policies are set for. */
export type RegionName = Province | FrenchRegion | typeof UNKNOWN_REGION;

/** One postcode range of a province, with its country: what a broker's regions must cover to manage the province. */
export interface ProvinceRange {
  province: Province;
  country: 'BE' | 'NL';
  from: number;
  to: number;
}

export const PROVINCE_RANGES: ProvinceRange[] = [
  ...BE_RANGES.map(([from, to, province]) => ({ province, country: 'BE' as const, from, to })),
  ...NL_RANGES.map(([from, to, province]) => ({ province, country: 'NL' as const, from, to })),
];

function inRanges(code: number, ranges: [number, number, RegionName][]): RegionName {
  return ranges.find(([from, to]) => code >= from && code <= to)?.[2] ?? UNKNOWN_REGION;
}

/**
 * The region of a place in a known country: the country says which postcode table
 * applies, so a Dutch "3511" (written without its letters) is Utrecht, not Belgian
 * Limburg (issue #11). Countries without provinces in koppel (LU, DE) are unknown.
 */
export function regionOf(country: string | undefined, postcode: string): RegionName {
  if (!country) return provinceOfPostcode(postcode);
  const digits = /^\s*(\d{4,5})/.exec(postcode)?.[1];
  if (!digits) return UNKNOWN_REGION;
  if (country === 'NL') return digits.length === 4 ? inRanges(Number(digits), NL_RANGES) : UNKNOWN_REGION;
  if (country === 'BE') return digits.length === 4 ? inRanges(Number(digits), BE_RANGES) : UNKNOWN_REGION;
  if (country === 'FR')
    return digits.length === 5 ? (FR_DEPARTMENTS[digits.slice(0, 2) as keyof typeof FR_DEPARTMENTS] ?? 'Frankrijk') : UNKNOWN_REGION;
  return UNKNOWN_REGION;
}

/**
 * From the postcode's shape alone, for events from before the snapshot carried the
 * country: "8530" → "West-Vlaanderen", "3511 AB" → "Utrecht", "59000" → "Nord (FR)".
 */
export function provinceOfPostcode(postcode: string): RegionName {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  const nl = /^(\d{4})[A-Z]{2}$/.exec(compact);
  if (nl) return inRanges(Number(nl[1]), NL_RANGES);
  if (/^\d{5}$/.test(compact)) return FR_DEPARTMENTS[compact.slice(0, 2) as keyof typeof FR_DEPARTMENTS] ?? 'Frankrijk';
  if (/^\d{4}$/.test(compact)) return inRanges(Number(compact), BE_RANGES);
  return UNKNOWN_REGION;
}

/** Every Belgian and Dutch province, in a stable order for forms. */
export const ALL_REGIONS: Province[] = [...new Set(PROVINCE_RANGES.map((r) => r.province))].sort((a, b) => a.localeCompare(b, 'nl'));

/** Every region a proposal can have and a policy can be set for: the provinces, then France and the unknown. */
export const REGIONS: RegionName[] = [...ALL_REGIONS, 'Nord (FR)', 'Pas-de-Calais (FR)', 'Frankrijk', UNKNOWN_REGION];

export function isRegionName(value: string): value is RegionName {
  return (REGIONS as string[]).includes(value);
}
