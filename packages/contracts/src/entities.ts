import { z } from 'zod';

/**
 * Entity schemas of the batch data contract (shared/data/CONTRACT.md).
 * They are the single source of the Offer and Request types used everywhere:
 * HTTP input schemas extend them, events carry them, the matching engine reads them.
 */

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const DISCIPLINES = [
  'music',
  'dance',
  'theatre',
  'visual_arts',
  'film_media',
  'literature',
  'heritage',
  'architecture_design',
  'circus',
  'media_literacy',
  'multidisciplinary',
] as const;
export const DisciplineSchema = z.enum(DISCIPLINES);
export type Discipline = z.infer<typeof DisciplineSchema>;

export const FORMATS = [
  'workshop',
  'performance',
  'visit',
  'project',
  'teacher_training',
  'lesson_package',
  'coaching',
] as const;
export const FormatSchema = z.enum(FORMATS);
export type Format = z.infer<typeof FormatSchema>;

export const REACH_MODES = ['on_site', 'at_school', 'both', 'online'] as const;
export const ReachModeSchema = z.enum(REACH_MODES);
export type ReachMode = z.infer<typeof ReachModeSchema>;

export const COUNTRIES = ['BE', 'NL', 'FR', 'LU', 'DE'] as const;

const Id = z.string().trim().min(1, 'must not be empty').max(100);
const Name = z.string().trim().min(1, 'must not be empty').max(200);
const Email = z.email('must be a valid email address').max(254);
const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
const Age = z.number().int('must be a whole number of years').min(0).max(120);

export const PlaceSchema = z.object({
  municipality: Name,
  postcode: z.string().trim().min(1).max(12),
  country: z.enum(COUNTRIES),
  lat: Latitude,
  lon: Longitude,
});
export type Place = z.infer<typeof PlaceSchema>;

export const AgeRangeSchema = z
  .object({ ageMin: Age, ageMax: Age })
  .refine((a) => a.ageMin <= a.ageMax, { message: 'ageMin must not exceed ageMax', path: ['ageMax'] });

export const ProviderRefSchema = z.object({ id: Id, name: Name, email: Email });
export type ProviderRef = z.infer<typeof ProviderRefSchema>;

export const OfferSchema = z.object({
  id: Id,
  provider: ProviderRefSchema,
  title: z.string().trim().min(1, 'must not be empty').max(300),
  description: z.string().max(10_000),
  language: LanguageSchema,
  disciplines: z.array(DisciplineSchema).min(1, 'needs at least one discipline'),
  format: FormatSchema,
  audience: AgeRangeSchema,
  location: PlaceSchema,
  reach: z.object({ mode: ReachModeSchema, maxTravelKm: z.number().min(0).max(1000) }),
  groupSize: z
    .object({ min: z.number().int().min(0), max: z.number().int().min(1) })
    .refine((g) => g.min <= g.max, { message: 'min must not exceed max', path: ['max'] }),
  pricePerPupil: z.number().min(0).max(10_000),
});
export type Offer = z.infer<typeof OfferSchema>;

export const SchoolRefSchema = PlaceSchema.extend({ id: Id, name: Name, email: Email });
export type SchoolRef = z.infer<typeof SchoolRefSchema>;

export const RequestSchema = z.object({
  id: Id,
  school: SchoolRefSchema,
  title: z.string().trim().min(1, 'must not be empty').max(300),
  description: z.string().max(10_000),
  language: LanguageSchema,
  disciplines: z.array(DisciplineSchema),
  pupils: z
    .object({ ageMin: Age, ageMax: Age, count: z.number().int().min(1).max(10_000) })
    .refine((p) => p.ageMin <= p.ageMax, { message: 'ageMin must not exceed ageMax', path: ['ageMax'] }),
  maxTravelKm: z.number().min(0).max(1000),
  budgetPerPupil: z.number().min(0).max(10_000).optional(),
});
export type Request = z.infer<typeof RequestSchema>;

export const JudgmentSchema = z.object({
  requestId: Id,
  offerId: Id,
  relevance: z.number().int().min(0).max(3),
});
export type Judgment = z.infer<typeof JudgmentSchema>;

/** One line of batch matching output (CONTRACT.md, "Batch matching output"). */
export const BatchResultSchema = z.object({
  requestId: Id,
  matches: z.array(z.object({ offerId: Id, score: z.number() })),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;
