import { Schema, type Connection, type Model } from 'mongoose';
import type { Offer, Organisation, Request } from '@koppel/contracts';
import { outboxSchemaFields, type OutboxFields } from '@koppel/messaging';

export type LifecycleStatus = 'active' | 'withdrawn';

/** What intake keeps as a listing: an offer or a request. */
export type Listing = Offer | Request;

/** Who created a document with which Idempotency-Key and body: a retry finds it here. */
export interface IdempotencyRecord {
  scope: string;
  key: string;
  bodyHash: string;
}

/**
 * Fields copied out of `data` so that filters and authorisation are plain
 * equality and range queries (FerretDB v1: no $elemMatch, no text or geo indexes).
 */
export interface ListingIndexFields {
  ownerId: string;
  /** A request asked by a school board for one of its schools: the board, which sees and changes it too. */
  managerId?: string;
  country: string;
  /** Leading four postcode digits; brokers' regions are ranges over it. */
  postcodeNumber?: number;
  municipalityKey: string;
  ageMin: number;
  ageMax: number;
  disciplines: string[];
}

/**
 * A stored offer or request: the contract entity under `data`, its lifecycle
 * status, and its pending events (the outbox) in the same document.
 */
export interface StoredListing<T> extends Partial<ListingIndexFields> {
  _id: string;
  data: T;
  status: LifecycleStatus;
  /**
   * Stored by an organisation that awaits a broker's approval (issue #13): its events are
   * held back (not in the outbox), so nothing matches or shows it until the approval
   * publishes it (app/sign-ups/apply-decision.ts).
   */
  held?: boolean;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt?: Date;
  idempotency?: IdempotencyRecord;
  pendingEvents: OutboxFields['pendingEvents'];
  pendingEventCount: number;
}

/** A one-time sign-in link: only the hash of its secret is stored. */
export interface SignInLink {
  hash: string;
  email: string;
  expiresAt: Date;
  usedAt?: Date | null;
}

/**
 * An organisation's standing: `active` and `withdrawn` as any organisation; one that
 * signed up itself (issue #13) is `unconfirmed` until its contact opens the link,
 * `awaiting_approval` until a broker decides, then `active` or `rejected`.
 */
export type OrganisationStatus = LifecycleStatus | 'unconfirmed' | 'awaiting_approval' | 'rejected';

/** What intake keeps of a sign-up: the confirmation link (its hash only), possible duplicates, the decision. */
export interface SignUpRecord {
  confirmationHash: string;
  expiresAt: Date;
  confirmedAt?: Date;
  duplicates: Array<{ organisationId: string; name: string; why: 'name_and_place' | 'contact_address' }>;
  decidedAt?: Date;
  decidedBy?: string;
  reason?: string;
}

export interface StoredOrganisation {
  _id: string;
  data: Organisation;
  status: OrganisationStatus;
  /** Organisations that signed up themselves (issue #13). */
  signUp?: SignUpRecord;
  /** Lower-cased name and postcode: how a sign-up finds an organisation it may duplicate. */
  nameKey?: string;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt?: Date;
  /** When its people were erased (app/organisations/erase-organisation.ts); it is withdrawn too. */
  erasedAt?: Date;
  /** Lower-cased contact emails: how a sign-in request finds its organisation. */
  contactEmails: string[];
  signInLinks: SignInLink[];
  signInRevision: number;
  idempotency?: IdempotencyRecord;
  pendingEvents: OutboxFields['pendingEvents'];
  pendingEventCount: number;
}

const idempotencyField = { type: { _id: false, scope: String, key: String, bodyHash: String }, default: undefined };

function listingSchema(collection: string) {
  const schema = new Schema(
    {
      _id: { type: String, required: true },
      data: { type: Object, required: true },
      status: { type: String, enum: ['active', 'withdrawn'], default: 'active', index: true },
      revision: { type: Number, default: 1 },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      withdrawnAt: { type: Date },
      ownerId: { type: String, index: true },
      managerId: { type: String, index: true },
      held: { type: Boolean },
      country: { type: String },
      postcodeNumber: { type: Number },
      municipalityKey: { type: String },
      ageMin: { type: Number },
      ageMax: { type: Number },
      disciplines: { type: [String], default: undefined },
      idempotency: idempotencyField,
      ...outboxSchemaFields,
    },
    { collection, versionKey: false, minimize: false },
  );
  schema.index({ status: 1, updatedAt: -1 });
  schema.index({ country: 1, postcodeNumber: 1 });
  schema.index({ 'idempotency.scope': 1, 'idempotency.key': 1 });
  return schema;
}

function organisationSchema() {
  const schema = new Schema(
    {
      _id: { type: String, required: true },
      data: { type: Object, required: true },
      status: { type: String, enum: ['active', 'withdrawn', 'unconfirmed', 'awaiting_approval', 'rejected'], default: 'active' },
      signUp: { type: Object },
      nameKey: { type: String, index: true },
      revision: { type: Number, default: 1 },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      withdrawnAt: { type: Date },
      erasedAt: { type: Date },
      contactEmails: { type: [String], index: true },
      signInLinks: { type: [{ _id: false, hash: String, email: String, expiresAt: Date, usedAt: Date }], default: () => [] },
      signInRevision: { type: Number, default: 0 },
      idempotency: idempotencyField,
      ...outboxSchemaFields,
    },
    { collection: 'organisations', versionKey: false, minimize: false },
  );
  schema.index({ 'signInLinks.hash': 1 });
  schema.index({ 'signUp.confirmationHash': 1 });
  schema.index({ 'idempotency.scope': 1, 'idempotency.key': 1 });
  return schema;
}

/**
 * The models over intake's collections. Both listing collections are typed with the
 * union of what they hold: mongoose's filter types do not resolve over a generic
 * document type, so `ListingStore<T>` queries a concrete one and types its answers.
 */
export interface IntakeModels {
  offers: Model<StoredListing<Listing>>;
  requests: Model<StoredListing<Listing>>;
  organisations: Model<StoredOrganisation>;
}

export function createIntakeModels(connection: Connection): IntakeModels {
  return {
    offers: connection.model<StoredListing<Listing>>('Offer', listingSchema('offers')),
    requests: connection.model<StoredListing<Listing>>('Request', listingSchema('requests')),
    organisations: connection.model<StoredOrganisation>('Organisation', organisationSchema()),
  };
}
