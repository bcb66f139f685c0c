import { type ChunkHandler, dispatch, type EventHandler, type EventHandlers } from '@koppel/messaging';
import type { ReviewDeps } from '../app/deps';
import { eraseOrganisation } from '../app/erase-organisation';
import { recordMailOutcome } from '../app/record-mail-outcome';
import { recordSignUp } from '../app/sign-ups/record-sign-up';
import { storeProposals } from '../app/store-proposals';
import { withdraw } from '../app/withdraw';

type ReviewEventDeps = Pick<ReviewDeps, 'proposals' | 'signUps' | 'withdrawn' | 'policyLookup' | 'sessions' | 'logger' | 'publishSoon'>;

/**
 * What review does with each event of the topics it follows: proposals in, the
 * notifier's mail outcomes, and of offers, requests and organisations only their
 * withdrawals (pending proposals of what was withdrawn are withdrawn too, and a
 * withdrawn organisation's tokens and sessions are refused) and erasures, and the
 * sign-ups waiting for a broker (issue #13). Listings and organisations created or
 * changed are not review's business, nor `signup.decided`: review publishes it itself
 * (the same topic), so it has no entry and is passed over.
 */
export function reviewEventHandlers(deps: ReviewEventDeps): EventHandlers {
  return {
    'match.proposed': (event) => storeProposals([event], deps),
    'offer.withdrawn': (event) => withdraw({ kind: 'offer', id: event.payload.offerId }, event.occurredAt, deps),
    'request.withdrawn': (event) => withdraw({ kind: 'request', id: event.payload.requestId }, event.occurredAt, deps),
    'organisation.withdrawn': (event) => withdraw({ kind: 'organisation', id: event.payload.organisationId }, event.occurredAt, deps),
    'organisation.erased': async (event) => {
      // Erased is withdrawn too: its tokens are refused and its pending proposals withdrawn, then its people go.
      await withdraw({ kind: 'organisation', id: event.payload.organisationId }, event.occurredAt, deps);
      await eraseOrganisation(event.payload.organisationId, deps);
    },
    'signup.confirmed': async (event) => {
      await recordSignUp(deps, event.payload);
    },
    'mail.sent': (event) => recordMailOutcome(event, deps),
    'mail.failed': (event) => recordMailOutcome(event, deps),
  };
}

/** One event at a time, by the table. */
export function reviewEventHandler(deps: ReviewEventDeps): EventHandler {
  return dispatch(reviewEventHandlers(deps));
}

/**
 * A chunk of events: its proposals are one bulk insert (storeProposals); the other
 * events, few (mails, withdrawals), are handled one by one after, by the table.
 */
export function reviewChunkHandler(deps: ReviewEventDeps): ChunkHandler {
  const handle = reviewEventHandler(deps);
  return async (items) => {
    await storeProposals(
      items.flatMap(({ event }) => (event.type === 'match.proposed' ? [event] : [])),
      deps,
    );
    for (const { event, context } of items) if (event.type !== 'match.proposed') await handle(event, context);
  };
}
