import type { EventOf, EventType } from '@koppel/contracts';
import type { EventHandler, MessageContext, OutgoingEvent } from './consumer';

/**
 * A service's consumer as a table: for each event type it cares about, the function
 * that handles it (`events/` in every service). Types a service follows a topic for
 * but has no entry for are none of its business.
 */
export type EventHandlers = {
  [T in EventType]?: (event: EventOf<T>, context: MessageContext) => Promise<void | OutgoingEvent[]>;
};

/** One handler from a table: each event goes to the entry of its type; an event without one is passed over (its offset still committed). */
export function dispatch(handlers: EventHandlers): EventHandler {
  return async (event, context) => {
    const handle = handlers[event.type] as ((e: typeof event, c: MessageContext) => Promise<void | OutgoingEvent[]>) | undefined;
    return handle ? handle(event, context) : undefined;
  };
}
