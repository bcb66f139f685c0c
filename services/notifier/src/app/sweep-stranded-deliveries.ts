import type { Logger } from '@koppel/logging';
import { classifyFailure } from '@koppel/messaging';
import type { DeliveryStore } from '../store/deliveries';
import { errorTextOf } from './error-text';

export interface StrandedSweepDeps {
  deliveries: DeliveryStore;
  logger: Logger;
  /** A 'sending' delivery with no attempt for this long has nobody working on it. */
  leaseMs: number;
  /** Sends a claimed delivery (deliver-match-mail.ts `sendClaimed`): marks it sent, or failed for good. */
  sendClaimed: (id: string) => Promise<void>;
  now?: () => Date;
}

/**
 * Finishes deliveries that a crash or a bug left in 'sending': while the consumer
 * works on a mail it tries it at least every half minute (attemptedAt), so one
 * untried for a whole lease has no event left that would finish it. Each is sent
 * again (same Message-ID) or, if the mail server refuses it, reported failed.
 * Returns how many it finished. A scan of the sending ones on FerretDB: run it
 * every few minutes, not on the hot path.
 */
export async function sweepStrandedDeliveries(deps: StrandedSweepDeps): Promise<number> {
  const cutoff = new Date((deps.now?.() ?? new Date()).getTime() - deps.leaseMs);
  const stranded = await deps.deliveries.listSending(500);
  let finished = 0;
  for (const delivery of stranded) {
    if ((delivery.attemptedAt ?? delivery.createdAt) > cutoff) continue;
    try {
      await deps.sendClaimed(delivery._id);
      finished += 1;
    } catch (error) {
      // Permanent: sendClaimed reported mail.failed already. Transient: the next sweep tries again.
      const kind = classifyFailure(error);
      if (kind === 'permanent') finished += 1;
      deps.logger.warn('stranded mail not sent', { deliveryId: delivery._id, kind, error: errorTextOf(error) });
    }
  }
  if (finished > 0) deps.logger.warn('stranded mails finished', { count: finished });
  return finished;
}

/** Runs the sweep every half lease until stopped. */
export function startStrandedDeliverySweeper(deps: StrandedSweepDeps): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(
    () => {
      running = sweepStrandedDeliveries(deps).catch((error) =>
        deps.logger.warn('stranded-mail sweep failed', { error: errorTextOf(error) }),
      );
    },
    Math.max(1000, deps.leaseMs / 2),
  );
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
