import { addressHashOf, sealText } from '@koppel/auth';
import { createEnvelope, type Organisation, type SignUpMailRequestedPayload, TOPICS } from '@koppel/contracts';
import { type OutboxEntry, outboxEntry } from '@koppel/messaging';
import type { SignUpSettings } from './deps';

/**
 * A sign-up's mail for the notifier (`signup.mail-requested` on the sign-in topic): to the
 * organisation's contact, sealed like a sign-in link's (issue #11), so readers of the topic
 * can neither read the address nor use a link.
 */
export function signUpMail(
  organisation: Organisation,
  mail: Pick<SignUpMailRequestedPayload, 'kind' | 'reason' | 'expiresAt'> & { link?: string; secretLink?: string },
  settings: Pick<SignUpSettings, 'SIGNIN_LINK_KEY'>,
): OutboxEntry {
  const contact = organisation.contacts[0];
  const payload: SignUpMailRequestedPayload = {
    kind: mail.kind,
    sealedContact: sealText(JSON.stringify({ email: contact.email, name: contact.name }), settings.SIGNIN_LINK_KEY),
    language: contact.language,
    organisationName: organisation.name,
    ...(mail.secretLink ? { sealedLink: sealText(mail.secretLink, settings.SIGNIN_LINK_KEY) } : {}),
    ...(mail.link ? { link: mail.link } : {}),
    ...(mail.reason ? { reason: mail.reason } : {}),
    ...(mail.expiresAt ? { expiresAt: mail.expiresAt } : {}),
  };
  // Keyed by the address's hash, like sign-in links: one contact's mails keep their order.
  return outboxEntry(TOPICS.signIn, createEnvelope({ type: 'signup.mail-requested', key: addressHashOf(contact.email), payload }));
}
