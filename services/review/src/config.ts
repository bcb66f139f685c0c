import { z } from 'zod';
import { AnswerLinkSecretSchema } from '@koppel/answer-links';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';

export const reviewEnvSchema = commonEnvSchema.extend({
  /** HTTP port of the review API and the broker console. */
  REVIEW_PORT: env.port(8083),
  /** Listen address. */
  REVIEW_HOST: z.string().default('127.0.0.1'),
  /** Review's database on MONGO_URI (proposals, policies, console sessions). */
  REVIEW_DB: env.databaseName('koppel-review'),
  /**
   * The insights read model's database on MONGO_URI (issue #14), on a connection of its own so that its writes
   * never queue behind the proposals' (decision 0027). Its consumer group's offsets belong to it: pointing this at
   * a new, empty database needs REVIEW_INSIGHTS_GROUP_ID reset or renamed too (docs/operations.md).
   */
  REVIEW_INSIGHTS_DB: env.databaseName('koppel-review-insights'),
  /** Kafka consumer group: instances sharing it share the work. */
  REVIEW_GROUP_ID: z.string().min(1).default('koppel-review'),
  /**
   * Kafka consumer group of the insights read model (issue #14), which follows requests, offers, organisations
   * and near misses from the beginning on its own; unset: REVIEW_GROUP_ID followed by `-insights`
   * (`koppel-review-insights`). To rebuild the read model, drop its `insight_*` collections and reset this
   * group, or name a new one (docs/operations.md).
   */
  REVIEW_INSIGHTS_GROUP_ID: z.string().min(1).optional(),
  /** How often the outbox relay retries events it could not publish yet (e.g. the broker was away). */
  OUTBOX_INTERVAL_MS: env.positiveInt(1000),
  /** How often the relay searches every collection for events nobody named (a crash, another instance); a scan on FerretDB. */
  OUTBOX_SWEEP_INTERVAL_MS: env.positiveInt(300_000),
  /** Shared with the notifier, which signs the answer links that review checks. No default: a guessable secret would let anyone answer for a school. */
  ANSWER_LINK_SECRET: AnswerLinkSecretSchema,
  /** Verifies the console's session tokens (issued by intake from a one-time sign-in link); same value as intake's. No default on purpose. */
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters, the same value intake uses'),
  /** Intake's address as the broker's browser reaches it: the sign-in pages post to its /auth routes from the browser. */
  INTAKE_PUBLIC_URL: env.url('http://127.0.0.1:8081'),
  /** Origins (comma-separated, e.g. the portal's `https://koppel.example`) whose pages may call /suggestions from the browser. Empty: none. */
  REVIEW_CORS_ORIGINS: env.origins(),
  /** Mark the console's session cookie Secure (only sent over HTTPS): true in production behind TLS. */
  CONSOLE_COOKIE_SECURE: env.bool(false),
  /** How often matches whose answers are recorded but not yet settled (confirmed or declined) are looked for: what a crash between the two writes leaves; a scan on FerretDB. */
  ANSWER_SETTLE_INTERVAL_MS: env.positiveInt(300_000),
  /**
   * Fault injection for the crash tests: the process kills itself (SIGKILL) after
   * a match's second answer is recorded and before the match is confirmed or declined.
   * Never set in production.
   */
  REVIEW_FAULT_CRASH_AFTER_ANSWER: env.bool(false),
});
export type ReviewConfig = z.infer<typeof reviewEnvSchema>;

/** The insights read model's consumer group: its own setting, else review's group with `-insights`. */
export function insightsGroupIdOf(config: Pick<ReviewConfig, 'REVIEW_GROUP_ID' | 'REVIEW_INSIGHTS_GROUP_ID'>): string {
  return config.REVIEW_INSIGHTS_GROUP_ID ?? `${config.REVIEW_GROUP_ID}-insights`;
}

export function loadReviewConfig(source: NodeJS.ProcessEnv = process.env): ReviewConfig {
  return loadConfig(reviewEnvSchema, source);
}
