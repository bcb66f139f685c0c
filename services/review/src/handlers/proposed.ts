import type { Model } from 'mongoose';
import type { KoppelEvent } from '@koppel/contracts';
import type { ProposalDoc } from '../store/proposals';

/**
 * Records a proposal. A newer proposal for the same match refreshes a pending
 * one; a decided proposal is never reopened, so a redelivery changes nothing.
 */
export async function handleProposedEvent(event: KoppelEvent, proposals: Model<ProposalDoc>): Promise<void> {
  if (event.type !== 'match.proposed') return;
  const match = event.payload.match;
  const now = new Date();
  const refreshed = await proposals.updateOne({ _id: match.matchId, status: 'proposed' }, { $set: { match, score: match.score, updatedAt: now } });
  if (refreshed.matchedCount > 0) return;
  try {
    await proposals.create({ _id: match.matchId, match, score: match.score, status: 'proposed', createdAt: now, updatedAt: now });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error; // exists and already decided
  }
}
