import { z } from 'zod';
import { LanguageSchema, MailPreferenceSchema, PlaceSchema, REQUESTER_TYPES } from './entities';
import { SchoolLevelSchema, teachesAtLevels } from './partners';

/**
 * Organisations that use koppel: requesters (schools and the other requesters
 * the seeds name), providers, and brokers with the regions they cover.
 */
export const ORGANISATION_ROLES = ['requester', 'provider', 'broker'] as const;
export const OrganisationRoleSchema = z.enum(ORGANISATION_ROLES);
export type OrganisationRole = z.infer<typeof OrganisationRoleSchema>;

export const PROVIDER_TYPES = [
  'museum',
  'theatre',
  'academy',
  'arts_centre',
  'library',
  'archive',
  'artist',
  'amateur_arts',
  'festival',
  'heritage_site',
  'circus_school',
  'film_house',
  'music_venue',
  'cultural_hub',
  'other_provider',
] as const;
export const ORGANISATION_TYPES = [...REQUESTER_TYPES, ...PROVIDER_TYPES, 'broker'] as const;
export const OrganisationTypeSchema = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

export function roleOfType(type: OrganisationType): OrganisationRole {
  if ((REQUESTER_TYPES as readonly string[]).includes(type)) return 'requester';
  if ((PROVIDER_TYPES as readonly string[]).includes(type)) return 'provider';
  return 'broker';
}

export const ContactSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    email: z.email('must be a valid email address').max(254),
    language: LanguageSchema.default('nl'),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;

/** A postcode range in one country: what a broker covers. Postcodes compare by their leading 4 digits. */
export const RegionSchema = z
  .object({
    country: z.enum(['BE', 'NL']),
    postcodeFrom: z.number().int().min(1000).max(9999),
    postcodeTo: z.number().int().min(1000).max(9999),
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((r) => r.postcodeFrom <= r.postcodeTo, { message: 'postcodeFrom must not exceed postcodeTo', path: ['postcodeTo'] });
export type Region = z.infer<typeof RegionSchema>;

export const OrganisationSchema = z.object({
  id: z.string().trim().min(1).max(100),
  type: OrganisationTypeSchema,
  role: OrganisationRoleSchema,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  contacts: z.array(ContactSchema).min(1, 'needs at least one contact').max(50),
  place: PlaceSchema.optional(),
  /** Brokers only: where they read requests and offers. */
  regions: z.array(RegionSchema).max(100).optional(),
  /** Providers only: one mail per approved match (absent = 'each') or a daily digest. */
  mailPreference: MailPreferenceSchema.optional(),
  /** Schools and school boards: the levels they teach (partners.ts). */
  schoolLevels: z.array(SchoolLevelSchema).max(10).optional(),
  /** Umbrella organisations (a school board, a cultural hub) this one belongs to, by id. */
  memberOf: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** The rule a stored organisation and an organisation's input share: only schools and boards have school levels. */
export function schoolLevelsProblem(o: { type: OrganisationType; schoolLevels?: unknown[] }): string | undefined {
  return o.schoolLevels?.length && !teachesAtLevels(o.type) ? 'only a school or a school board has school levels' : undefined;
}
