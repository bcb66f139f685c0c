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
  payload: z.unknown(),
});
export type Envelope<P = unknown> = Omit<z.infer<typeof EnvelopeSchema>, 'payload'> & { payload: P };

/** Builds an envelope; pass `id` when the event must be the same on a retry (idempotent producers). */
export function createEnvelope<P>(input: { type: string; version?: number; key: string; payload: P; id?: string; occurredAt?: Date }): Envelope<P> {
  return {
    id: input.id ?? randomUUID(),
    type: input.type,
    version: input.version ?? 1,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    key: input.key,
    payload: input.payload,
  };
}
