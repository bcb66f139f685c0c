import type { Claims } from '@koppel/auth';
import type { ProposalDoc } from '../store/proposal-doc';
import type { ProposalFilter, ProposalSort } from '../store/proposals';
import type { ReviewDeps } from './deps';
import { mayHandle } from './policies/broker-scope';

/** One page of proposals the user may see (within a broker's regions), and how many the whole list holds. */
export function proposalsPage(
  deps: Pick<ReviewDeps, 'proposals'>,
  filter: ProposalFilter,
  order: { sort: ProposalSort; offset: number; limit: number },
  user: Claims,
): Promise<{ items: ProposalDoc[]; total: number }> {
  return deps.proposals.page(filter, user, order);
}

/** The proposal if it exists and the user may handle it; undefined otherwise (another region's is as if it did not exist). */
export async function visibleProposal(
  deps: Pick<ReviewDeps, 'proposals'>,
  matchId: string,
  user: Claims,
): Promise<ProposalDoc | undefined> {
  const doc = await deps.proposals.byId(matchId);
  return doc && mayHandle(user, doc) ? doc : undefined;
}

/** The other candidates for the same request, best first (at most 10). */
export async function otherCandidates(deps: Pick<ReviewDeps, 'proposals'>, proposal: ProposalDoc): Promise<ProposalDoc[]> {
  // The match itself is dropped here rather than with `_id: {$ne}` in the query, which FerretDB v1 did not apply together with the dotted filter.
  const sameRequest = await deps.proposals.ofRequest(proposal.match.requestId, 11);
  return sameRequest.filter((o) => o._id !== proposal._id).slice(0, 10);
}

/** Matches with a mail the notifier gave up on, within the user's regions (at most 200, latest first). */
export function proposalsWithFailedMails(deps: Pick<ReviewDeps, 'proposals'>, user: Claims): Promise<ProposalDoc[]> {
  return deps.proposals.withFailedMails(user, 200);
}
