import { Schema, type Connection, type Model } from 'mongoose';
import type { Offer, Request } from '@koppel/contracts';

/**
 * The matcher's own copy of what it matches: active offers and open requests.
 * The in-memory index is rebuilt from it at start, so a restart forgets nothing.
 * `lastEventAt` lets a redelivered or late event be recognised as stale.
 */
export interface MatchableDoc<T> {
  _id: string;
  data: T;
  open: boolean;
  lastEventId: string;
  lastEventAt: Date;
}

function matchableSchema(collection: string) {
  const schema = new Schema(
    {
      _id: { type: String, required: true },
      data: { type: Object, required: true },
      open: { type: Boolean, required: true, index: true },
      lastEventId: { type: String, required: true },
      lastEventAt: { type: Date, required: true },
    },
    { collection, versionKey: false, minimize: false },
  );
  return schema;
}

export interface MatcherModels {
  offers: Model<MatchableDoc<Offer>>;
  requests: Model<MatchableDoc<Request>>;
}

export function createMatcherModels(connection: Connection): MatcherModels {
  return {
    offers: connection.model<MatchableDoc<Offer>>('MatchableOffer', matchableSchema('offers')),
    requests: connection.model<MatchableDoc<Request>>('MatchableRequest', matchableSchema('requests')),
  };
}
