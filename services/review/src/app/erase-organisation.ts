import { ERASED } from '@koppel/contracts';
import type { ReviewDeps } from './deps';

/**
 * An organisation's people erased (issue #11): every proposal keeps its match, its
 * decision and its answers, but the organisation's name in the snapshot becomes `ERASED`
 * and any address (snapshots and mail outcomes from before match events lost them) goes;
 * its console sessions end. (Its withdrawal, which revokes tokens and withdraws pending
 * proposals, comes first: see events/review-events.ts.)
 * Idempotent: erasing twice changes nothing more.
 */
export async function eraseOrganisation(
  organisationId: string,
  deps: Pick<ReviewDeps, 'proposals' | 'sessions' | 'logger'>,
): Promise<void> {
  const proposals = await deps.proposals.anonymiseOrganisation(organisationId, ERASED.name);
  const sessions = await deps.sessions.endAllOf(organisationId);
  deps.logger.info('organisation erased from review', { organisationId, proposals, sessions });
}
