import type { StoredEvents } from '../store/writes';

/**
 * What follows a write that stored events in a document's outbox. The relay would
 * find them anyway (at start and on its sweep); being told keeps latency low.
 */
export interface Publication {
  /** The write is durable and its events are not published yet: the crash tests' fault injection strikes here. */
  afterWrite(): void;
  /** Has the outbox relay publish the events the write stored now. */
  publishSoon(events: StoredEvents): void;
}
