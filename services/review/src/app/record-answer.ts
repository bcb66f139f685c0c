import { createEnvelope, type MatchAnswer, type MatchSide, type MatchSnapshot, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { ProposalDoc } from '../store/proposal-doc';
import type { ReviewDeps } from './deps';
import { settleMatch } from './settle-match';

export type AnswerOutcome =
  | { kind: 'recorded'; proposal: ProposalDoc; confirmed: boolean; declined: boolean }
  | { kind: 'already-answered'; answer: MatchAnswer; match: MatchSnapshot }
  | { kind: 'not-open'; status: ProposalDoc['status']; match: MatchSnapshot }
  | { kind: 'missing' };

export interface AnswerInput {
  matchId: string;
  side: MatchSide;
  answer: MatchAnswer;
  reason?: string;
  /** Who answered: the link token's hash, or `page:<token id>` on the suggestions page. */
  via: string;
}

/**
 * Records one side's answer to an approved match, once. The filter
 * `answers.<side>: {$exists: false}` makes the write conditional: a link used a
 * second time (or both links clicked, or a double click) finds the side already
 * answered and changes nothing. No transactions: each step is one conditional
 * single-document update carrying its event in the outbox.
 *
 * Then, separately and also conditionally, the match moves on (settleMatch):
 * confirmed or declined. Two sides answering at the same moment both try that step;
 * the status condition lets exactly one succeed, so the confirmation is published once.
 */
export async function recordAnswer(
  deps: Pick<ReviewDeps, 'proposals' | 'publishSoon'>,
  input: AnswerInput,
  hooks: { afterAnswerWrite?: (answered: ProposalDoc) => void } = {},
): Promise<AnswerOutcome> {
  const existing = await deps.proposals.byId(input.matchId);
  if (!existing) return { kind: 'missing' };
  const previous = existing.answers?.[input.side];
  if (previous) return { kind: 'already-answered', answer: previous.answer, match: existing.match };
  if (existing.status !== 'approved' && existing.status !== 'confirmed' && existing.status !== 'declined')
    return { kind: 'not-open', status: existing.status, match: existing.match };

  const at = new Date();
  const answered = createEnvelope({
    type: 'match.answered',
    key: existing.match.requestId,
    payload: { match: existing.match, side: input.side, answer: input.answer, reason: input.reason, answeredAt: at.toISOString() },
  });
  const sideAnswer = { answer: input.answer, answeredAt: at, via: input.via, ...(input.reason ? { reason: input.reason } : {}) };
  const updated = await deps.proposals.recordAnswer(
    input.matchId,
    input.side,
    sideAnswer,
    { at, action: input.answer, by: input.side, ...(input.reason ? { note: input.reason } : {}) },
    [outboxEntry(TOPICS.matchesAnswered, answered)],
  );
  if (!updated) {
    const raced = await deps.proposals.byId(input.matchId);
    return { kind: 'already-answered', answer: raced?.answers?.[input.side]?.answer ?? input.answer, match: existing.match };
  }
  hooks.afterAnswerWrite?.(updated);
  const settled = await settleMatch(deps, updated);
  deps.publishSoon(input.matchId);
  return {
    kind: 'recorded',
    proposal: settled ?? updated,
    confirmed: settled?.status === 'confirmed',
    declined: settled?.status === 'declined',
  };
}

export type AnswerLinkState =
  | { kind: 'open'; match: MatchSnapshot }
  | { kind: 'already-answered'; answer: MatchAnswer; match: MatchSnapshot }
  | { kind: 'missing' };

/** What a side's answer link finds before answering: the match, or the answer that side gave already. */
export async function answerLinkState(deps: Pick<ReviewDeps, 'proposals'>, matchId: string, side: MatchSide): Promise<AnswerLinkState> {
  const doc = await deps.proposals.byId(matchId);
  if (!doc) return { kind: 'missing' };
  const previous = doc.answers?.[side];
  if (previous) return { kind: 'already-answered', answer: previous.answer, match: doc.match };
  return { kind: 'open', match: doc.match };
}
