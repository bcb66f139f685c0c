import { z } from 'zod';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';

export const reviewEnvSchema = commonEnvSchema.extend({
  /** HTTP port of the review API and the broker console. */
  REVIEW_PORT: env.port(8083),
  REVIEW_HOST: z.string().default('127.0.0.1'),
  REVIEW_DB: env.databaseName('koppel-review'),
  REVIEW_GROUP_ID: z.string().min(1).default('koppel-review'),
  OUTBOX_INTERVAL_MS: env.positiveInt(1000),
});
export type ReviewConfig = z.infer<typeof reviewEnvSchema>;

export function loadReviewConfig(source: NodeJS.ProcessEnv = process.env): ReviewConfig {
  return loadConfig(reviewEnvSchema, source);
}
