import { Schema, type Connection, type Model } from 'mongoose';
import type { KoppelEvent, MatchSnapshot } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { ProposalDoc } from '../store/proposals';

/** A withdrawn offer or request (`offer:<id>`, `request:<id>`): proposals for it that arrive later are not open either. */
export interface WithdrawnListingDoc {
  _id: string;
  at: Date;
}

export function createWithdrawnListingModel(connection: Connection): Model<WithdrawnListingDoc> {
  return connection.model<WithdrawnListingDoc>('WithdrawnListing', new Schema<WithdrawnListingDoc>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { collection: 'withdrawn_listings', versionKey: false }));
}

export function listingKeysOf(match: MatchSnapshot): string[] {
  return [`offer:${match.offerId}`, `request:${match.requestId}`];
}

/** The keys of these matches' listings that were withdrawn (one read of a small collection). */
export async function withdrawnAmong(withdrawn: Model<WithdrawnListingDoc>, matches: MatchSnapshot[]): Promise<Set<string>> {
  const keys = [...new Set(matches.flatMap(listingKeysOf))];
  if (keys.length === 0) return new Set();
  const found = (await withdrawn.find({ _id: { $in: keys } }, { _id: 1 }).lean()) as Array<{ _id: string }>;
  return new Set(found.map((d) => d._id));
}

/**
 * An offer or request was withdrawn: its proposals still waiting for a broker are
 * withdrawn too, so approving one answers 409 and nobody is mailed about a listing
 * that is gone (issue #11). Decided matches keep their state: their mails went out
 * already, and answers may still come. Idempotent: a redelivery changes nothing.
 */
export async function handleListingWithdrawn(event: KoppelEvent, deps: { proposals: Model<ProposalDoc>; withdrawn: Model<WithdrawnListingDoc>; logger: Logger }): Promise<void> {
  const listing = event.type === 'offer.withdrawn' ? { kind: 'offer' as const, id: event.payload.offerId } : event.type === 'request.withdrawn' ? { kind: 'request' as const, id: event.payload.requestId } : undefined;
  if (!listing) return;
  const at = new Date(event.occurredAt);
  await deps.withdrawn.updateOne({ _id: `${listing.kind}:${listing.id}` }, { $setOnInsert: { at } }, { upsert: true });
  const result = await deps.proposals.updateMany(
    { [`match.${listing.kind}Id`]: listing.id, status: 'proposed' },
    { $set: { status: 'withdrawn', updatedAt: new Date() }, $push: { history: { at, action: 'withdrawn', by: listing.kind === 'offer' ? 'provider' : 'school' } } },
  );
  if (result.modifiedCount > 0) deps.logger.info('pending proposals withdrawn with their listing', { kind: listing.kind, id: listing.id, count: result.modifiedCount });
}
