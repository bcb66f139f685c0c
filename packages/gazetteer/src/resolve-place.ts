import { readFileSync } from 'node:fs';
import { placeKey } from './place-key';

/** One entry: display name, latitude, longitude (WGS84). */
type Entry = [string, number, number];
interface GazetteerData {
  sources: string[];
  postcodes: Record<string, Record<string, Entry>>;
  places: Record<string, Record<string, Entry>>;
  municipalityPostcodes: Record<string, Record<string, string>>;
}
// Read at run time rather than imported: the type checker need not walk 450 kB of literals.
// Found through the package name, so it resolves from source and from a built service alike.
const data = JSON.parse(readFileSync(require.resolve('@koppel/gazetteer/data/gazetteer.json'), 'utf8')) as GazetteerData;
const POSTCODES = data.postcodes;
const PLACES = data.places;

export const GAZETTEER_COUNTRIES = ['BE', 'NL'] as const;
export type GazetteerCountry = (typeof GAZETTEER_COUNTRIES)[number];

export interface ResolvedPlace {
  municipality: string;
  lat: number;
  lon: number;
  /** What found it: the postcode, or the municipality's name. */
  by: 'postcode' | 'municipality';
}

/**
 * Coordinates of a postcode by its first four digits: a Belgian postcode gives its
 * municipality, a Dutch one ("3511 AB", "3511AB" or "3511") its PC4 area's centroid and
 * its place (woonplaats), which is what `municipality` then holds.
 */
export function placeOfPostcode(country: string, postcode: string): ResolvedPlace | undefined {
  const hit = POSTCODES[country]?.[postcode.trim().slice(0, 4)];
  return hit ? { municipality: hit[0], lat: hit[1], lon: hit[2], by: 'postcode' } : undefined;
}

/** Coordinates of a municipality or place by name, accents and case ignored. */
export function placeOfMunicipality(country: string, municipality: string): ResolvedPlace | undefined {
  const hit = PLACES[country]?.[placeKey(municipality)];
  return hit ? { municipality: hit[0], lat: hit[1], lon: hit[2], by: 'municipality' } : undefined;
}

/** The postcode first (more precise and unambiguous), then the municipality's name. */
export function resolvePlace(country: string, postcode?: string, municipality?: string): ResolvedPlace | undefined {
  return (
    (postcode ? placeOfPostcode(country, postcode) : undefined) ?? (municipality ? placeOfMunicipality(country, municipality) : undefined)
  );
}

/** A postcode of a municipality or Dutch place given by name: the lowest of its postcodes (BE and NL). */
export function postcodeOfMunicipality(country: string, municipality: string): string | undefined {
  return data.municipalityPostcodes[country]?.[placeKey(municipality)];
}

export const GAZETTEER_SOURCES: string[] = data.sources;
