import type { Model } from 'mongoose';
import { ERASED, type EventOf, type MatchSide } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { ConsoleSessionDoc } from '../store/console-sessions';
import type { ProposalDoc } from '../store/proposals';

const SIDES: Array<{ side: MatchSide; field: 'school' | 'provider' }> = [
  { side: 'school', field: 'school' },
  { side: 'provider', field: 'provider' },
];

/**
 * An organisation's people erased (issue #11): every proposal keeps its match, its
 * decision and its answers, but the organisation's name in the snapshot becomes `ERASED`
 * and any address (snapshots and mail outcomes from before match events lost them) goes;
 * its console sessions end. (Its withdrawal, which
 * revokes tokens and withdraws pending proposals, is handled with the other withdrawals.)
 * Idempotent: erasing twice changes nothing more.
 */
export async function handleOrganisationErased(
  event: EventOf<'organisation.erased'>,
  deps: { proposals: Model<ProposalDoc>; sessions: Model<ConsoleSessionDoc>; logger: Logger },
): Promise<void> {
  const id = event.payload.organisationId;
  let anonymised = 0;
  for (const { side, field } of SIDES) {
    const docs = (await deps.proposals.find({ [`match.${field}.id`]: id }, { _id: 1, mails: 1 }).lean()) as Array<
      Pick<ProposalDoc, '_id' | 'mails'>
    >;
    for (const doc of docs) {
      const mailFields = Object.keys(doc.mails ?? {})
        .filter((key) => key.startsWith(`${side}_`))
        .map((key) => [`mails.${key}.to`, 1]);
      // Addresses only in proposals and mail outcomes from before match events lost them (issue #11).
      await deps.proposals.updateOne(
        { _id: doc._id },
        { $set: { [`match.${field}.name`]: ERASED.name }, $unset: { [`match.${field}.email`]: 1, ...Object.fromEntries(mailFields) } },
      );
      anonymised += 1;
    }
  }
  const sessions = await deps.sessions.deleteMany({ 'claims.org': id });
  deps.logger.info('organisation erased from review', { organisationId: id, proposals: anonymised, sessions: sessions.deletedCount });
}
