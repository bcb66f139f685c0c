import type { PendingEvent } from '@koppel/messaging';

/** Events a write stored in a document's outbox, named so the outbox relay publishes them soon (`OutboxRelay.nudge`). */
export interface StoredEvents {
  /** The mongoose model (the relay's name for the collection). */
  model: string;
  id: string;
  /** The events the write stored, so the relay need not read them back; absent: it reads the document. */
  handed?: Record<string, PendingEvent>;
}

/** An insert that found its `_id` (or another unique key) taken. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}
