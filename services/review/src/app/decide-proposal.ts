import { createEnvelope, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { ProposalDoc, ProposalStatus } from '../store/proposal-doc';
import type { ReviewDeps } from './deps';

export interface Decision {
  decision: 'approved' | 'rejected';
  decidedBy: string;
  note?: string;
}

export type DecideOutcome =
  | { kind: 'decided'; proposal: ProposalDoc }
  | { kind: 'missing' }
  /** Someone else decided first (or it was withdrawn): the status it had when read. */
  | { kind: 'already-decided'; status: ProposalStatus };

/**
 * Decides a proposal exactly once. The status filter makes the update atomic:
 * if two brokers click at once, one wins and the other gets `already-decided`. The
 * event is stored in the same document write (outbox), so it cannot be lost, and the
 * history line is pushed in that write too; then the relay is nudged.
 */
export async function decideProposal(
  deps: Pick<ReviewDeps, 'proposals' | 'publishSoon'>,
  matchId: string,
  decision: Decision,
): Promise<DecideOutcome> {
  const existing = await deps.proposals.byId(matchId);
  if (!existing) return { kind: 'missing' };
  const decidedAt = new Date();
  // A note edited in the console before approval is what goes into the mail unless the click brings its own.
  const note = decision.note ?? existing.note;
  const event = createEnvelope({
    type: 'match.decided',
    key: existing.match.requestId,
    payload: {
      match: existing.match,
      decision: decision.decision,
      decidedBy: decision.decidedBy,
      note,
      decidedAt: decidedAt.toISOString(),
    },
  });
  const historyLine = {
    at: decidedAt,
    action: decision.decision,
    by: decision.decidedBy,
    ...(note ? { note } : {}),
  };
  const updated = await deps.proposals.decide(
    matchId,
    { status: decision.decision, decidedBy: decision.decidedBy, decidedAt, note },
    historyLine,
    [outboxEntry(TOPICS.matchesDecided, event)],
  );
  if (!updated) return { kind: 'already-decided', status: existing.status };
  deps.publishSoon(updated._id);
  return { kind: 'decided', proposal: updated };
}
