import type { Model } from 'mongoose';
import { createEnvelope, TOPICS } from '@koppel/contracts';
import { HttpProblem } from '@koppel/http';
import { appendToOutbox, outboxEntry } from '@koppel/messaging';
import type { ProposalDoc } from './store/proposals';

export interface Decision {
  decision: 'approved' | 'rejected';
  decidedBy: string;
  note?: string;
}

/**
 * Decides a proposal exactly once. The status filter makes the update atomic:
 * if two brokers click at once, one wins and the other gets a 409. The event
 * is stored in the same document write (outbox), so it cannot be lost.
 */
export async function decideProposal(proposals: Model<ProposalDoc>, matchId: string, decision: Decision): Promise<ProposalDoc> {
  const existing = await proposals.findById(matchId).lean();
  if (!existing) throw new HttpProblem(404, 'Not found', `No proposal with id '${matchId}'.`);
  const decidedAt = new Date();
  const event = createEnvelope({
    type: 'match.decided',
    key: existing.match.requestId,
    payload: { match: existing.match, decision: decision.decision, decidedBy: decision.decidedBy, note: decision.note, decidedAt: decidedAt.toISOString() },
  });
  const outbox = appendToOutbox([outboxEntry(TOPICS.matchesDecided, event)]);
  const updated = await proposals
    .findOneAndUpdate(
      { _id: matchId, status: 'proposed' },
      { ...outbox, $set: { ...outbox.$set, status: decision.decision, decidedBy: decision.decidedBy, decidedAt, note: decision.note, updatedAt: decidedAt } },
      { returnDocument: 'after' },
    )
    .lean();
  if (!updated) throw new HttpProblem(409, 'Already decided', `Proposal '${matchId}' was already ${existing.status}.`);
  return updated as ProposalDoc;
}
