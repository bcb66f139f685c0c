import type { MatchAnswer, MatchSide } from '@koppel/contracts';
import type { ProposalDoc } from '../store/proposal-doc';
import type { ReviewDeps } from './deps';
import { type AnswerOutcome, recordAnswer } from './record-answer';

/** Suggestions are the approved matches: a proposal the broker has not approved is not shown to either side. */
export const VISIBLE = ['approved', 'confirmed', 'declined'] as const;

/** The suggestions of one organisation, as the school or the provider side (at most 100, latest first). */
export function suggestionsOf(deps: Pick<ReviewDeps, 'proposals'>, side: MatchSide, organisationId: string): Promise<ProposalDoc[]> {
  return deps.proposals.ofOrganisation(side, organisationId, VISIBLE, 100);
}

/**
 * An organisation's answer on the suggestions page, through the same conditional
 * update as the mail links (recordAnswer), so a page answer and a link answer can
 * never both count. Another organisation's match, or one not suggested, is `missing`.
 */
export async function answerSuggestion(
  deps: Pick<ReviewDeps, 'proposals' | 'publishSoon'>,
  input: { matchId: string; side: MatchSide; organisationId: string; answer: MatchAnswer; reason?: string; via: string },
): Promise<AnswerOutcome> {
  const doc = await deps.proposals.byId(input.matchId);
  if (!doc || doc.match[input.side].id !== input.organisationId || !(VISIBLE as readonly string[]).includes(doc.status))
    return { kind: 'missing' };
  return recordAnswer(deps, { matchId: doc._id, side: input.side, answer: input.answer, reason: input.reason, via: input.via });
}
