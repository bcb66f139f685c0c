import { z } from 'zod';
import { COUNTRIES, OfferSchema, RequestSchema, DisciplineSchema, LanguageSchema, MailPreferenceSchema, PlaceSchema } from './entities';
import { OrganisationSchema, OrganisationTypeSchema } from './organisations';
import { SchoolLevelSchema } from './partners';
import { EnvelopeSchema } from './envelope';

/**
 * Topic names and the payload schema of every event type. A consumer validates
 * an incoming message with `eventSchemaFor(topic)`: the same schema the producer
 * used, so a message that fails it is malformed, not merely unknown.
 */
export const TOPICS = {
  offers: 'koppel.offers.v1',
  requests: 'koppel.requests.v1',
  matchesProposed: 'koppel.matches.proposed.v1',
  /** Requests that got fewer proposals than asked, with the nearest misses and why each missed (issue #14). */
  matchesMissed: 'koppel.matches.missed.v1',
  matchesDecided: 'koppel.matches.decided.v1',
  signIn: 'koppel.signin.v1',
  /** What the school and the provider answered to an approved match, and its confirmation. */
  matchesAnswered: 'koppel.matches.answered.v1',
  /** What happened to each mail (sent, failed) and a broker's request to send one again. */
  mails: 'koppel.mails.v1',
  /** Organisations as intake stores them: the notifier reads a provider's mail preference here. */
  organisations: 'koppel.organisations.v1',
  /**
   * Sign-ups (issue #13): an organisation that signed up itself and confirmed its address,
   * waiting for a broker of its region, and the broker's decision. No addresses (decision 0019).
   */
  signUps: 'koppel.signups.v1',
} as const;
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Where a consumer of `topic` parks a message it cannot process. */
export function deadLetterTopicFor(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Topics whose latest event per key is the current state of that key (a listing, an
 * organisation): compacted instead of expiring, so a consumer with an empty database
 * (a new matcher, a new notifier) rebuilds every active offer, open request and
 * organisation by reading from the beginning, however old. A withdrawal is followed
 * by a tombstone (a null value), so compaction eventually forgets the key (decision 0017).
 */
export const COMPACTED_TOPICS: ReadonlySet<string> = new Set<string>([TOPICS.offers, TOPICS.requests, TOPICS.organisations]);

/**
 * Event types after which the key's history may be forgotten (a tombstone follows them on
 * compacted topics): a listing's withdrawal. An organisation's withdrawal is kept as the
 * key's last state instead: it revokes the organisation's tokens, and a service rebuilt
 * from the topic must still know that (it holds no personal data).
 */
export function endsItsKey(type: string): boolean {
  // organisation.withdrawn and organisation.erased stay as the key's last state.
  return type === 'offer.withdrawn' || type === 'request.withdrawn';
}

export const ALL_TOPICS: string[] = Object.values(TOPICS).flatMap((t) => [t, deadLetterTopicFor(t)]);

const OfferChanged = z.object({ offer: OfferSchema });
const OfferWithdrawn = z.object({ offerId: z.string().min(1), reason: z.string().optional() });
const RequestChanged = z.object({ request: RequestSchema });
const RequestWithdrawn = z.object({ requestId: z.string().min(1), reason: z.string().optional() });
/** The revision lets a consumer keep the newest state when events of one organisation arrive twice. */
const OrganisationChanged = z.object({ organisation: OrganisationSchema, revision: z.number().int().min(1) });
const OrganisationWithdrawn = z.object({ organisationId: z.string().min(1), revision: z.number().int().min(1) });
/**
 * An organisation's people erased (issue #11): every service deletes or anonymises what it
 * holds of them. The addresses travel only as SHA-256 hashes of their lower-cased form
 * (`addressHashOf` in `@koppel/auth`), so a service can find rows keyed by address without the event
 * carrying them. Implies a withdrawal: tokens and sessions are revoked too.
 */
const OrganisationErased = z.object({
  organisationId: z.string().min(1),
  revision: z.number().int().min(1),
  addressHashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100),
});
export type OrganisationErasedPayload = z.infer<typeof OrganisationErased>;

/** What an erased name or address is replaced with wherever a record must stay (to keep a mail from going twice). */
export const ERASED = { name: '(gewist)', email: 'gewist@koppel.invalid' } as const;

/**
 * What a notification needs to know about each side, copied into the match events. No
 * address (issue #11): those topics expire by time, not by key, so an erased address
 * would stay in them for days. The notifier takes the address from the organisation's
 * contacts (the compacted organisations topic, which forgets an erased organisation);
 * `contact` says which one: the SHA-256 of the listing's contact address (`addressHashOf`).
 */
export const PartySchema = z.object({
  id: z.string().min(1),
  /** The organisation's name (not a person's). */
  name: z.string().min(1),
  /** Which of the organisation's contacts the listing names (hash of the address); absent: the first. */
  contact: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest')
    .optional(),
  /** Events from before issue #11 carried the address itself; the notifier still mails those. */
  email: z.email().optional(),
  language: LanguageSchema.default('nl'),
  /**
   * How this contact wants match mails: one per approved match ('each', the
   * default when absent) or one bundled mail a day ('daily_digest'). Optional
   * so older events stay valid. The notifier prefers what the provider's
   * organisation events say (they follow a change at once); this is the fallback.
   */
  mailPreference: MailPreferenceSchema.optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const MatchSnapshotSchema = z.object({
  matchId: z.string().min(1),
  requestId: z.string().min(1),
  offerId: z.string().min(1),
  score: z.number().min(0).max(1),
  /** Explanation as produced by the matching engine; rendered by the console and mails. */
  explanation: z.record(z.string(), z.unknown()),
  summary: z.string(),
  request: z.object({
    title: z.string(),
    municipality: z.string(),
    postcode: z.string(),
    /** The school's country: with the postcode, decides which brokers' regions the match is in. Optional: older events lack it. */
    country: z.enum(COUNTRIES).optional(),
    ageMin: z.number(),
    ageMax: z.number(),
    pupils: z.number(),
    disciplines: z.array(DisciplineSchema),
  }),
  offer: z.object({
    title: z.string(),
    municipality: z.string(),
    format: z.string(),
    pricePerPupil: z.number(),
    disciplines: z.array(DisciplineSchema),
  }),
  school: PartySchema,
  provider: PartySchema,
  /** The requester asked for this very offer from the catalogue ("ask for this offer", issue #13). */
  askedFor: z.literal(true).optional(),
});
export type MatchSnapshot = z.infer<typeof MatchSnapshotSchema>;

const MatchProposed = z.object({ match: MatchSnapshotSchema });

/** Why an offer whose text fits a request was not proposed: the facts of the constraint it failed (the console words them). */
export const MissReasonSchema = z.discriminatedUnion('constraint', [
  z.object({ constraint: z.literal('ages'), offerAges: z.tuple([z.number(), z.number()]), pupilAges: z.tuple([z.number(), z.number()]) }),
  z.object({
    constraint: z.literal('distance'),
    distanceKm: z.number().min(0),
    mode: z.enum(['online', 'on_site', 'at_school', 'both']),
    schoolTravelKm: z.number().min(0),
    providerTravelKm: z.number().min(0),
  }),
  z.object({
    constraint: z.literal('price'),
    pricePerPupil: z.number().min(0),
    budgetPerPupil: z.number().min(0),
    ceilingPerPupil: z.number().min(0),
  }),
  z.object({ constraint: z.literal('score'), score: z.number().min(0).max(1), minScore: z.number().min(0).max(1) }),
]);
export type MissReasonFacts = z.infer<typeof MissReasonSchema>;

/**
 * A request got fewer proposals than the matcher proposes at most (`wanted`): the offers
 * whose texts fit it best but were kept out, each with its reasons, so a broker can ask a
 * provider to extend its ages, travel or price. The request's own facts come along so a
 * read model needs nothing else to show it (its municipality, ages and disciplines; no contact).
 */
const MatchMissed = z.object({
  requestId: z.string().min(1),
  schoolId: z.string().min(1),
  title: z.string().max(500),
  municipality: z.string().max(200),
  postcode: z.string().max(20),
  country: z.enum(COUNTRIES),
  pupilAges: z.tuple([z.number(), z.number()]),
  disciplines: z.array(DisciplineSchema).max(20),
  proposals: z.number().int().min(0),
  wanted: z.number().int().min(1),
  nearMisses: z
    .array(
      z.object({
        offerId: z.string().min(1),
        textMatch: z.number().min(0).max(1),
        score: z.number().min(0).max(1).nullable(),
        reasons: z.array(MissReasonSchema).min(1).max(4),
      }),
    )
    .max(20),
});
export type MatchMissedPayload = z.infer<typeof MatchMissed>;
const MatchDecided = z.object({
  match: MatchSnapshotSchema,
  decision: z.enum(['approved', 'rejected']),
  decidedBy: z.string().min(1),
  note: z.string().max(2000).optional(),
  decidedAt: z.iso.datetime(),
});
export type MatchDecidedPayload = z.infer<typeof MatchDecided>;

const Sealed = z.string().regex(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/, 'must be sealed (v1.<iv>.<data>)');

/**
 * Someone asked to sign in to the web pages: the notifier mails them the one-time link.
 * The link's token is single-use and short-lived; the event is keyed by the hash of the
 * address (`addressHashOf`), so repeated requests keep their order.
 *
 * The link signs its holder in and the contact is a person, so both travel sealed
 * (AES-GCM, a key only intake and the notifier hold: `sealText` in @koppel/auth):
 * readers of the topic, its dead-letter topic or intake's outbox can neither use the
 * link nor read the address (issue #11). `sealedContact` seals the JSON of
 * `SignInContact`. `email`, `name` and `link` in plain text are what events from
 * before that carried; the notifier still mails those.
 */
const SignInLinkRequested = z
  .object({
    sealedContact: Sealed.optional(),
    email: z.email().optional(),
    name: z.string().optional(),
    language: LanguageSchema.default('nl'),
    sealedLink: Sealed.optional(),
    link: z.url().optional(),
    expiresAt: z.iso.datetime(),
  })
  .refine((p) => p.sealedLink !== undefined || p.link !== undefined, { message: 'needs sealedLink', path: ['sealedLink'] })
  .refine((p) => p.sealedContact !== undefined || p.email !== undefined, { message: 'needs sealedContact', path: ['sealedContact'] });

/**
 * A sign-up confirmed by its contact (issue #13), for the brokers of its region: what it
 * is, where, and which known organisations it may duplicate (same name and place, or the
 * same contact address). Its contact's name and address stay in intake (decision 0019).
 */
const SignUpConfirmed = z.object({
  organisationId: z.string().min(1),
  type: OrganisationTypeSchema,
  name: z.string().min(1).max(200),
  place: PlaceSchema,
  schoolLevels: z.array(SchoolLevelSchema).max(10).optional(),
  memberOf: z.array(z.string().min(1)).max(20).optional(),
  duplicates: z
    .array(z.object({ organisationId: z.string().min(1), name: z.string(), why: z.enum(['name_and_place', 'contact_address']) }))
    .max(20),
  confirmedAt: z.iso.datetime(),
});
export type SignUpConfirmedPayload = z.infer<typeof SignUpConfirmed>;

/** A broker's decision on a sign-up: approved (the organisation becomes active) or rejected with a reason (mailed). */
const SignUpDecided = z
  .object({
    organisationId: z.string().min(1),
    decision: z.enum(['approved', 'rejected']),
    reason: z.string().trim().max(2000).optional(),
    decidedBy: z.string().min(1).max(254),
  })
  .refine((d) => d.decision === 'approved' || (d.reason ?? '').length > 0, { message: 'a rejection needs a reason', path: ['reason'] });
export type SignUpDecidedPayload = z.infer<typeof SignUpDecided>;

/**
 * Mails of a sign-up, for the notifier, with the contact sealed as for sign-in links: the
 * link that confirms the address (`confirm`), or the broker's decision (`approved`, with the
 * portal's sign-in page; `rejected`, with the reason).
 */
const SignUpMailRequested = z.object({
  kind: z.enum(['confirm', 'approved', 'rejected']),
  sealedContact: Sealed,
  language: LanguageSchema.default('nl'),
  organisationName: z.string().min(1).max(200),
  /** confirm: the one-time confirmation link, sealed; approved: the sign-in page (no secret in it). */
  sealedLink: Sealed.optional(),
  link: z.url().optional(),
  reason: z.string().max(2000).optional(),
  expiresAt: z.iso.datetime().optional(),
});
export type SignUpMailRequestedPayload = z.infer<typeof SignUpMailRequested>;

/** Who a sign-in link goes to, sealed into `sealedContact`. */
export const SignInContactSchema = z.object({ email: z.email(), name: z.string().optional() });
export type SignInContact = z.infer<typeof SignInContactSchema>;
export type SignInLinkRequestedPayload = z.infer<typeof SignInLinkRequested>;

/** The two sides of a match; each gets its own mails and answers for itself. */
export const MATCH_SIDES = ['school', 'provider'] as const;
export const MatchSideSchema = z.enum(MATCH_SIDES);
export type MatchSide = z.infer<typeof MatchSideSchema>;

export const MATCH_ANSWERS = ['interested', 'not_interested'] as const;
export const MatchAnswerSchema = z.enum(MATCH_ANSWERS);
export type MatchAnswer = z.infer<typeof MatchAnswerSchema>;

/** One side answered an approved match (through its mail's one-time link or its page). */
const MatchAnswered = z.object({
  match: MatchSnapshotSchema,
  side: MatchSideSchema,
  answer: MatchAnswerSchema,
  reason: z.string().max(2000).optional(),
  answeredAt: z.iso.datetime(),
});
export type MatchAnsweredPayload = z.infer<typeof MatchAnswered>;

/** Both sides said "interested": the notifier sends each the other's contact details. */
const MatchConfirmed = z.object({ match: MatchSnapshotSchema, confirmedAt: z.iso.datetime() });
export type MatchConfirmedPayload = z.infer<typeof MatchConfirmed>;

/** Which mail about a match: the approval with answer links, or the confirmation with contact details. */
export const MAIL_KINDS = ['approved', 'confirmed'] as const;
export const MailKindSchema = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKindSchema>;

const MailRef = z.object({ matchId: z.string().min(1), recipient: MatchSideSchema, kind: MailKindSchema });
/** No address in mail events (they expire by time; see PartySchema): `to` is what events from before issue #11 carried. */
const MailSent = MailRef.extend({
  to: z.email().optional(),
  messageId: z.string().min(1),
  attempts: z.number().int().min(1),
  sentAt: z.iso.datetime(),
});
const MailFailed = MailRef.extend({
  to: z.email().optional(),
  reason: z.string().max(2000),
  attempts: z.number().int().min(1),
  failedAt: z.iso.datetime(),
});
const MailResendRequested = MailRef.extend({ requestedBy: z.string().min(1), requestedAt: z.iso.datetime() });
export type MailSentPayload = z.infer<typeof MailSent>;
export type MailFailedPayload = z.infer<typeof MailFailed>;
export type MailResendRequestedPayload = z.infer<typeof MailResendRequested>;

export const EVENT_PAYLOADS = {
  'offer.created': OfferChanged,
  'offer.updated': OfferChanged,
  'offer.withdrawn': OfferWithdrawn,
  'request.created': RequestChanged,
  'request.updated': RequestChanged,
  'request.withdrawn': RequestWithdrawn,
  'match.proposed': MatchProposed,
  'match.missed': MatchMissed,
  'match.decided': MatchDecided,
  'signin.link-requested': SignInLinkRequested,
  'signup.mail-requested': SignUpMailRequested,
  'signup.confirmed': SignUpConfirmed,
  'signup.decided': SignUpDecided,
  'match.answered': MatchAnswered,
  'match.confirmed': MatchConfirmed,
  'mail.sent': MailSent,
  'mail.failed': MailFailed,
  'mail.resend-requested': MailResendRequested,
  'organisation.created': OrganisationChanged,
  'organisation.updated': OrganisationChanged,
  'organisation.withdrawn': OrganisationWithdrawn,
  'organisation.erased': OrganisationErased,
} as const;
export type EventType = keyof typeof EVENT_PAYLOADS;
export type PayloadOf<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;

/** Which event types may appear on which topic. */
export const TOPIC_EVENT_TYPES: Record<TopicName, EventType[]> = {
  [TOPICS.offers]: ['offer.created', 'offer.updated', 'offer.withdrawn'],
  [TOPICS.requests]: ['request.created', 'request.updated', 'request.withdrawn'],
  [TOPICS.matchesProposed]: ['match.proposed'],
  [TOPICS.matchesMissed]: ['match.missed'],
  [TOPICS.matchesDecided]: ['match.decided'],
  [TOPICS.signIn]: ['signin.link-requested', 'signup.mail-requested'],
  [TOPICS.matchesAnswered]: ['match.answered', 'match.confirmed'],
  [TOPICS.mails]: ['mail.sent', 'mail.failed', 'mail.resend-requested'],
  [TOPICS.organisations]: ['organisation.created', 'organisation.updated', 'organisation.withdrawn', 'organisation.erased'],
  [TOPICS.signUps]: ['signup.confirmed', 'signup.decided'],
};

function envelopeOf<T extends EventType>(type: T) {
  return EnvelopeSchema.extend({ type: z.literal(type), payload: EVENT_PAYLOADS[type] });
}

const ANY_EVENT = z.discriminatedUnion('type', [
  envelopeOf('offer.created'),
  envelopeOf('offer.updated'),
  envelopeOf('offer.withdrawn'),
  envelopeOf('request.created'),
  envelopeOf('request.updated'),
  envelopeOf('request.withdrawn'),
  envelopeOf('match.proposed'),
  envelopeOf('match.missed'),
  envelopeOf('match.decided'),
  envelopeOf('signin.link-requested'),
  envelopeOf('signup.mail-requested'),
  envelopeOf('signup.confirmed'),
  envelopeOf('signup.decided'),
  envelopeOf('match.answered'),
  envelopeOf('match.confirmed'),
  envelopeOf('mail.sent'),
  envelopeOf('mail.failed'),
  envelopeOf('mail.resend-requested'),
  envelopeOf('organisation.created'),
  envelopeOf('organisation.updated'),
  envelopeOf('organisation.withdrawn'),
  envelopeOf('organisation.erased'),
]);
export type KoppelEvent = z.infer<typeof ANY_EVENT>;
export type EventOf<T extends EventType> = Extract<KoppelEvent, { type: T }>;

/** Parses a message value for `topic`: envelope, known type for that topic, valid payload. */
export function parseEvent(topic: TopicName, value: unknown): { ok: true; event: KoppelEvent } | { ok: false; reason: string } {
  const parsed = ANY_EVENT.safeParse(value);
  if (!parsed.success) return { ok: false, reason: formatZodIssues(parsed.error) };
  if (!TOPIC_EVENT_TYPES[topic].includes(parsed.data.type)) {
    return { ok: false, reason: `event type '${parsed.data.type}' does not belong on topic '${topic}'` };
  }
  return { ok: true, event: parsed.data };
}

/** "payload.offer.audience.ageMax: ageMin must not exceed ageMax; type: ..." — readable in a log or a DLQ header. */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
}
