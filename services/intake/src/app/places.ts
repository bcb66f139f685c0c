import type { Place, PlaceInput } from '@koppel/contracts';
import { postcodeOfMunicipality, resolvePlace } from '@koppel/gazetteer';
import type { FieldError } from './results';

/**
 * A contract Place from what a person typed: explicit coordinates win; otherwise
 * the gazetteer resolves the postcode (BE; NL by its first four digits, "3511 AB")
 * or the municipality (BE and NL). Returns the field errors instead when it cannot.
 */
export function placeFromInput(input: PlaceInput, path: string): { place: Place } | { errors: FieldError[] } {
  const found = resolvePlace(input.country, input.postcode, input.municipality);
  const municipality = input.municipality ?? found?.municipality;
  const postcode = input.postcode ?? (municipality ? postcodeOfMunicipality(input.country, municipality) : undefined);
  const errors: FieldError[] = [];
  if (input.lat === undefined && !found) {
    errors.push({
      path: `${path}.${input.postcode ? 'postcode' : 'municipality'}`,
      message: `unknown ${input.postcode ? 'postcode' : 'municipality'} in ${input.country}: give lat and lon, or another spelling`,
    });
  }
  if (!municipality) errors.push({ path: `${path}.municipality`, message: 'required (the postcode is not in the gazetteer)' });
  if (!postcode)
    errors.push({ path: `${path}.postcode`, message: `required (no postcode known for this municipality in ${input.country})` });
  if (errors.length) return { errors };
  return {
    place: {
      municipality: municipality!,
      postcode: postcode!,
      country: input.country,
      lat: input.lat ?? found!.lat,
      lon: input.lon ?? found!.lon,
    },
  };
}
