import { type OrganisationStanding, rememberedStanding } from '@koppel/auth';
import type { ReviewDeps } from './deps';
import { withdrawalKey } from './withdraw';

/** Whether an organisation may still act: a withdrawn one's tokens and sessions are refused here too (issue #11). */
export function organisationStanding(deps: Pick<ReviewDeps, 'withdrawn'>): OrganisationStanding {
  return rememberedStanding(async (id) => !(await deps.withdrawn.has(withdrawalKey({ kind: 'organisation', id }))));
}
