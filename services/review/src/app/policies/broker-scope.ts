import { type Claims, isInRegions } from '@koppel/auth';
import type { ProposalDoc } from '../../store/proposal-doc';
import { schoolCountryOf } from '../regions/school-country';

/**
 * Whether a console user may see and decide this match: admins everything, brokers
 * the matches whose school lies in one of their regions (country + postcode range),
 * by `isInRegions`, the same rule intake uses. Lists filter in the database with the
 * same rule (store/region-scope.ts).
 */
export function mayHandle(user: Claims, proposal: Pick<ProposalDoc, 'match'>): boolean {
  if (user.role === 'admin') return true;
  return isInRegions(user.regions, schoolCountryOf(proposal.match), proposal.match.request.postcode);
}
