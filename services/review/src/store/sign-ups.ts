import { Schema, type Connection, type Model } from 'mongoose';
import type { Claims } from '@koppel/auth';
import type { OrganisationType, SchoolLevel, SignUpConfirmedPayload } from '@koppel/contracts';
import { appendToOutbox, type OutboxEntry, type OutboxFields, outboxSchemaFields } from '@koppel/messaging';
import { withinScope } from './region-scope';

/** waiting → approved | rejected, by a broker of the sign-up's region (or an admin), once. */
export const SIGN_UP_STATUSES = ['waiting', 'approved', 'rejected'] as const;
export type SignUpStatus = (typeof SIGN_UP_STATUSES)[number];

/** A known organisation a sign-up may duplicate, as intake found it. */
export type SignUpDuplicate = SignUpConfirmedPayload['duplicates'][number];

/**
 * An organisation that signed up itself and confirmed its address (issue #13), waiting
 * for a broker of its region; one document per organisation, with the `signup.decided`
 * event of its decision in its own outbox (decision 0005).
 */
export interface SignUpDoc extends OutboxFields {
  _id: string; // the organisation id
  type: OrganisationType;
  name: string;
  municipality: string;
  postcode: string;
  country: string;
  /** The leading four postcode digits: what a broker's regions filter on (store/region-scope.ts). */
  postcodeNumber?: number;
  /** Province of the postcode (app/regions/province-of-postcode.ts), shown and translated in the console. */
  region: string;
  schoolLevels: SchoolLevel[];
  /** Umbrella organisations it says it belongs to, by id. */
  memberOf: string[];
  duplicates: SignUpDuplicate[];
  confirmedAt: Date;
  receivedAt: Date;
  status: SignUpStatus;
  decidedBy?: string;
  decidedAt?: Date;
  /** Why it was rejected (mailed to its contact by intake and the notifier). */
  reason?: string;
}

/** A sign-up as first stored: waiting, its outbox empty. */
export type NewSignUp = Omit<SignUpDoc, keyof OutboxFields | 'decidedBy' | 'decidedAt' | 'reason'>;

export function createSignUpModel(connection: Connection): Model<SignUpDoc> {
  const schema = new Schema<SignUpDoc>(
    {
      _id: { type: String, required: true },
      type: { type: String, required: true },
      name: { type: String, required: true },
      municipality: { type: String, required: true },
      postcode: { type: String, required: true },
      country: { type: String, required: true },
      postcodeNumber: Number,
      region: { type: String, required: true },
      schoolLevels: { type: [String], default: () => [] },
      memberOf: { type: [String], default: () => [] },
      duplicates: { type: [{ _id: false, organisationId: String, name: String, why: String }], default: () => [] },
      confirmedAt: { type: Date, required: true },
      receivedAt: { type: Date, required: true },
      status: { type: String, enum: SIGN_UP_STATUSES, default: 'waiting' },
      decidedBy: String,
      decidedAt: Date,
      reason: String,
      ...outboxSchemaFields,
    },
    { collection: 'sign_ups', versionKey: false, minimize: false },
  );
  // The console's lists: the waiting ones within a broker's postcode ranges, and the latest decisions.
  schema.index({ status: 1, country: 1, postcodeNumber: 1 });
  schema.index({ status: 1, confirmedAt: 1 });
  schema.index({ status: 1, decidedAt: -1 });
  return connection.model<SignUpDoc>('SignUp', schema);
}

/** Review's sign-ups; a decision is one conditional single-document write carrying its event (outbox). */
export interface SignUpStore {
  byId(organisationId: string): Promise<SignUpDoc | null>;
  /** Stores a new sign-up; false when the organisation was there already (a redelivery changes nothing). */
  insertNew(doc: NewSignUp): Promise<boolean>;
  /** The sign-ups still waiting within what the user may see, longest waiting first. */
  waiting(user: Pick<Claims, 'role' | 'regions'>, limit: number): Promise<SignUpDoc[]>;
  /** The latest decisions within what the user may see, latest first. */
  decided(user: Pick<Claims, 'role' | 'regions'>, limit: number): Promise<SignUpDoc[]>;
  /** Decides a sign-up still waiting, with its events in the same write; null when it was not waiting (or does not exist). */
  decide(
    organisationId: string,
    decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; reason?: string },
    events: OutboxEntry[],
  ): Promise<SignUpDoc | null>;
}

const DUPLICATE_KEY = 11000;

export function signUpStore(model: Model<SignUpDoc>): SignUpStore {
  return {
    // `_id` alone: the one filter FerretDB/SQLite answers from an index (decision 0014).
    byId: (organisationId) => model.findById(organisationId).lean<SignUpDoc>().exec(),
    insertNew: async (doc) => {
      // Insert first, and a duplicate key is the redelivery: no read before, no filter beyond `_id` (decisions 0013, 0014).
      try {
        await model.create({ ...doc, pendingEvents: {}, pendingEventCount: 0 });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
        throw error;
      }
    },
    waiting: (user, limit) =>
      model
        .find(withinScope({ status: 'waiting' }, user))
        .sort({ confirmedAt: 1, _id: 1 })
        .limit(limit)
        .lean<SignUpDoc[]>()
        .exec(),
    decided: (user, limit) =>
      model
        .find(withinScope({ status: { $in: ['approved', 'rejected'] } }, user))
        .sort({ decidedAt: -1, _id: 1 })
        .limit(limit)
        .lean<SignUpDoc[]>()
        .exec(),
    decide: (organisationId, decision, events) => {
      const outbox = appendToOutbox(events);
      // `{_id, status}`: a scan on FerretDB/SQLite (decision 0014), off the load path; what makes the decision happen once.
      return model
        .findOneAndUpdate(
          { _id: organisationId, status: 'waiting' },
          {
            $inc: outbox.$inc,
            $set: {
              ...outbox.$set,
              status: decision.status,
              decidedBy: decision.decidedBy,
              decidedAt: decision.decidedAt,
              ...(decision.reason ? { reason: decision.reason } : {}),
            },
          },
          { returnDocument: 'after' },
        )
        .lean<SignUpDoc>()
        .exec();
    },
  };
}
