import { type Organisation, type OrganisationInput, roleOfType } from '@koppel/contracts';
import { placeFromInput } from '../places';
import { type Invalid, invalid } from '../results';

/** The contract Organisation for an API body (its role follows from its type, its place through the gazetteer), or the bad fields. */
export function organisationFromInput(input: OrganisationInput, id: string): { kind: 'built'; organisation: Organisation } | Invalid {
  let place: Organisation['place'];
  if (input.place) {
    const resolved = placeFromInput(input.place, 'place');
    if ('errors' in resolved) return invalid(resolved.errors);
    place = resolved.place;
  }
  return {
    kind: 'built',
    organisation: {
      id,
      type: input.type,
      role: roleOfType(input.type),
      name: input.name,
      contacts: input.contacts,
      ...(place ? { place } : {}),
      ...(input.regions ? { regions: input.regions } : {}),
      ...(input.mailPreference ? { mailPreference: input.mailPreference } : {}),
    },
  };
}
