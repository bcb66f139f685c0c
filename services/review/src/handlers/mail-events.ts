import type { Model } from 'mongoose';
import type { KoppelEvent } from '@koppel/contracts';
import { mailKey, type ProposalDoc } from '../store/proposals';

/**
 * Keeps the console's view of each mail: the notifier reports every mail it
 * sent or gave up on. A failed mail shows in the console with a resend button.
 * Idempotent: the state is simply overwritten with what the event says; events
 * of one match share a key, so they arrive in order.
 */
export async function handleMailEvent(event: KoppelEvent, proposals: Model<ProposalDoc>): Promise<void> {
  if (event.type !== 'mail.sent' && event.type !== 'mail.failed') return;
  const p = event.payload;
  const key = mailKey(p.recipient, p.kind);
  const state =
    event.type === 'mail.sent'
      ? { recipient: p.recipient, kind: p.kind, status: 'sent', to: p.to, attempts: p.attempts, at: new Date(event.payload.sentAt) }
      : {
          recipient: p.recipient,
          kind: p.kind,
          status: 'failed',
          to: p.to,
          attempts: p.attempts,
          reason: event.payload.reason,
          at: new Date(event.payload.failedAt),
        };
  await proposals.updateOne({ _id: p.matchId }, { $set: { [`mails.${key}`]: state } });
}
