import type { Model } from 'mongoose';
import { createEnvelope, TOPICS, type MailKind, type MatchSide } from '@koppel/contracts';
import { appendToOutbox, outboxEntry } from '@koppel/messaging';
import { mailKey, type ProposalDoc } from '../store/proposals';

/**
 * Asks the notifier to send a failed mail again. Only a mail the notifier
 * reported as failed can be resent, and the status flips in the same write that
 * stores the request event, so a double click asks once.
 */
export async function requestResend(
  proposals: Model<ProposalDoc>,
  input: { matchId: string; recipient: MatchSide; kind: MailKind; by: string },
): Promise<boolean> {
  const key = mailKey(input.recipient, input.kind);
  const at = new Date();
  const event = createEnvelope({
    type: 'mail.resend-requested',
    key: input.matchId,
    payload: { matchId: input.matchId, recipient: input.recipient, kind: input.kind, requestedBy: input.by, requestedAt: at.toISOString() },
  });
  const outbox = appendToOutbox([outboxEntry(TOPICS.mails, event)]);
  const result = await proposals.updateOne(
    { _id: input.matchId, [`mails.${key}.status`]: 'failed' },
    {
      $push: { history: { at, action: 'resend', by: input.by, note: `${input.recipient} (${input.kind})` } },
      $inc: outbox.$inc,
      $set: { ...outbox.$set, [`mails.${key}.status`]: 'resend-requested', [`mails.${key}.at`]: at, updatedAt: at },
    },
  );
  return result.modifiedCount === 1;
}
