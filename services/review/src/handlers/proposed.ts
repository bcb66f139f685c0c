import type { Model } from 'mongoose';
import type { EventOf, KoppelEvent, MatchSnapshot } from '@koppel/contracts';
import type { Logger } from '@koppel/logging';
import { withEventTrace } from '@koppel/messaging';
import { decideProposal } from '../decide';
import { autoApprovalFor, type PolicyLookup } from '../policies/auto-approval';
import { regionOf } from '../regions/province-of-postcode';
import { schoolPlaceOf } from '../regions/school-country';
import type { ProposalDoc } from '../store/proposals';
import { withdrawalKeysOf, withdrawnAmong, type WithdrawnDoc } from './withdrawals';

export interface ProposedDeps {
  proposals: Model<ProposalDoc>;
  /** Withdrawn listings and organisations: a proposal for one is stored as withdrawn, never open. */
  withdrawn: Model<WithdrawnDoc>;
  policies: PolicyLookup;
  logger: Logger;
  publishSoon: (matchId: string) => void;
}

const DUPLICATE_KEY = 11000;

/**
 * Records proposals, many in one insert: a new match is by far the common case,
 * and a bulk insert costs the database a fraction of one insert per match. A match
 * seen before (the insert reports a duplicate key) refreshes a pending proposal
 * instead; a decided proposal is never reopened, so a redelivery changes nothing.
 * When the region's auto-approval policy covers the score, the proposal is approved
 * right away, through the same conditional decision a broker uses.
 */
export async function handleProposedEvents(events: KoppelEvent[], deps: ProposedDeps): Promise<void> {
  const proposed = events.filter((e): e is EventOf<'match.proposed'> => e.type === 'match.proposed');
  const matches = proposed.map((e) => e.payload.match);
  if (matches.length === 0) return;
  const now = new Date();
  const gone = await withdrawnAmong(deps.withdrawn, matches);
  const isGone = (match: MatchSnapshot) => withdrawalKeysOf(match).some((key) => gone.has(key));
  const docs = matches.map((match) => ({
    _id: match.matchId,
    match,
    score: match.score,
    region: regionOf(match.request.country, match.request.postcode),
    ...schoolPlaceOf(match),
    status: isGone(match) ? ('withdrawn' as const) : ('proposed' as const),
    answers: {},
    mails: {},
    history: [{ at: now, action: 'proposed', by: 'matcher' }, ...(isGone(match) ? [{ at: now, action: 'withdrawn', by: 'koppel' }] : [])],
    createdAt: now,
    updatedAt: now,
  }));
  const duplicates = await insertNew(deps.proposals, docs);
  const open: MatchSnapshot[] = [];
  for (const [i, match] of matches.entries()) {
    if (isGone(match)) continue;
    if (!duplicates.has(i)) open.push(match);
    else if (await refreshPending(deps.proposals, match, now)) open.push(match);
  }
  // Each approval as caused by its own proposal event: its decision and mails carry that trace.
  const eventOf = new Map(proposed.map((e) => [e.payload.match.matchId, e]));
  for (const match of open)
    await withEventTrace(eventOf.get(match.matchId)!, () =>
      autoApprove(match, regionOf(match.request.country, match.request.postcode), deps),
    );
}

export async function handleProposedEvent(event: KoppelEvent, deps: ProposedDeps): Promise<void> {
  await handleProposedEvents([event], deps);
}

/** Inserts the documents (unordered, so one duplicate does not stop the rest); returns the indexes that already existed. */
async function insertNew(proposals: Model<ProposalDoc>, docs: object[]): Promise<Set<number>> {
  try {
    await proposals.insertMany(docs, { ordered: false });
    return new Set();
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ index?: number; code?: number; err?: { index?: number; code?: number } }> })
      .writeErrors;
    if (!writeErrors?.length) throw error;
    const failed = writeErrors.map((w) => ({ index: w.index ?? w.err?.index, code: w.code ?? w.err?.code }));
    if (failed.some((f) => f.code !== DUPLICATE_KEY || f.index === undefined)) throw error;
    return new Set(failed.map((f) => f.index as number));
  }
}

/** A newer proposal for a match still waiting refreshes it; false when the match was decided meanwhile. */
async function refreshPending(proposals: Model<ProposalDoc>, match: MatchSnapshot, now: Date): Promise<boolean> {
  const region = regionOf(match.request.country, match.request.postcode);
  const refreshed = await proposals.updateOne(
    { _id: match.matchId, status: 'proposed' },
    { $set: { match, score: match.score, region, ...schoolPlaceOf(match), updatedAt: now } },
  );
  return refreshed.matchedCount > 0;
}

async function autoApprove(match: MatchSnapshot, region: string, deps: ProposedDeps): Promise<void> {
  const policy = await autoApprovalFor(deps.policies, region, match.score);
  if (!policy) return;
  try {
    await decideProposal(deps.proposals, match.matchId, {
      decision: 'approved',
      decidedBy: `automatisch (${region} ≥ ${Math.round(policy.threshold * 100)}%)`,
    });
    deps.publishSoon(match.matchId);
    deps.logger.info('proposal auto-approved', { matchId: match.matchId, region, score: match.score, threshold: policy.threshold });
  } catch (error) {
    if ((error as { status?: number }).status !== 409) throw error; // a broker was quicker
  }
}
