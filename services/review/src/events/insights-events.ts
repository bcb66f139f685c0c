import { type ChunkHandler, dispatch, type EventHandler, type EventHandlers } from '@koppel/messaging';
import { type InsightsRecordDeps, recordInsightEvent, recordInsightEvents } from '../app/insights/record-events';

/**
 * The insights read model's table (issue #14), for its own consumer group: every
 * listing's latest state, each request's latest near misses, every organisation's kind,
 * name and place, and which organisations are gone. Proposals are not followed here: the figures read review's own proposals.
 * Every entry is the same use case (a chunk of one event); the chunk handler below
 * takes a whole chunk at once.
 */
export function insightsEventHandlers(deps: InsightsRecordDeps): EventHandlers {
  const record = (event: Parameters<typeof recordInsightEvent>[0]) => recordInsightEvent(event, deps);
  return {
    'request.created': record,
    'request.updated': record,
    'request.withdrawn': record,
    'offer.created': record,
    'offer.updated': record,
    'offer.withdrawn': record,
    'match.missed': record,
    'organisation.created': record,
    'organisation.updated': record,
    'organisation.withdrawn': record,
    'organisation.erased': record,
  };
}

/** One event at a time, by the table (the consumer's fallback when a chunk fails). */
export function insightsEventHandler(deps: InsightsRecordDeps): EventHandler {
  return dispatch(insightsEventHandlers(deps));
}

/** A whole chunk in a few round trips (one read and one bulk write per collection): the consumer's usual path. */
export function insightsChunkHandler(deps: InsightsRecordDeps): ChunkHandler {
  const table = insightsEventHandlers(deps);
  return (items) =>
    recordInsightEvents(
      items.flatMap(({ event }) => (table[event.type] ? [event] : [])),
      deps,
    );
}
