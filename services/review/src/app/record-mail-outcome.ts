import type { EventOf } from '@koppel/contracts';
import type { MailState } from '../store/proposal-doc';
import type { ReviewDeps } from './deps';

/**
 * Keeps the console's view of each mail: the notifier reports every mail it
 * sent or gave up on. A failed mail shows in the console with a resend button.
 * Idempotent: the state is simply overwritten with what the event says; events
 * of one match share a key, so they arrive in order.
 */
export async function recordMailOutcome(event: EventOf<'mail.sent' | 'mail.failed'>, deps: Pick<ReviewDeps, 'proposals'>): Promise<void> {
  const p = event.payload;
  const state: MailState =
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
  await deps.proposals.recordMail(p.matchId, state);
}
