import type { Model } from 'mongoose';
import type { Transporter } from 'nodemailer';
import { createEnvelope, TOPICS, type MailKind, type MailPreference, type MatchSnapshot, type Party } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { appendToOutbox, classifyFailure, outboxEntry, PermanentError } from '@koppel/messaging';
import { deliveryId, type AddressedMatch, type DeliveryDoc, type MailSource, type Recipient } from '../store/deliveries';
import type { RenderedMail } from './templates';
import { errorTextOf } from './error-text';
import { mailOutcomes } from './metrics';

export interface DeliveryDeps {
  deliveries: Model<DeliveryDoc>;
  transport: Transporter;
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
  /** Both sides' addresses, from the organisations' contacts; null when a side was erased (`addressedMatch`). */
  addressed: (match: MatchSnapshot) => Promise<AddressedMatch | null>;
  /** Keeps a provider's approval for the daily digest (providers with mailPreference 'daily_digest'). */
  collectForDigest?: (source: MailSource) => Promise<unknown>;
  /** The provider's current mail preference (from its organisation events); absent: the snapshot's. */
  mailPreferenceOf?: (provider: Party) => Promise<MailPreference>;
  /** What a provider's approval in a digest was made from, so a failed digest's match can be resent alone. */
  digestSourceOf?: (matchId: string) => Promise<MailSource | null>;
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
export async function deliverOnce(
  input: { kind: MailKind; recipient: Recipient; source: MailSource; sourceEventId: string },
  deps: DeliveryDeps,
): Promise<void> {
  const { match } = input.source;
  const id = deliveryId(match.matchId, input.recipient, input.kind);
  const existing = await deps.deliveries.findById(id).lean();
  if (existing?.status === 'sent') {
    deps.logger.info('mail already sent, skipping', { matchId: match.matchId, recipient: input.recipient, kind: input.kind });
    return;
  }
  if (!existing && !(await claimDelivery(input, deps))) {
    const raced = await deps.deliveries.findById(id).lean();
    if (raced?.status === 'sent') return;
  }
  await sendClaimed(id, deps);
}

/**
 * Inserts the delivery of one mail ('sending'), with the resend requests it
 * already carries out; false when it exists (another attempt claimed it first).
 */
export async function claimDelivery(
  input: { kind: MailKind; recipient: Recipient; source: MailSource; sourceEventId: string },
  deps: Pick<DeliveryDeps, 'deliveries'>,
  resends: string[] = [],
): Promise<boolean> {
  const { match } = input.source;
  const to = input.recipient === 'school' ? match.school.email : match.provider.email;
  const messageId = `<${encodeURIComponent(match.matchId)}.${input.recipient}${input.kind === 'approved' ? '' : `.${input.kind}`}@koppel>`;
  try {
    await deps.deliveries.create({
      _id: deliveryId(match.matchId, input.recipient, input.kind),
      matchId: match.matchId,
      recipient: input.recipient,
      kind: input.kind,
      to,
      status: 'sending',
      attempts: 0,
      messageId,
      sourceEventId: input.sourceEventId,
      source: input.source,
      resends,
      createdAt: new Date(),
    });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    return false;
  }
}

/** Sends a claimed delivery and records the outcome with its event in the same write. */
export async function sendClaimed(id: string, deps: DeliveryDeps): Promise<void> {
  const delivery = (await deps.deliveries
    .findOneAndUpdate(
      { _id: id, status: { $ne: 'sent' } },
      { $inc: { attempts: 1 }, $set: { attemptedAt: new Date() } },
      { returnDocument: 'after' },
    )
    .lean()) as DeliveryDoc | null;
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
  const outbox = appendToOutbox([outboxEntry(TOPICS.mails, event)]);
  await deps.deliveries.updateOne({ _id: id }, { ...outbox, $set: { ...outbox.$set, status: 'sent', sentAt }, $unset: { lastError: 1 } });
  deps.publishSoon(id);
  mailOutcomes.inc({ kind: delivery.kind, outcome: 'sent' });
  deps.logger.info('mail sent', log);
}

export async function markFailed(delivery: DeliveryDoc, reason: string, deps: DeliveryDeps): Promise<void> {
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
  const outbox = appendToOutbox([outboxEntry(TOPICS.mails, event)]);
  const result = await deps.deliveries.updateOne(
    { _id: delivery._id, status: 'sending' },
    { ...outbox, $set: { ...outbox.$set, status: 'failed', lastError: reason } },
  );
  if (result.modifiedCount === 1) {
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
