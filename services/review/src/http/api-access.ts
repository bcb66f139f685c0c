import type { OrganisationStanding } from '@koppel/auth';
import { authenticate } from '@koppel/http';
import { CONSOLE_ROLES } from '../app/console-sessions';

const INVALID = 'The bearer token is invalid or expired.';

/**
 * The review JSON API is for the same people as the console: brokers (their
 * regions only) and admins, with a bearer token issued by intake (a session
 * from a sign-in link, or an admin-issued token). The rule is the console's,
 * withdrawn organisations included. Sets `req.principal`.
 */
export function requireBrokerToken(secret: string, standing: OrganisationStanding) {
  return authenticate({
    secret,
    standing,
    roles: CONSOLE_ROLES,
    messages: {
      missing: 'A bearer token is required.',
      invalid: INVALID,
      expired: INVALID,
      withdrawn: INVALID,
      role: 'Only brokers and admins may use the review API.',
    },
  });
}
