import type { EventOf } from '@koppel/contracts';
import { PermanentError } from '@koppel/messaging';
import type { SignInDeliveryDeps } from './deliver-sign-in-link';
import { errorTextOf } from './error-text';
import { renderSignUpMail, type SignUpMailInput } from './mails/sign-up';
import { mailOutcomes } from './metrics';
import { openedContact, openedWithLinkKey } from './sealed';

export type SignUpMailOutcome = 'sent' | 'already-sent' | 'expired';

type SignUpMailPayload = EventOf<'signup.mail-requested'>['payload'];

/** A field the event's kind needs; an event without it can never be mailed: permanent. */
function required<T>(value: T | undefined, kind: SignUpMailPayload['kind'], field: string): T {
  if (value === undefined || value === '') throw new PermanentError(`a signup.mail-requested ${kind} event needs ${field}`);
  return value;
}

/** What the template needs, from the event: the confirmation link opened from its seal, the rest as it came. */
function inputOf(payload: SignUpMailPayload, name: string | undefined, key: string): SignUpMailInput {
  const base = { name, language: payload.language, organisationName: payload.organisationName };
  switch (payload.kind) {
    case 'confirm':
      return {
        ...base,
        kind: 'confirm',
        link: openedWithLinkKey(required(payload.sealedLink, 'confirm', 'sealedLink'), key, 'sign-up confirmation link'),
        expiresAt: new Date(required(payload.expiresAt, 'confirm', 'expiresAt')),
      };
    case 'approved':
      return { ...base, kind: 'approved', link: required(payload.link, 'approved', 'link') };
    case 'rejected':
      return { ...base, kind: 'rejected', reason: required(payload.reason?.trim(), 'rejected', 'reason') };
  }
}

/**
 * Mails a sign-up mail (issue #13) once per event, exactly as a sign-in link is mailed:
 * claimed by inserting the event id (unique `_id`, in the sign-in mails' collection, so
 * retention and an organisation's erasure cover it too) before sending, marked sent
 * afterwards, so a redelivered event sends nothing. A send that fails throws and the
 * consumer retries, then dead-letters the event; no `mail.failed` (there is no match to
 * show it on). A confirmation link that expired before it could be mailed is not mailed.
 * Neither the address nor the link is ever logged: the confirmation link confirms the sign-up.
 */
export async function deliverSignUpMailOnce(event: EventOf<'signup.mail-requested'>, deps: SignInDeliveryDeps): Promise<SignUpMailOutcome> {
  const now = (deps.now ?? (() => new Date()))();
  const { kind, language } = event.payload;
  const log = { eventId: event.id, kind, language };
  const { email, name } = openedContact(event.payload.sealedContact, deps.linkKey, 'sign-up');
  const input = inputOf(event.payload, name, deps.linkKey);
  await deps.signInDeliveries.claim({
    _id: event.id,
    kind: `signup-${kind}`,
    to: email,
    messageId: `<signup.${event.id}@koppel>`,
    createdAt: now,
  });
  const claimed = await deps.signInDeliveries.startAttempt(event.id);
  if (!claimed) {
    deps.logger.info('sign-up mail already handled, skipping', log);
    return 'already-sent';
  }
  if (input.kind === 'confirm' && input.expiresAt <= now) {
    await deps.signInDeliveries.markExpired(event.id);
    deps.logger.warn('sign-up confirmation link expired before it could be mailed', log);
    return 'expired';
  }
  const mail = renderSignUpMail(input);
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
    deps.logger.warn('sign-up mail send failed', { ...log, attempt: claimed.attempts, error: errorTextOf(error, 300) });
    throw error;
  }
  await deps.signInDeliveries.markSent(event.id, new Date());
  mailOutcomes.inc({ kind: `signup-${kind}`, outcome: 'sent' });
  deps.logger.info('sign-up mail sent', { ...log, attempt: claimed.attempts });
  return 'sent';
}
