import { Schema, type Connection, type Model } from 'mongoose';
import type { Offer, Request } from '@koppel/contracts';
import { outboxSchemaFields, type OutboxEntry } from '@koppel/messaging';

export type ListingStatus = 'active' | 'withdrawn';

/**
 * A stored offer or request: the contract entity under `data`, its lifecycle
 * status, and its pending events (the outbox) in the same document.
 */
export interface StoredListing<T> {
  _id: string;
  data: T;
  status: ListingStatus;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
  withdrawnAt?: Date;
  outbox: OutboxEntry[];
  outboxPending: boolean;
  outboxRevision: number;
}

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
      ...outboxSchemaFields,
    },
    { collection, versionKey: false, minimize: false },
  );
  schema.index({ status: 1, updatedAt: -1 });
  return schema;
}

export interface IntakeModels {
  offers: Model<StoredListing<Offer>>;
  requests: Model<StoredListing<Request>>;
}

export function createIntakeModels(connection: Connection): IntakeModels {
  return {
    offers: connection.model<StoredListing<Offer>>('Offer', listingSchema('offers')),
    requests: connection.model<StoredListing<Request>>('Request', listingSchema('requests')),
  };
}
