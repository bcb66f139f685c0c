import type { Offer, Request } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import type { IntakeConfig } from '../../config';
import type { ActiveOrganisations } from '../../store/active-organisations';
import type { ListingStore } from '../../store/listing-store';
import type { OrganisationStore } from '../../store/organisation-store';
import type { Publication } from '../publication';

/** The settings sign-ups work with: where the links point, how long a confirmation link lasts, the sealing key. */
export type SignUpSettings = Pick<
  IntakeConfig,
  'SIGNUP_CONFIRM_LINK_BASE' | 'SIGNUP_LINK_TTL_HOURS' | 'SIGNIN_LINK_KEY' | 'SIGNIN_PORTAL_LINK_BASE' | 'SIGNIN_LINK_BASE'
>;

/** What the sign-up use cases work with: the organisation store (a sign-up is an organisation not yet approved). */
export interface SignUpDeps {
  store: OrganisationStore;
  active: ActiveOrganisations;
  publication: Publication;
  logger: Logger;
  settings: SignUpSettings;
  /** The listings it prepared while awaiting approval, published when approved. */
  listings: { offers: ListingStore<Offer>; requests: ListingStore<Request> };
}
