import type { Model } from 'mongoose';
import { createEnvelope, TOPICS, type MatchAnswer, type MatchSide } from '@koppel/contracts';
import { appendToOutbox, outboxEntry } from '@koppel/messaging';
import type { ProposalDoc } from '../store/proposals';

export type AnswerOutcome =
  | { kind: 'recorded'; proposal: ProposalDoc; confirmed: boolean; declined: boolean }
  | { kind: 'already-answered'; answer: MatchAnswer }
  | { kind: 'not-open'; status: ProposalDoc['status'] }
  | { kind: 'missing' };

/**
 * Records one side's answer to an approved match, once. The filter
 * `answers.<side>: {$exists: false}` makes the write conditional: a link used a
 * second time (or both links clicked, or a double click) finds the side already
 * answered and changes nothing. No transactions: each step is one conditional
 * single-document update carrying its event in the outbox.
 *
 * Then, separately and also conditionally, the match moves on:
 * - both interested → `confirmed` (+ match.confirmed, the notifier sends contact details);
 * - one not interested → `declined` (the broker sees who and why).
 * Two sides answering at the same moment both try that step; the status
 * condition lets exactly one succeed, so the confirmation is published once.
 */
export async function recordAnswer(
  proposals: Model<ProposalDoc>,
  input: { matchId: string; side: MatchSide; answer: MatchAnswer; reason?: string; via: string },
  hooks: { afterAnswerWrite?: (answered: ProposalDoc) => void } = {},
): Promise<AnswerOutcome> {
  const existing = await proposals.findById(input.matchId).lean();
  if (!existing) return { kind: 'missing' };
  const previous = existing.answers?.[input.side];
  if (previous) return { kind: 'already-answered', answer: previous.answer };
  if (existing.status !== 'approved' && existing.status !== 'confirmed' && existing.status !== 'declined')
    return { kind: 'not-open', status: existing.status };

  const at = new Date();
  const answered = createEnvelope({
    type: 'match.answered',
    key: existing.match.requestId,
    payload: { match: existing.match, side: input.side, answer: input.answer, reason: input.reason, answeredAt: at.toISOString() },
  });
  const outbox = appendToOutbox([outboxEntry(TOPICS.matchesAnswered, answered)]);
  const sideAnswer = { answer: input.answer, answeredAt: at, via: input.via, ...(input.reason ? { reason: input.reason } : {}) };
  const updated = await proposals
    .findOneAndUpdate(
      { _id: input.matchId, [`answers.${input.side}`]: { $exists: false } },
      {
        $push: { history: { at, action: input.answer, by: input.side, ...(input.reason ? { note: input.reason } : {}) } },
        $inc: outbox.$inc,
        $set: { ...outbox.$set, [`answers.${input.side}`]: sideAnswer, updatedAt: at },
      },
      { returnDocument: 'after' },
    )
    .lean();
  if (!updated) {
    const raced = await proposals.findById(input.matchId).lean();
    return { kind: 'already-answered', answer: raced?.answers?.[input.side]?.answer ?? input.answer };
  }
  hooks.afterAnswerWrite?.(updated as ProposalDoc);
  const settled = await settleMatch(proposals, updated as ProposalDoc);
  return {
    kind: 'recorded',
    proposal: settled ?? (updated as ProposalDoc),
    confirmed: settled?.status === 'confirmed',
    declined: settled?.status === 'declined',
  };
}

/** Moves an approved match to confirmed or declined once the answers say so; null when nothing changed. */
export async function settleMatch(proposals: Model<ProposalDoc>, doc: ProposalDoc): Promise<ProposalDoc | null> {
  const school = doc.answers?.school?.answer;
  const provider = doc.answers?.provider?.answer;
  const at = new Date();
  if (school === 'interested' && provider === 'interested') {
    const confirmed = createEnvelope({
      type: 'match.confirmed',
      key: doc.match.requestId,
      payload: { match: doc.match, confirmedAt: at.toISOString() },
    });
    const outbox = appendToOutbox([outboxEntry(TOPICS.matchesAnswered, confirmed)]);
    return (await proposals
      .findOneAndUpdate(
        { _id: doc._id, status: 'approved', 'answers.school.answer': 'interested', 'answers.provider.answer': 'interested' },
        {
          $push: { history: { at, action: 'confirmed', by: 'koppel' } },
          $inc: outbox.$inc,
          $set: { ...outbox.$set, status: 'confirmed', updatedAt: at },
        },
        { returnDocument: 'after' },
      )
      .lean()) as ProposalDoc | null;
  }
  if (school === 'not_interested' || provider === 'not_interested') {
    return (await proposals
      .findOneAndUpdate(
        { _id: doc._id, status: 'approved' },
        {
          $push: { history: { at, action: 'declined', by: school === 'not_interested' ? 'school' : 'provider' } },
          $set: { status: 'declined', updatedAt: at },
        },
        { returnDocument: 'after' },
      )
      .lean()) as ProposalDoc | null;
  }
  return null;
}
