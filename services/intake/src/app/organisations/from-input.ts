import { type Organisation, type OrganisationInput, roleOfType } from '@koppel/contracts';
import { placeFromInput } from '../places';
import { type FieldError, type Invalid, invalid } from '../results';

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
      ...(input.schoolLevels?.length ? { schoolLevels: input.schoolLevels } : {}),
      ...(input.memberOf?.length ? { memberOf: input.memberOf } : {}),
    },
  };
}

/** Kinds that have member organisations: a school board (several schools), a cultural hub (several under one roof). */
const UMBRELLA_TYPES: ReadonlySet<string> = new Set(['school_board', 'cultural_hub']);

/**
 * Whether every umbrella an organisation names in `memberOf` is a known umbrella (a school
 * board or cultural hub, not itself): the bad entries, each with its reason; none when all hold.
 */
export async function umbrellaProblems(
  organisation: Organisation,
  find: (id: string) => Promise<{ data: Organisation } | null>,
): Promise<Invalid | undefined> {
  const errors: FieldError[] = [];
  for (const [i, id] of (organisation.memberOf ?? []).entries()) {
    const umbrella = id === organisation.id ? null : await find(id);
    if (!umbrella) errors.push({ path: `memberOf.${i}`, message: `no other organisation has the id ${id}` });
    else if (!UMBRELLA_TYPES.has(umbrella.data.type))
      errors.push({ path: `memberOf.${i}`, message: 'must be a school board or a cultural hub' });
  }
  return errors.length ? invalid(errors) : undefined;
}
