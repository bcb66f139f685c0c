import type { EventOf, MatchSnapshot } from '@koppel/contracts';
import { withEventTrace } from '@koppel/messaging';
import type { NewProposal } from '../store/proposal-doc';
import { decideProposal } from './decide-proposal';
import type { ReviewDeps } from './deps';
import { autoApprovalFor } from './policies/auto-approval';
import { regionOf } from './regions/province-of-postcode';
import { schoolPlaceOf } from './regions/school-country';
import { withdrawalKeysOf } from './withdraw';

type StoreProposalsDeps = Pick<ReviewDeps, 'proposals' | 'withdrawn' | 'policyLookup' | 'logger' | 'publishSoon'>;

/**
 * Records proposals, many in one insert: a new match is by far the common case,
 * and a bulk insert costs the database a fraction of one insert per match. A match
 * seen before (the insert reports a duplicate key) refreshes a pending proposal
 * instead; a decided proposal is never reopened, so a redelivery changes nothing.
 * A proposal for a withdrawn listing or organisation is stored withdrawn, never open.
 * When the region's auto-approval policy covers the score, the proposal is approved
 * right away, through the same conditional decision a broker uses.
 */
export async function storeProposals(proposed: EventOf<'match.proposed'>[], deps: StoreProposalsDeps): Promise<void> {
  const matches = proposed.map((e) => e.payload.match);
  if (matches.length === 0) return;
  const now = new Date();
  const gone = await deps.withdrawn.among(matches.flatMap(withdrawalKeysOf));
  const isGone = (match: MatchSnapshot) => withdrawalKeysOf(match).some((key) => gone.has(key));
  const docs: NewProposal[] = matches.map((match) => ({
    _id: match.matchId,
    match,
    score: match.score,
    region: regionOf(match.request.country, match.request.postcode),
    ...schoolPlaceOf(match),
    status: isGone(match) ? 'withdrawn' : 'proposed',
    answers: {},
    mails: {},
    history: [{ at: now, action: 'proposed', by: 'matcher' }, ...(isGone(match) ? [{ at: now, action: 'withdrawn', by: 'koppel' }] : [])],
    createdAt: now,
    updatedAt: now,
  }));
  const duplicates = await deps.proposals.insertNew(docs);
  const open: MatchSnapshot[] = [];
  for (const [i, match] of matches.entries()) {
    if (isGone(match)) continue;
    if (!duplicates.has(i)) open.push(match);
    else if (await refreshPending(match, now, deps)) open.push(match);
  }
  // Each approval as caused by its own proposal event: its decision and mails carry that trace.
  const eventOf = new Map(proposed.map((e) => [e.payload.match.matchId, e]));
  for (const match of open)
    await withEventTrace(eventOf.get(match.matchId)!, () =>
      autoApprove(match, regionOf(match.request.country, match.request.postcode), deps),
    );
}

/** A newer proposal for a match still waiting refreshes it; false when the match was decided meanwhile. */
function refreshPending(match: MatchSnapshot, now: Date, deps: StoreProposalsDeps): Promise<boolean> {
  const region = regionOf(match.request.country, match.request.postcode);
  return deps.proposals.refreshPending(match.matchId, { match, score: match.score, region, ...schoolPlaceOf(match) }, now);
}

async function autoApprove(match: MatchSnapshot, region: string, deps: StoreProposalsDeps): Promise<void> {
  const policy = await autoApprovalFor(deps.policyLookup, region, match.score);
  if (!policy) return;
  const outcome = await decideProposal(deps, match.matchId, {
    decision: 'approved',
    decidedBy: `automatisch (${region} ≥ ${Math.round(policy.threshold * 100)}%)`,
  });
  if (outcome.kind === 'already-decided') return; // a broker was quicker
  if (outcome.kind === 'missing') throw new Error(`No proposal with id '${match.matchId}'.`);
  deps.logger.info('proposal auto-approved', { matchId: match.matchId, region, score: match.score, threshold: policy.threshold });
}
