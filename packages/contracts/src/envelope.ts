import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * Every event travels in one envelope. `id` is unique per event and is what
 * consumers use for idempotency; `key` is the Kafka message key that keeps
 * the events of one entity in order (all events of an offer share its id).
 */
export const EnvelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  version: z.number().int().min(1),
  occurredAt: z.iso.datetime(),
  key: z.string().min(1),
  /** The HTTP request (or first event) this event's chain of work started from: the same on every event and mail it led to. */
  correlationId: z.string().min(1).max(200).optional(),
  /** The request or event that caused this one. */
  causationId: z.string().min(1).max(200).optional(),
  payload: z.unknown(),
});
export type Envelope<P = unknown> = Omit<z.infer<typeof EnvelopeSchema>, 'payload'> & { payload: P };

/** Where `createEnvelope` finds the current correlation and causation (set by @koppel/messaging: the request or event being handled). */
let traceSource: () => { correlationId: string; causationId?: string } | undefined = () => undefined;

export function setTraceSource(source: typeof traceSource): void {
  traceSource = source;
}

/**
 * Builds an envelope; pass `id` when the event must be the same on a retry (idempotent
 * producers). It carries the current trace (the HTTP request or event being handled)
 * unless the input names one.
 */
export function createEnvelope<P>(input: {
  type: string;
  version?: number;
  key: string;
  payload: P;
  id?: string;
  occurredAt?: Date;
  correlationId?: string;
  causationId?: string;
}): Envelope<P> {
  const trace = traceSource();
  const correlationId = input.correlationId ?? trace?.correlationId;
  const causationId = input.causationId ?? trace?.causationId;
  return {
    id: input.id ?? randomUUID(),
    type: input.type,
    version: input.version ?? 1,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    key: input.key,
    ...(correlationId ? { correlationId } : {}),
    ...(causationId ? { causationId } : {}),
    payload: input.payload,
  };
}
