import { z } from 'zod';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';

export const intakeEnvSchema = commonEnvSchema.extend({
  /** HTTP port of the intake API. */
  INTAKE_PORT: env.port(8081),
  INTAKE_HOST: z.string().default('127.0.0.1'),
  INTAKE_DB: env.databaseName('koppel-intake'),
  /** How often the outbox relay looks for events a crash left behind. */
  OUTBOX_INTERVAL_MS: env.positiveInt(1000),
  /**
   * Fault injection for the crash tests: the process kills itself right after
   * the database write and before the event is published. Never set in production.
   */
  INTAKE_FAULT_CRASH_AFTER_WRITE: env.bool(false),
});
export type IntakeConfig = z.infer<typeof intakeEnvSchema>;

export function loadIntakeConfig(source: NodeJS.ProcessEnv = process.env): IntakeConfig {
  return loadConfig(intakeEnvSchema, source);
}
