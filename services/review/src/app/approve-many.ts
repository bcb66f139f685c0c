import type { Claims } from '@koppel/auth';
import { decideProposal } from './decide-proposal';
import type { ReviewDeps } from './deps';
import { mayHandle } from './policies/broker-scope';

export interface BulkOutcome {
  approved: string[];
  alreadyDecided: string[];
  /** Not found, or not the user's to handle (another region's counts as not found). */
  missing: string[];
}

/**
 * Approves the ticked proposals the user may handle; each one is its own atomic
 * decision, so a proposal decided meanwhile is simply reported.
 */
export async function approveMany(
  deps: Pick<ReviewDeps, 'proposals' | 'publishSoon'>,
  matchIds: string[],
  user: Claims,
  note?: string,
): Promise<BulkOutcome> {
  const found = await deps.proposals.byIds(matchIds);
  const allowed = found.filter((p) => mayHandle(user, p)).map((p) => p._id);
  const outcome: BulkOutcome = { approved: [], alreadyDecided: [], missing: [] };
  for (const id of allowed) {
    const decided = await decideProposal(deps, id, { decision: 'approved', decidedBy: user.sub, note });
    if (decided.kind === 'decided') outcome.approved.push(id);
    else (decided.kind === 'missing' ? outcome.missing : outcome.alreadyDecided).push(id);
  }
  outcome.missing.push(...matchIds.filter((id) => !allowed.includes(id)));
  return outcome;
}
