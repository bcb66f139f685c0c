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
 * is stored in the same document write (outbox), so it cannot be lost, and the
 * history line is pushed in that write too.
 */
export async function decideProposal(proposals: Model<ProposalDoc>, matchId: string, decision: Decision): Promise<ProposalDoc> {
  const existing = await proposals.findById(matchId).lean();
  if (!existing) throw new HttpProblem(404, 'Not found', `No proposal with id '${matchId}'.`);
  const decidedAt = new Date();
  // A note edited in the console before approval is what goes into the mail unless the click brings its own.
  decision = { ...decision, note: decision.note ?? existing.note };
  const event = createEnvelope({
    type: 'match.decided',
    key: existing.match.requestId,
    payload: {
      match: existing.match,
      decision: decision.decision,
      decidedBy: decision.decidedBy,
      note: decision.note,
      decidedAt: decidedAt.toISOString(),
    },
  });
  const outbox = appendToOutbox([outboxEntry(TOPICS.matchesDecided, event)]);
  const historyLine = {
    at: decidedAt,
    action: decision.decision,
    by: decision.decidedBy,
    ...(decision.note ? { note: decision.note } : {}),
  };
  const updated = await proposals
    .findOneAndUpdate(
      { _id: matchId, status: 'proposed' },
      {
        $push: { history: historyLine },
        $inc: outbox.$inc,
        $set: {
          ...outbox.$set,
          status: decision.decision,
          decidedBy: decision.decidedBy,
          decidedAt,
          note: decision.note,
          updatedAt: decidedAt,
        },
      },
      { returnDocument: 'after' },
    )
    .lean();
  if (!updated) throw new HttpProblem(409, 'Already decided', `Proposal '${matchId}' was already ${existing.status}.`);
  return updated as ProposalDoc;
}

export interface BulkOutcome {
  approved: string[];
  alreadyDecided: string[];
  missing: string[];
}

/** Approves several proposals; each one is its own atomic decision, so a proposal decided meanwhile is simply reported. */
export async function approveMany(
  proposals: Model<ProposalDoc>,
  matchIds: string[],
  decidedBy: string,
  note?: string,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { approved: [], alreadyDecided: [], missing: [] };
  for (const id of matchIds) {
    try {
      await decideProposal(proposals, id, { decision: 'approved', decidedBy, note });
      outcome.approved.push(id);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      (error.status === 404 ? outcome.missing : outcome.alreadyDecided).push(id);
    }
  }
  return outcome;
}

/** Changes the note of a proposal that is still waiting; the note goes into the mails once approved. */
export async function editNote(proposals: Model<ProposalDoc>, matchId: string, note: string, by: string): Promise<boolean> {
  const at = new Date();
  const result = await proposals.updateOne(
    { _id: matchId, status: 'proposed' },
    { $set: { note: note || undefined, updatedAt: at }, $push: { history: { at, action: 'note', by, note } } },
  );
  return result.modifiedCount === 1;
}
