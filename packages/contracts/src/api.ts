import { z } from 'zod';
import {
  AgeRangeSchema,
  COUNTRIES,
  DisciplineSchema,
  LanguageSchema,
  MailPreferenceSchema,
  OfferSchema,
  ProviderRefSchema,
  RequesterTypeSchema,
  RequestSchema,
} from './entities';
import { ContactSchema, OrganisationSchema, OrganisationTypeSchema, RegionSchema, roleOfType, schoolLevelsProblem } from './organisations';
import { SchoolLevelSchema } from './partners';

/**
 * Bodies and query strings of the intake HTTP API. They extend the contract
 * entities: a place may be a postcode or a municipality (the gazetteer adds
 * coordinates), ages may come from grades, and the organisation behind a token
 * fills in the provider or school. The batch contract's own format is accepted
 * as it is. These schemas also generate the OpenAPI document.
 */
const Id = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'letters, digits, and . _ : - only');
const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
const Age = z.number().int('must be a whole number of years').min(0).max(120);

/** A place: a postcode or a municipality in BE/NL (resolved by the gazetteer), or explicit coordinates. */
export const PlaceInputSchema = z
  .object({
    municipality: z.string().trim().min(1).max(200).optional(),
    postcode: z.string().trim().min(1).max(12).optional(),
    country: z.enum(COUNTRIES),
    lat: Latitude.optional(),
    lon: Longitude.optional(),
  })
  .strict()
  .refine((p) => p.postcode !== undefined || p.municipality !== undefined, {
    message: 'give a postcode or a municipality',
    path: ['postcode'],
  })
  .refine((p) => (p.lat === undefined) === (p.lon === undefined), { message: 'give lat and lon together', path: ['lon'] });
export type PlaceInput = z.infer<typeof PlaceInputSchema>;

export const OfferInputSchema = OfferSchema.extend({
  id: Id.optional(),
  /** Filled from the provider organisation of the token; required for admins. */
  provider: ProviderRefSchema.omit({ registered: true }).optional(),
  /** Ages; may be left out when `grades` says them. */
  audience: AgeRangeSchema.optional(),
  location: PlaceInputSchema,
})
  .strict()
  .refine((o) => o.audience !== undefined || (o.grades?.length ?? 0) > 0, { message: 'give audience ages or grades', path: ['audience'] });
export type OfferInput = z.infer<typeof OfferInputSchema>;

export const SchoolInputSchema = z
  .object({
    id: Id.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email('must be a valid email address').max(254).optional(),
    language: LanguageSchema.optional(),
    type: RequesterTypeSchema.optional(),
    municipality: z.string().trim().min(1).max(200).optional(),
    postcode: z.string().trim().min(1).max(12).optional(),
    country: z.enum(COUNTRIES).optional(),
    lat: Latitude.optional(),
    lon: Longitude.optional(),
  })
  .strict();

export const RequestInputSchema = RequestSchema.extend({
  id: Id.optional(),
  /** Set by intake from a school board's token when it asks for one of its schools. */
  requestedBy: z.undefined({ error: 'set by koppel from the token of the school board that asks' }).optional(),
  /** Filled from the requester organisation of the token (its place too); required for admins. */
  school: SchoolInputSchema.optional(),
  disciplines: z.array(DisciplineSchema).default([]),
  pupils: z
    .object({ ageMin: Age.optional(), ageMax: Age.optional(), count: z.number().int().min(1).max(10_000) })
    .strict()
    .refine((p) => p.ageMin === undefined || p.ageMax === undefined || p.ageMin <= p.ageMax, {
      message: 'ageMin must not exceed ageMax',
      path: ['ageMax'],
    }),
})
  .strict()
  .refine((r) => (r.pupils.ageMin !== undefined && r.pupils.ageMax !== undefined) || (r.grades?.length ?? 0) > 0, {
    message: 'give pupils.ageMin and pupils.ageMax, or grades',
    path: ['pupils'],
  });
export type RequestInput = z.infer<typeof RequestInputSchema>;

export const WithdrawInputSchema = z.object({ reason: z.string().max(500).optional() }).strict();

export const LISTING_SORTS = ['-updatedAt', 'updatedAt', '-createdAt', 'createdAt'] as const;
export const ListingQuerySchema = z
  .object({
    status: z.enum(['active', 'withdrawn']).optional(),
    discipline: DisciplineSchema.optional(),
    municipality: z.string().trim().min(1).max(200).optional(),
    /** Listings whose ages include this age. */
    age: z.coerce.number().int().min(0).max(120).optional(),
    sort: z.enum(LISTING_SORTS).default('-updatedAt'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /** `nextCursor` of the previous page. */
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();
export type ListingQuery = z.infer<typeof ListingQuerySchema>;

export const Lifecycle = {
  status: z.enum(['active', 'withdrawn']),
  revision: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  withdrawnAt: z.iso.datetime().optional(),
  /** Listings only: stored by an organisation awaiting a broker's approval, published once approved. */
  awaitingApproval: z.literal(true).optional(),
};
export const OfferViewSchema = OfferSchema.extend(Lifecycle);
export const RequestViewSchema = RequestSchema.extend(Lifecycle);
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), limit: z.number().int() });

export const OrganisationInputSchema = z
  .object({
    id: Id.optional(),
    type: OrganisationTypeSchema,
    name: z.string().trim().min(1, 'must not be empty').max(200),
    contacts: z.array(ContactSchema).min(1, 'needs at least one contact').max(50),
    place: PlaceInputSchema.optional(),
    regions: z.array(RegionSchema).max(100).optional(),
    mailPreference: MailPreferenceSchema.optional(),
    schoolLevels: z.array(SchoolLevelSchema).max(10).optional(),
    memberOf: z.array(Id).max(20).optional(),
  })
  .strict()
  .refine((o) => schoolLevelsProblem(o) === undefined, {
    message: 'only a school or a school board has school levels',
    path: ['schoolLevels'],
  })
  .refine((o) => (o.type === 'broker') === (o.regions !== undefined && o.regions.length > 0), {
    message: 'a broker needs regions, and only a broker has them',
    path: ['regions'],
  })
  .refine((o) => o.mailPreference === undefined || roleOfType(o.type) === 'provider', {
    message: 'only a provider chooses how match mails arrive',
    path: ['mailPreference'],
  });
export type OrganisationInput = z.infer<typeof OrganisationInputSchema>;
/** An erased organisation (issue #11) has no contacts left, and says when it was erased. */
export const OrganisationViewSchema = OrganisationSchema.extend({
  ...Lifecycle,
  /** Besides active and withdrawn: an organisation that signed up itself, until a broker approved it (issue #13). */
  status: z.enum(['active', 'withdrawn', 'unconfirmed', 'awaiting_approval', 'rejected']),
  contacts: z.array(ContactSchema).max(50),
  erasedAt: z.iso.datetime().optional(),
});
export const OrganisationQuerySchema = z
  .object({
    role: z.enum(['requester', 'provider', 'broker']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

/** A provider (or an admin for it) chooses one mail per match or a daily digest. */
export const MailPreferenceInputSchema = z.object({ mailPreference: MailPreferenceSchema }).strict();
export type MailPreferenceInput = z.infer<typeof MailPreferenceInputSchema>;

export const SignInLinkInputSchema = z.object({ email: z.email('must be a valid email address').max(254) }).strict();

/**
 * An organisation signing up itself (issue #13): its kind from the partner taxonomy (any
 * but broker: brokers are made by an admin), its place, one contact who confirms the
 * address, and for schools and boards their levels; umbrellas it belongs to by id.
 */
export const SignUpInputSchema = z
  .object({
    type: OrganisationTypeSchema.refine((t) => t !== 'broker', { message: 'a broker is added by an admin, not signed up' }),
    name: z.string().trim().min(1, 'must not be empty').max(200),
    place: PlaceInputSchema,
    contact: ContactSchema,
    schoolLevels: z.array(SchoolLevelSchema).max(10).optional(),
    memberOf: z.array(Id).max(20).optional(),
  })
  .strict()
  .refine((o) => schoolLevelsProblem(o) === undefined, {
    message: 'only a school or a school board has school levels',
    path: ['schoolLevels'],
  });
export type SignUpInput = z.infer<typeof SignUpInputSchema>;

/** The token of a sign-up's confirmation link. */
export const SignUpConfirmationInputSchema = z.object({ token: z.string().min(10).max(200) }).strict();
export const SessionInputSchema = z.object({ token: z.string().min(10).max(200) }).strict();
export const SessionViewSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  role: z.enum(['admin', 'requester', 'provider', 'broker']),
  organisationId: z.string().optional(),
});

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
