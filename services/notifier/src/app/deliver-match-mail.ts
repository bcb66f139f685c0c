import { createEnvelope, TOPICS, type MailKind } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { classifyFailure, outboxEntry, PermanentError } from '@koppel/messaging';
import { deliveryId, type DeliveryDoc, type DeliveryStore } from '../store/deliveries';
import type { MailSource, Recipient } from '../store/mail-source';
import { errorTextOf } from './error-text';
import type { MailTransport } from './mail-transport';
import type { RenderedMail } from './mails/rendered';
import { mailOutcomes } from './metrics';

export interface DeliveryDeps {
  deliveries: DeliveryStore;
  transport: MailTransport;
  from: string;
  logger: Logger;
  /**
   * After this many sends failing for an unknown reason the mail is reported failed
   * (the consumer then dead-letters the event). A mail server that is away or answers
   * 4xx is waited out without limit; a 5xx refusal fails the mail at once.
   */
  maxAttempts: number;
  /** Asks the outbox relay to publish this delivery's events now. */
  publishSoon: (deliveryId: string) => void;
  render: (kind: MailKind, source: MailSource, recipient: Recipient) => RenderedMail;
}

/** One match mail to deliver: which mail, to which side, rendered from what, because of which event. */
export interface MatchMail {
  kind: MailKind;
  recipient: Recipient;
  source: MailSource;
  sourceEventId: string;
}

/**
 * Exactly once per recipient, match and kind: the delivery is claimed with an
 * insert on a unique id before sending and marked sent afterwards. A redelivered
 * event finds it 'sent' and does nothing. If the process died between sending
 * and marking, the claim is still 'sending' and the mail goes again with the same
 * Message-ID: the narrowest window SMTP allows (it has no idempotency).
 *
 * A send that fails throws, so the consumer retries with backoff. A transient
 * failure (SMTP 4xx, connection refused, time-out) is retried until the mail
 * server is back. A permanent one (SMTP 5xx), or an unknown one that reached
 * `maxAttempts`, marks the delivery failed and reports `mail.failed` (once:
 * conditional on the status), then throws a `PermanentError`: the consumer
 * dead-letters the event and the console offers a resend.
 */
export async function deliverOnce(mail: MatchMail, deps: DeliveryDeps): Promise<void> {
  const { match } = mail.source;
  const id = deliveryId(match.matchId, mail.recipient, mail.kind);
  const existing = await deps.deliveries.find(id);
  if (existing?.status === 'sent') {
    deps.logger.info('mail already sent, skipping', { matchId: match.matchId, recipient: mail.recipient, kind: mail.kind });
    return;
  }
  if (!existing && !(await claimDelivery(mail, deps))) {
    const raced = await deps.deliveries.find(id);
    if (raced?.status === 'sent') return;
  }
  await sendClaimed(id, deps);
}

/**
 * Inserts the delivery of one mail ('sending'), with the resend requests it
 * already carries out; false when it exists (another attempt claimed it first).
 */
export function claimDelivery(mail: MatchMail, deps: Pick<DeliveryDeps, 'deliveries'>, resends: string[] = []): Promise<boolean> {
  const { match } = mail.source;
  return deps.deliveries.claim({
    _id: deliveryId(match.matchId, mail.recipient, mail.kind),
    matchId: match.matchId,
    recipient: mail.recipient,
    kind: mail.kind,
    to: mail.recipient === 'school' ? match.school.email : match.provider.email,
    messageId: `<${encodeURIComponent(match.matchId)}.${mail.recipient}${mail.kind === 'approved' ? '' : `.${mail.kind}`}@koppel>`,
    sourceEventId: mail.sourceEventId,
    source: mail.source,
    resends,
    createdAt: new Date(),
  });
}

/** Sends a claimed delivery and records the outcome with its event in the same write. */
export async function sendClaimed(id: string, deps: DeliveryDeps): Promise<void> {
  const delivery = await deps.deliveries.startAttempt(id);
  if (!delivery) return; // sent meanwhile
  const log = { matchId: delivery.matchId, recipient: delivery.recipient, kind: delivery.kind, attempt: delivery.attempts };
  const mail = deps.render(delivery.kind, delivery.source, delivery.recipient);
  try {
    await deps.transport.sendMail({
      from: deps.from,
      to: delivery.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: delivery.messageId,
    });
  } catch (error) {
    const reason = errorTextOf(error);
    const kind = classifyFailure(error);
    deps.logger.warn('mail send failed', { ...log, kind, error: reason });
    if (kind === 'permanent' || (kind === 'unknown' && delivery.attempts >= deps.maxAttempts)) {
      await markFailed(delivery, reason, deps);
      throw new PermanentError(`mail not sent: ${reason}`, { cause: error });
    }
    throw error;
  }
  const sentAt = new Date();
  const event = createEnvelope({
    type: 'mail.sent',
    key: delivery.matchId,
    payload: {
      matchId: delivery.matchId,
      recipient: delivery.recipient,
      kind: delivery.kind,
      messageId: delivery.messageId,
      attempts: delivery.attempts,
      sentAt: sentAt.toISOString(),
    },
  });
  await deps.deliveries.markSent(id, sentAt, [outboxEntry(TOPICS.mails, event)]);
  deps.publishSoon(id);
  mailOutcomes.inc({ kind: delivery.kind, outcome: 'sent' });
  deps.logger.info('mail sent', log);
}

/** Marks a delivery failed for good and reports `mail.failed`, once (only the write that finds it 'sending' counts). */
async function markFailed(delivery: DeliveryDoc, reason: string, deps: DeliveryDeps): Promise<void> {
  const failedAt = new Date();
  const event = createEnvelope({
    type: 'mail.failed',
    key: delivery.matchId,
    payload: {
      matchId: delivery.matchId,
      recipient: delivery.recipient,
      kind: delivery.kind,
      reason,
      attempts: delivery.attempts,
      failedAt: failedAt.toISOString(),
    },
  });
  if (await deps.deliveries.markFailed(delivery._id, reason, [outboxEntry(TOPICS.mails, event)])) {
    mailOutcomes.inc({ kind: delivery.kind, outcome: 'failed' });
    deps.publishSoon(delivery._id);
    deps.logger.error('mail failed for good, reported to the console', {
      matchId: delivery.matchId,
      recipient: delivery.recipient,
      kind: delivery.kind,
      attempts: delivery.attempts,
    });
  }
}
