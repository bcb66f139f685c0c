import { randomUUID } from 'node:crypto';
import type { Offer, OfferInput, Organisation, Request, RequestInput } from '@koppel/contracts';
import { agesFromGradeText } from '@koppel/matching';
import { placeFromInput } from '../places';
import type { Principal } from '../principal';
import { type FieldError, type Forbidden, forbidden, type Invalid, invalid } from '../results';

/** A listing built from an API body, or why it cannot be. */
export type FromInput<T> = { kind: 'built'; listing: T } | Invalid | Forbidden;

/**
 * Mail about a listing goes to the organisation's own contacts only: an owner
 * naming another address (issue #11: `school.email: attacker@…`) would have koppel
 * mail any address, with auto-approval even without a broker looking.
 */
function contactAddressError(organisation: Organisation, email: string | undefined, path: string): FieldError | undefined {
  if (email === undefined) return undefined;
  const known = organisation.contacts.some((c) => c.email.toLowerCase() === email.toLowerCase());
  return known
    ? undefined
    : { path, message: "must be one of the organisation's contact addresses (change them with PUT /organisations/{id})" };
}

/** Ages from the grade phrases, through the matching taxonomy. */
function agesOfGrades(grades: string[] | undefined): { ageMin: number; ageMax: number } | undefined {
  if (!grades?.length) return undefined;
  const ages = agesFromGradeText(grades.join(', '));
  return ages ? { ageMin: ages.ageMin, ageMax: ages.ageMax } : undefined;
}

/**
 * The contract Offer for an API body: the provider comes from the token's
 * organisation (a provider cannot publish for another), ages from grades when
 * not given, and the location through the gazetteer.
 */
export function offerFromInput(
  input: OfferInput,
  principal: Principal,
  organisation: Organisation | undefined,
  id?: string,
): FromInput<Offer> {
  const errors: FieldError[] = [];
  let provider: Offer['provider'] | undefined = input.provider;
  if (principal.role === 'provider') {
    if (!organisation) return forbidden('The organisation of this token does not exist (any more).');
    if (input.provider && input.provider.id !== organisation.id)
      return forbidden('A provider publishes offers for its own organisation only.');
    const contact = organisation.contacts[0];
    const foreign = contactAddressError(organisation, input.provider?.email, 'provider.email');
    if (foreign) errors.push(foreign);
    provider = {
      id: organisation.id,
      name: input.provider?.name ?? organisation.name,
      email: input.provider?.email ?? contact.email,
      language: input.provider?.language ?? contact.language,
      registered: true,
    };
  } else if (!provider) errors.push({ path: 'provider', message: 'required when the token is not a provider organisation' });
  else if (organisation) {
    // An admin or broker naming a registered provider: its own contacts only, as for the provider itself.
    const foreign = contactAddressError(organisation, provider.email, 'provider.email');
    if (foreign) errors.push(foreign);
    provider = { ...provider, registered: true };
  }
  const audience = input.audience ?? agesOfGrades(input.grades);
  if (!audience)
    errors.push({ path: 'grades', message: 'no grade recognised (e.g. "3de leerjaar", "groep 5", "S1-S2"); give audience ages instead' });
  const location = placeFromInput(input.location, 'location');
  if ('errors' in location) errors.push(...location.errors);
  if (errors.length) return invalid(errors);
  const { id: _ignored, provider: _p, audience: _a, location: _l, ...rest } = input;
  return {
    kind: 'built',
    listing: {
      id: id ?? input.id ?? `off-${randomUUID()}`,
      provider: provider!,
      audience: audience!,
      location: (location as { place: Offer['location'] }).place,
      ...rest,
    },
  };
}

/** The contract Request for an API body; the school (and its place) come from a requester token's organisation. */
export function requestFromInput(
  input: RequestInput,
  principal: Principal,
  organisation: Organisation | undefined,
  id?: string,
): FromInput<Request> {
  const errors: FieldError[] = [];
  const given = input.school ?? {};
  let base: Partial<Request['school']> & { id?: string } = {};
  if (principal.role === 'requester') {
    if (!organisation) return forbidden('The organisation of this token does not exist (any more).');
    if (given.id && given.id !== organisation.id) return forbidden('A school submits requests for its own organisation only.');
    const contact = organisation.contacts[0];
    const foreign = contactAddressError(organisation, given.email, 'school.email');
    if (foreign) errors.push(foreign);
    base = {
      id: organisation.id,
      name: organisation.name,
      email: contact.email,
      language: contact.language,
      type: organisation.type as Request['school']['type'],
      ...organisation.place,
    };
  }
  const merged = { ...base, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as Partial<Request['school']>;
  if (principal.role === 'requester') merged.id = base.id;
  for (const field of ['id', 'name', 'email', 'country'] as const) {
    if (!merged[field])
      errors.push({
        path: `school.${field}`,
        message:
          principal.role === 'requester'
            ? 'required (the organisation has none)'
            : 'required when the token is not a requester organisation',
      });
  }
  if (principal.role !== 'requester' && organisation) {
    // An admin or broker naming a registered school: its own contacts only, as for the school itself.
    const foreign = contactAddressError(organisation, given.email, 'school.email');
    if (foreign) errors.push(foreign);
  }
  if (organisation) merged.registered = true;
  else delete merged.registered;
  let place: Request['school'] | undefined;
  if (merged.country) {
    // Explicit coordinates of the body win; the organisation's stored coordinates only with its own postcode/municipality.
    const placeInput = {
      country: merged.country,
      postcode: merged.postcode,
      municipality: merged.municipality,
      lat: merged.lat,
      lon: merged.lon,
    };
    if (placeInput.postcode === undefined && placeInput.municipality === undefined)
      errors.push({ path: 'school.postcode', message: 'give a postcode or a municipality' });
    else {
      const resolved = placeFromInput(placeInput, 'school');
      if ('errors' in resolved) errors.push(...resolved.errors);
      else place = { ...(merged as Request['school']), ...resolved.place };
    }
  }
  const ages =
    input.pupils.ageMin !== undefined && input.pupils.ageMax !== undefined
      ? { ageMin: input.pupils.ageMin, ageMax: input.pupils.ageMax }
      : agesOfGrades(input.grades);
  if (!ages)
    errors.push({
      path: 'grades',
      message: 'no grade recognised (e.g. "3de leerjaar", "groep 5", "S1-S2"); give pupils.ageMin and pupils.ageMax instead',
    });
  if (errors.length) return invalid(errors);
  const { id: _ignored, school: _s, pupils, ...rest } = input;
  return {
    kind: 'built',
    listing: {
      id: id ?? input.id ?? `req-${randomUUID()}`,
      school: place!,
      pupils: { ...ages!, count: pupils.count },
      ...rest,
      // A school board asking for one of its schools (organisationFor gave the school): the board is named.
      ...(principal.role === 'requester' && organisation && principal.org !== organisation.id ? { requestedBy: principal.org } : {}),
    },
  };
}
