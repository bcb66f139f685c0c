import { createEnvelope, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { ProposalDoc } from '../store/proposal-doc';
import type { ReviewDeps } from './deps';

/**
 * Moves an approved match on once its answers say so; null when nothing changed:
 * - both interested → `confirmed` (+ match.confirmed, the notifier sends contact details);
 * - one not interested → `declined` (the broker sees who and why).
 * Conditional on the status, so of two sides answering at the same moment exactly
 * one succeeds, and the confirmation is published once.
 */
export async function settleMatch(deps: Pick<ReviewDeps, 'proposals'>, doc: ProposalDoc): Promise<ProposalDoc | null> {
  const school = doc.answers?.school?.answer;
  const provider = doc.answers?.provider?.answer;
  const at = new Date();
  if (school === 'interested' && provider === 'interested') {
    const confirmed = createEnvelope({
      type: 'match.confirmed',
      key: doc.match.requestId,
      payload: { match: doc.match, confirmedAt: at.toISOString() },
    });
    return deps.proposals.confirm(doc._id, { at, action: 'confirmed', by: 'koppel' }, [outboxEntry(TOPICS.matchesAnswered, confirmed)]);
  }
  if (school === 'not_interested' || provider === 'not_interested')
    return deps.proposals.decline(doc._id, { at, action: 'declined', by: school === 'not_interested' ? 'school' : 'provider' });
  return null;
}
