import { Schema, type Connection, type Model } from 'mongoose';
import type { KoppelEvent, MatchSnapshot } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { ProposalDoc } from '../store/proposals';

/**
 * Something withdrawn: an offer or request (`offer:<id>`, `request:<id>`) or a whole
 * organisation (`organisation:<id>`). Proposals for it that arrive later are not open
 * either, and a withdrawn organisation's tokens and console sessions are refused.
 */
export interface WithdrawnDoc {
  _id: string;
  at: Date;
}

export function createWithdrawnModel(connection: Connection): Model<WithdrawnDoc> {
  // The collection keeps its first name (it held listings only): existing databases need no migration.
  return connection.model<WithdrawnDoc>(
    'Withdrawn',
    new Schema<WithdrawnDoc>(
      { _id: { type: String, required: true }, at: { type: Date, required: true } },
      { collection: 'withdrawn_listings', versionKey: false },
    ),
  );
}

/** Every key whose withdrawal closes this match: its two listings and its two organisations. */
export function withdrawalKeysOf(match: MatchSnapshot): string[] {
  return [`offer:${match.offerId}`, `request:${match.requestId}`, `organisation:${match.school.id}`, `organisation:${match.provider.id}`];
}

/** The keys of these matches' listings and organisations that were withdrawn (one read by `_id`). */
export async function withdrawnAmong(withdrawn: Model<WithdrawnDoc>, matches: MatchSnapshot[]): Promise<Set<string>> {
  const keys = [...new Set(matches.flatMap(withdrawalKeysOf))];
  if (keys.length === 0) return new Set();
  const found = (await withdrawn.find({ _id: { $in: keys } }, { _id: 1 }).lean()) as Array<{ _id: string }>;
  return new Set(found.map((d) => d._id));
}

/** Whether an organisation was withdrawn (its tokens and sessions no longer work here). */
export async function isOrganisationWithdrawn(withdrawn: Model<WithdrawnDoc>, organisationId: string): Promise<boolean> {
  return (await withdrawn.exists({ _id: `organisation:${organisationId}` })) !== null;
}

type Withdrawal = { key: string; filter: Record<string, unknown>; by: string };

function withdrawalOf(event: KoppelEvent): Withdrawal | undefined {
  switch (event.type) {
    case 'offer.withdrawn':
      return { key: `offer:${event.payload.offerId}`, filter: { 'match.offerId': event.payload.offerId }, by: 'provider' };
    case 'request.withdrawn':
      return { key: `request:${event.payload.requestId}`, filter: { 'match.requestId': event.payload.requestId }, by: 'school' };
    case 'organisation.withdrawn':
    case 'organisation.erased': {
      const id = event.payload.organisationId;
      return { key: `organisation:${id}`, filter: { $or: [{ 'match.school.id': id }, { 'match.provider.id': id }] }, by: 'admin' };
    }
    default:
      return undefined;
  }
}

/**
 * An offer, request or organisation was withdrawn: its proposals still waiting for a
 * broker are withdrawn too, so approving one answers 409 and nobody is mailed about
 * something that is gone (issue #11). Decided matches keep their state: their mails
 * went out already, and answers may still come. Idempotent: a redelivery changes nothing.
 */
export async function handleWithdrawal(
  event: KoppelEvent,
  deps: { proposals: Model<ProposalDoc>; withdrawn: Model<WithdrawnDoc>; logger: Logger },
): Promise<void> {
  const withdrawal = withdrawalOf(event);
  if (!withdrawal) return;
  const at = new Date(event.occurredAt);
  await deps.withdrawn.updateOne({ _id: withdrawal.key }, { $setOnInsert: { at } }, { upsert: true });
  const result = await deps.proposals.updateMany(
    { ...withdrawal.filter, status: 'proposed' },
    { $set: { status: 'withdrawn', updatedAt: new Date() }, $push: { history: { at, action: 'withdrawn', by: withdrawal.by } } },
  );
  if (result.modifiedCount > 0) deps.logger.info('pending proposals withdrawn', { withdrawn: withdrawal.key, count: result.modifiedCount });
}
