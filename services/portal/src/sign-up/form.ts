import {
  type Language,
  type OrganisationType,
  PARTNER_GROUP_LABELS,
  PARTNER_GROUPS,
  PARTNER_KINDS,
  type PartnerGroup,
  partnerKindsIn,
  SCHOOL_LEVEL_LABELS,
  SCHOOL_LEVELS,
  teachesAtLevels,
} from '@koppel/contracts';

/**
 * The sign-up form (issue #13), its pure parts: which kinds it offers and how they are
 * grouped, which field an error of intake's belongs to, and the body it sends. Shared
 * by the page (server) and the browser script; unit-tested in node.
 *
 * The fields are named by their path in intake's `POST /sign-ups` body (`contact.email`),
 * so a zod issue's path and a problem document's `errors[].path` lead back to them.
 */
/** The form's fields, in the order it shows them. */
export const SIGN_UP_FIELDS = [
  'type',
  'name',
  'schoolLevels',
  'memberOf',
  'place.postcode',
  'place.municipality',
  'place.country',
  'contact.name',
  'contact.email',
  'contact.language',
] as const;
export type SignUpField = (typeof SIGN_UP_FIELDS)[number];

/** The id of a field's control, as the portal's form fields make it (`contact.email` → `f-contact-email`). */
export const fieldIdOf = (field: string): string => `f-${field.replace(/\./g, '-')}`;

/** Paths intake reports on a whole group, or on a part the form has no field for, and the field where it is fixed. */
const FIELD_OF_PATH: Record<string, SignUpField> = {
  place: 'place.postcode',
  'place.lat': 'place.postcode',
  'place.lon': 'place.postcode',
  contact: 'contact.email',
};

/**
 * The field an error's path belongs to (`memberOf.1` → `memberOf`, `place` →
 * `place.postcode`), or '' for the form as a whole (an unknown field).
 */
export function signUpFieldOf(path: string): SignUpField | '' {
  const key = path
    .split('.')
    .filter((part) => part !== '' && !/^\d+$/.test(part))
    .join('.');
  if ((SIGN_UP_FIELDS as readonly string[]).includes(key)) return key as SignUpField;
  return FIELD_OF_PATH[key] ?? '';
}

/** The kinds one may sign up as, per partner group, in the page language; brokers are added by an admin. */
export function kindGroups(lang: Language): { group: PartnerGroup; label: string; kinds: [OrganisationType, string][] }[] {
  return PARTNER_GROUPS.map((group) => ({
    group,
    label: PARTNER_GROUP_LABELS[lang][group],
    kinds: partnerKindsIn(group)
      .filter((kind) => kind !== 'broker')
      .map((kind): [OrganisationType, string] => [kind, PARTNER_KINDS[kind].labels[lang]]),
  })).filter((entry) => entry.kinds.length > 0);
}

export const schoolLevelChoices = (lang: Language): [string, string][] =>
  SCHOOL_LEVELS.map((level) => [level, SCHOOL_LEVEL_LABELS[lang][level]]);

/** Whether the school levels apply to what was chosen as the kind (a school or a school board). */
export function hasSchoolLevels(type: string | undefined): boolean {
  return Boolean(type && type in PARTNER_KINDS && teachesAtLevels(type as OrganisationType));
}

/** Ids as typed in one field: separated by commas, semicolons or spaces. */
export function idsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}

/**
 * The body intake takes, from the form's values (read into paths by the script):
 * school levels only for schools and boards and only when some are ticked, the
 * umbrella ids as a list, nothing empty.
 */
export function signUpBodyOf(values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...values };
  const levels = Array.isArray(body.schoolLevels) ? body.schoolLevels : [];
  if (!hasSchoolLevels(typeof body.type === 'string' ? body.type : undefined) || levels.length === 0) delete body.schoolLevels;
  const memberOf = typeof body.memberOf === 'string' ? idsOf(body.memberOf) : [];
  if (memberOf.length) body.memberOf = memberOf;
  else delete body.memberOf;
  return body;
}
