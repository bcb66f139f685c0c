import type { Model } from 'mongoose';
import type { Transporter } from 'nodemailer';
import type { KoppelEvent, MatchDecidedPayload } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { renderApprovedMatchMail } from '../mail/templates';
import type { DeliveryDoc, Recipient } from '../store/deliveries';

export interface DecidedDeps {
  deliveries: Model<DeliveryDoc>;
  transport: Transporter;
  from: string;
  logger: Logger;
}

/** Sends the approval mails for one decided match: one to the school, one to the provider. */
export async function handleDecidedEvent(event: KoppelEvent, deps: DecidedDeps): Promise<void> {
  if (event.type !== 'match.decided' || event.payload.decision !== 'approved') return;
  for (const recipient of ['school', 'provider'] as const) await deliverOnce(event.payload, recipient, event.id, deps);
}

/**
 * Exactly once per recipient and match: the delivery is claimed with an
 * insert on a unique id before sending and marked sent afterwards. A redelivered
 * event finds it 'sent' and does nothing. If the process died between sending
 * and marking, the claim is 'sending' and the mail is sent again with the same
 * Message-ID, which is the narrowest window SMTP allows (it has no idempotency).
 */
async function deliverOnce(decided: MatchDecidedPayload, recipient: Recipient, sourceEventId: string, deps: DecidedDeps): Promise<void> {
  const { match } = decided;
  const id = `${match.matchId}:${recipient}`;
  const to = recipient === 'school' ? match.school.email : match.provider.email;
  const messageId = `<${encodeURIComponent(match.matchId)}.${recipient}@koppel>`;
  const existing = await deps.deliveries.findById(id).lean();
  if (existing?.status === 'sent') {
    deps.logger.info('mail already sent, skipping', { matchId: match.matchId, recipient });
    return;
  }
  if (!existing) {
    try {
      await deps.deliveries.create({ _id: id, matchId: match.matchId, recipient, to, status: 'sending', attempts: 0, messageId, sourceEventId, createdAt: new Date() });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const raced = await deps.deliveries.findById(id).lean();
      if (raced?.status === 'sent') return;
    }
  }
  await deps.deliveries.updateOne({ _id: id }, { $inc: { attempts: 1 } });
  const mail = renderApprovedMatchMail(decided, recipient);
  await deps.transport.sendMail({ from: deps.from, to, subject: mail.subject, text: mail.text, html: mail.html, messageId });
  await deps.deliveries.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: new Date() } });
  deps.logger.info('mail sent', { matchId: match.matchId, recipient });
}
