import { randomBytes } from 'node:crypto';
import { ALL_TOPICS } from '@koppel/contracts';
import { createLogger } from '@koppel/logging';
import type { Transport } from '@koppel/messaging';
import { readTestStack } from '@koppel/testkit';
import { intake, loadIntakeConfig, type RunningIntake } from '../../src';

/**
 * Intake on the test stack's real database (`INTAKE_DB`, one per test file), with an
 * in-process transport standing in for Kafka; `env` adds or overrides settings.
 */
export async function startIntakeOn(transport: Transport, env: { INTAKE_DB: string } & Record<string, string>): Promise<RunningIntake> {
  const stack = readTestStack();
  await transport.ensureTopics(ALL_TOPICS);
  const config = loadIntakeConfig({
    MONGO_URI: stack.mongoUri,
    INTAKE_PORT: '0',
    AUTH_TOKEN_SECRET: stack.authSecret,
    SIGNIN_LINK_KEY: randomBytes(32).toString('base64url'),
    KAFKA_BROKERS: 'not-used:9092',
    OUTBOX_INTERVAL_MS: '100',
    ...env,
  });
  return intake.start(config, createLogger('intake', { write: () => undefined }), { transport });
}
