import { z } from 'zod';

/**
 * Entity schemas of the batch data contract (shared/data/CONTRACT.md).
 * They are the single source of the Offer and Request types used everywhere:
 * HTTP input schemas extend them, events carry them, the matching engine reads them.
 */

export const LANGUAGES = ['nl', 'fr', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** How a provider wants match mails: one per approved match ('each', the default) or one bundled mail a day. */
export const MAIL_PREFERENCES = ['each', 'daily_digest'] as const;
export const MailPreferenceSchema = z.enum(MAIL_PREFERENCES);
export type MailPreference = z.infer<typeof MailPreferenceSchema>;

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

export const FORMATS = ['workshop', 'performance', 'visit', 'project', 'teacher_training', 'lesson_package', 'coaching'] as const;
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

/**
 * API extensions (all optional, so every batch-contract line stays valid):
 * who to write to in which language, grades as written by a teacher,
 * inclusion and barrier attributes, and when an activity can take place.
 */
export const InclusionSchema = z
  .object({
    /** Offer: free or a social tariff exists. Request: the school needs one. */
    freeOrSocialTariff: z.boolean().optional(),
    /** Suited for (or: the class is) a newcomer class: OKAN in Flanders, ISK in the Netherlands. */
    newcomerClasses: z.boolean().optional(),
    /** Special needs education (buitengewoon / speciaal onderwijs). */
    specialNeeds: z.boolean().optional(),
    wheelchairAccess: z.boolean().optional(),
    /** Support for pupils who do not (yet) speak the activity's language well. */
    languageSupport: z.boolean().optional(),
  })
  .strict();
export type Inclusion = z.infer<typeof InclusionSchema>;

/** Inclusive calendar dates (YYYY-MM-DD). */
export const PeriodSchema = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from must not be after to', path: ['to'] });
export type Period = z.infer<typeof PeriodSchema>;

/** Grades as written ("3de leerjaar", "groep 5", "S1–S2"); ages are derived from them by the matching taxonomy. */
const Grades = z.array(z.string().trim().min(1).max(100)).max(20);

/**
 * Set by intake when the party is one of koppel's organisations: its mails go to that
 * organisation's own contacts, so the match events after the listing name the contact by
 * a hash instead of carrying the address (issue #11). Absent: a party an admin or broker
 * typed in, mailed at the listing's address.
 */
const Registered = z.literal(true).optional();

export const ProviderRefSchema = z.object({
  id: Id,
  name: Name,
  email: Email,
  language: LanguageSchema.optional(),
  registered: Registered,
});
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
  grades: Grades.optional(),
  inclusion: InclusionSchema.optional(),
  /** When the offer can be booked; absent means all year. */
  availability: z.array(PeriodSchema).max(50).optional(),
});
export type Offer = z.infer<typeof OfferSchema>;

/**
 * Schools and the other requesters of the regional networks' partner overviews (issue
 * #13; labels and groups in partners.ts). A school board asks for several schools.
 */
export const REQUESTER_TYPES = [
  'school',
  'school_board',
  'childcare',
  'playgroup',
  'after_school_care',
  'integrated_child_centre',
  'youth_work',
  'welfare',
  'neighbourhood',
  'sport_club',
  'culture_coach',
] as const;
export const RequesterTypeSchema = z.enum(REQUESTER_TYPES);

export const SchoolRefSchema = PlaceSchema.extend({
  id: Id,
  name: Name,
  email: Email,
  language: LanguageSchema.optional(),
  type: RequesterTypeSchema.optional(),
  registered: Registered,
});
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
  grades: Grades.optional(),
  inclusion: InclusionSchema.optional(),
  preferredPeriod: PeriodSchema.optional(),
  /**
   * "Ask for this offer" (issue #13): the catalogue offer the request was made from. The
   * matcher proposes that offer whenever it is active and fits the hard constraints, and the
   * broker sees the link.
   */
  askedForOfferId: Id.optional(),
  /**
   * The umbrella organisation (a school board) that asked on behalf of this school, one of
   * its members (issue #13); set by intake from the board's token, never by a client.
   */
  requestedBy: Id.optional(),
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
