import type { Logger } from '@koppel/logging';
import type { IntakeConfig } from '../../config';
import type { OrganisationStore } from '../../store/organisation-store';
import type { Publication } from '../publication';

/** The settings sign-in works with. */
export type SignInSettings = Pick<
  IntakeConfig,
  | 'SIGNIN_LINK_BASE'
  | 'SIGNIN_PORTAL_LINK_BASE'
  | 'SIGNIN_LINK_TTL_MINUTES'
  | 'SIGNIN_LINK_KEY'
  | 'SIGNIN_LINKS_PER_ADDRESS_PER_HOUR'
  | 'AUTH_TOKEN_SECRET'
  | 'SESSION_TTL_HOURS'
>;

/** What the sign-in use cases work with: the links are kept in their organisation's document. */
export interface SignInDeps {
  store: OrganisationStore;
  publication: Publication;
  logger: Logger;
  settings: SignInSettings;
}
