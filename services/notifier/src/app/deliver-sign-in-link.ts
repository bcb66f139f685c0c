import type { EventOf, SignInContact } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { SignInDeliveryStore } from '../store/sign-in-deliveries';
import { errorTextOf } from './error-text';
import type { MailTransport } from './mail-transport';
import { renderSignInLinkMail } from './mails/sign-in';
import { mailOutcomes } from './metrics';
import { openedContact, openedWithLinkKey } from './sealed';

export interface SignInDeliveryDeps {
  signInDeliveries: SignInDeliveryStore;
  /** Opens the sealed link (SIGNIN_LINK_KEY, shared with intake). */
  linkKey: string;
  transport: MailTransport;
  from: string;
  logger: Logger;
  now?: () => Date;
}

export type SignInDeliveryOutcome = 'sent' | 'already-sent' | 'expired';

/** The link to mail: opened from its seal, or an older event's plain link. */
function linkOf(payload: { sealedLink?: string; link?: string }, key: string): string {
  return payload.sealedLink ? openedWithLinkKey(payload.sealedLink, key, 'sign-in link') : payload.link!;
}

/** Who the link goes to: opened from its seal, or an older event's plain address and name. */
function contactOf(payload: { sealedContact?: string; email?: string; name?: string }, key: string): SignInContact {
  if (!payload.sealedContact) return { email: payload.email!, name: payload.name };
  return openedContact(payload.sealedContact, key, 'sign-in');
}

/**
 * Mails a sign-in link once per event: claimed by inserting the event id
 * (unique `_id`) before sending, marked sent afterwards, so a redelivered event
 * sends nothing. A send that fails throws and the consumer retries; a link
 * that expired meanwhile (e.g. after a long outage) is not mailed, since it
 * could only disappoint. No `mail.failed` is reported: there is no match to
 * show it on, and the person simply asks for a new link.
 * The link is never logged: it signs its holder in.
 */
export async function deliverSignInLinkOnce(
  event: EventOf<'signin.link-requested'>,
  deps: SignInDeliveryDeps,
): Promise<SignInDeliveryOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const { language, expiresAt } = event.payload;
  const log = { eventId: event.id, language };
  const link = linkOf(event.payload, deps.linkKey);
  const { email, name } = contactOf(event.payload, deps.linkKey);
  await deps.signInDeliveries.claim({
    _id: event.id,
    kind: 'sign-in',
    to: email,
    messageId: `<signin.${event.id}@koppel>`,
    createdAt: now,
  });
  const claimed = await deps.signInDeliveries.startAttempt(event.id);
  if (!claimed) {
    deps.logger.info('sign-in mail already handled, skipping', log);
    return 'already-sent';
  }
  if (new Date(expiresAt) <= now) {
    await deps.signInDeliveries.markExpired(event.id);
    deps.logger.warn('sign-in link expired before it could be mailed', log);
    return 'expired';
  }
  const mail = renderSignInLinkMail({ name, language, link, expiresAt: new Date(expiresAt) });
  try {
    await deps.transport.sendMail({
      from: deps.from,
      to: email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: claimed.messageId,
    });
  } catch (error) {
    deps.logger.warn('sign-in mail send failed', { ...log, attempt: claimed.attempts, error: errorTextOf(error, 300) });
    throw error;
  }
  await deps.signInDeliveries.markSent(event.id, new Date());
  mailOutcomes.inc({ kind: 'sign-in', outcome: 'sent' });
  deps.logger.info('sign-in mail sent', { ...log, attempt: claimed.attempts });
  return 'sent';
}
