import type { EventHandlers } from '@koppel/messaging';
import { deliverSignInLinkOnce, type SignInDeliveryDeps } from '../app/deliver-sign-in-link';
import { deliverSignUpMailOnce } from '../app/deliver-sign-up-mail';
import { eraseOrganisationFromMail, type MailErasureDeps } from '../app/erase-organisation';
import { mailApprovedMatch, mailConfirmedMatch, type MatchMailDeps } from '../app/match-mails';
import { recordOrganisationEvent } from '../app/record-organisation';
import { resendMail } from '../app/resend-mail';
import type { OrganisationStore } from '../store/organisations';

export interface NotifierEventDeps {
  matchMails: MatchMailDeps;
  /** Sign-in links and sign-up mails: the same key, store and transport. */
  signIn: SignInDeliveryDeps;
  organisations: OrganisationStore;
  erasure: MailErasureDeps;
}

/**
 * What the notifier does with each event on the topics it follows (decided and
 * answered matches, mails, sign-in and sign-up mails, organisations). mail.sent and mail.failed are
 * its own, for review; match.answered and the rest are none of its business.
 */
export function notifierEventHandlers(deps: NotifierEventDeps): EventHandlers {
  const recordOrganisation = async (event: Parameters<typeof recordOrganisationEvent>[1]) => {
    await recordOrganisationEvent(deps.organisations, event);
  };
  return {
    'match.decided': (event) => mailApprovedMatch(event, deps.matchMails),
    'match.confirmed': (event) => mailConfirmedMatch(event, deps.matchMails),
    'mail.resend-requested': (event) => resendMail(event, deps.matchMails),
    'signin.link-requested': async (event) => {
      await deliverSignInLinkOnce(event, deps.signIn);
    },
    'signup.mail-requested': async (event) => {
      await deliverSignUpMailOnce(event, deps.signIn);
    },
    'organisation.created': recordOrganisation,
    'organisation.updated': recordOrganisation,
    'organisation.withdrawn': recordOrganisation,
    'organisation.erased': async (event) => {
      await recordOrganisation(event);
      await eraseOrganisationFromMail(event, deps.erasure);
    },
  };
}
