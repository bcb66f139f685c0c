import { createEnvelope, type MailKind, type MatchSide, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { ReviewDeps } from './deps';

/**
 * Asks the notifier to send a failed mail again. Only a mail the notifier
 * reported as failed can be resent, and the status flips in the same write that
 * stores the request event, so a double click asks once. False when the mail had not failed.
 */
export async function requestResend(
  deps: Pick<ReviewDeps, 'proposals' | 'publishSoon'>,
  input: { matchId: string; recipient: MatchSide; kind: MailKind; by: string },
): Promise<boolean> {
  const at = new Date();
  const event = createEnvelope({
    type: 'mail.resend-requested',
    key: input.matchId,
    payload: { matchId: input.matchId, recipient: input.recipient, kind: input.kind, requestedBy: input.by, requestedAt: at.toISOString() },
  });
  const asked = await deps.proposals.requestResend(
    input.matchId,
    { recipient: input.recipient, kind: input.kind },
    { at, action: 'resend', by: input.by, note: `${input.recipient} (${input.kind})` },
    [outboxEntry(TOPICS.mails, event)],
    at,
  );
  if (asked) deps.publishSoon(input.matchId);
  return asked;
}
