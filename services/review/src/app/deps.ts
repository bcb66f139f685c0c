import type { Logger } from '@koppel/logging';
import type { ReviewStores } from '../store/models';

/** What review's use cases work with: its repositories, its logger, and a nudge for the outbox relay. */
export interface ReviewDeps extends ReviewStores {
  logger: Logger;
  /** Publishes the events just stored on this match soon (the outbox relay reads them back). */
  publishSoon: (matchId: string) => void;
  /** Publishes the events just stored on this sign-up soon (the same relay, sign-ups' collection). */
  publishSignUpSoon: (organisationId: string) => void;
}
