import { setTraceSource, type Envelope } from '@koppel/contracts';
import { currentTrace, runWithTrace, type Trace } from '@koppel/logging';

// Every event created while a request or an event is being handled carries its trace
// (`createEnvelope` asks this source), so a request can be followed through every event
// it led to, down to the mail (issue #12).
setTraceSource(currentTrace);

/** The trace of work caused by `event`: its chain's correlation id, and the event itself as the cause. */
export function traceOf(event: Pick<Envelope, 'id' | 'correlationId'>): Trace {
  return { correlationId: event.correlationId ?? event.id, causationId: event.id };
}

/** Runs `work` as caused by `event`: its log lines and the events it creates carry the event's trace. */
export function withEventTrace<T>(event: Pick<Envelope, 'id' | 'correlationId'>, work: () => T): T {
  return runWithTrace(traceOf(event), work);
}
