import type { Logger } from '@koppel/logging';
import type { DeliveryStore } from '../store/deliveries';
import type { DigestItemStore } from '../store/digest-items';
import type { DigestStore } from '../store/digests';
import type { SignInDeliveryStore } from '../store/sign-in-deliveries';
import { errorTextOf } from './error-text';

const DAY_MS = 86_400_000;

export interface RetentionDeps {
  deliveries: DeliveryStore;
  signInDeliveries: SignInDeliveryStore;
  digests: DigestStore;
  digestItems: DigestItemStore;
  /** Match mails and digests: kept this many days, then deleted with the addresses they hold. */
  mailDays: number;
  /** Sign-in mails. */
  signInDays: number;
  logger: Logger;
  now?: () => Date;
}

export interface Purged {
  deliveries: number;
  signInDeliveries: number;
  digests: number;
  digestItems: number;
}

/**
 * Deletes the records of mails older than their retention (issue #11): each holds
 * an address and the mail's content. Only finished records go: a delivery or digest
 * still sending, or with events not yet published, stays; so does a digest item no
 * digest has taken. The retentions are at least 8 days (config.ts), longer than the
 * topics keep their events, so a redelivered event can never find its record gone
 * and mail twice. A scan on FerretDB: run it hourly, never on the hot path.
 */
export async function purgeOldRecords(deps: RetentionDeps): Promise<Purged> {
  const now = (deps.now?.() ?? new Date()).getTime();
  const mailCutoff = new Date(now - deps.mailDays * DAY_MS);
  const signInCutoff = new Date(now - deps.signInDays * DAY_MS);
  const [deliveries, signInDeliveries, digests, digestItems] = await Promise.all([
    deps.deliveries.purgeFinishedBefore(mailCutoff),
    deps.signInDeliveries.purgeBefore(signInCutoff),
    deps.digests.purgeFinishedBefore(mailCutoff),
    deps.digestItems.purgeTakenBefore(mailCutoff),
  ]);
  const purged = { deliveries, signInDeliveries, digests, digestItems };
  if (Object.values(purged).some((n) => n > 0)) deps.logger.info('old mail records purged', purged);
  return purged;
}

/** Purges at start and then every `intervalMs` until stopped. */
export function startRetention(deps: RetentionDeps, intervalMs: number): { stop(): Promise<void> } {
  const pass = () =>
    purgeOldRecords(deps).catch((error) =>
      deps.logger.warn('purging old mail records failed; the next pass tries again', { error: errorTextOf(error) }),
    );
  let running: Promise<unknown> = pass();
  const timer = setInterval(() => {
    running = pass();
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
