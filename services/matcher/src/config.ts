import { z } from 'zod';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';

export const matcherEnvSchema = commonEnvSchema.extend({
  /** Port of the health endpoint. */
  MATCHER_PORT: env.port(8082),
  /** Listen address (health, readiness and metrics only). */
  MATCHER_HOST: z.string().default('127.0.0.1'),
  /** The matcher's database on MONGO_URI (its copy of the listings). */
  MATCHER_DB: env.databaseName('koppel-matcher'),
  /** Kafka consumer group: instances sharing it share the work. */
  MATCHER_GROUP_ID: z.string().min(1).default('koppel-matcher'),
  /** How many offers are proposed per request (and requests per new offer). */
  MATCHER_TOP_N: env.positiveInt(3),
  /** How many of the best-fitting open requests a new offer is checked against. */
  MATCHER_OFFER_CANDIDATES: env.positiveInt(200),
  /** Proposals below this score are not worth a broker's time. */
  MATCHER_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.35),
});
export type MatcherConfig = z.infer<typeof matcherEnvSchema>;

export function loadMatcherConfig(source: NodeJS.ProcessEnv = process.env): MatcherConfig {
  return loadConfig(matcherEnvSchema, source);
}
