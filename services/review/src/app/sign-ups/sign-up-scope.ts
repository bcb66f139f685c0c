import { type Claims, isInRegions } from '@koppel/auth';
import type { SignUpDoc } from '../../store/sign-ups';

/**
 * Whether a console user may see and decide this sign-up: admins every one, brokers
 * those whose place lies in one of their regions (country + postcode range), by
 * `isInRegions`, the rule proposals follow (policies/broker-scope.ts). The lists
 * filter in the database by the same rule (store/region-scope.ts).
 */
export function mayHandleSignUp(user: Pick<Claims, 'role' | 'regions'>, signUp: Pick<SignUpDoc, 'country' | 'postcode'>): boolean {
  if (user.role === 'admin') return true;
  return isInRegions(user.regions, signUp.country, signUp.postcode);
}
