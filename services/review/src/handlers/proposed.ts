import type { Model } from 'mongoose';
import type { KoppelEvent } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { decideProposal } from '../decide';
import { autoApprovalFor } from '../policies/auto-approval';
import { provinceOfPostcode } from '../regions/province-of-postcode';
import { schoolPlaceOf } from '../regions/school-country';
import type { PolicyDoc } from '../store/policies';
import type { ProposalDoc } from '../store/proposals';

export interface ProposedDeps {
  proposals: Model<ProposalDoc>;
  policies: Model<PolicyDoc>;
  logger: Logger;
  publishSoon: (matchId: string) => void;
}

/**
 * Records a proposal. A newer proposal for the same match refreshes a pending
 * one; a decided proposal is never reopened, so a redelivery changes nothing.
 * When the region's auto-approval policy covers the score, the proposal is
 * approved right away, through the same conditional decision a broker uses.
 */
export async function handleProposedEvent(event: KoppelEvent, deps: ProposedDeps): Promise<void> {
  if (event.type !== 'match.proposed') return;
  const match = event.payload.match;
  const now = new Date();
  const region = provinceOfPostcode(match.request.postcode);
  const place = schoolPlaceOf(match);
  // Insert first: a new match is by far the common case, and an insert is one
  // index lookup on every server. Only a match seen before takes the conditional refresh.
  try {
    await deps.proposals.create({ _id: match.matchId, match, score: match.score, region, ...place, status: 'proposed', answers: {}, mails: {}, history: [{ at: now, action: 'proposed', by: 'matcher' }], createdAt: now, updatedAt: now });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    const refreshed = await deps.proposals.updateOne({ _id: match.matchId, status: 'proposed' }, { $set: { match, score: match.score, region, ...place, updatedAt: now } });
    if (refreshed.matchedCount === 0) return; // exists and already decided
  }
  const policy = await autoApprovalFor(deps.policies, region, match.score);
  if (!policy) return;
  try {
    await decideProposal(deps.proposals, match.matchId, { decision: 'approved', decidedBy: `automatisch (${region} ≥ ${Math.round(policy.threshold * 100)}%)` });
    deps.publishSoon(match.matchId);
    deps.logger.info('proposal auto-approved', { matchId: match.matchId, region, score: match.score, threshold: policy.threshold });
  } catch (error) {
    if ((error as { status?: number }).status !== 409) throw error; // a broker was quicker
  }
}
