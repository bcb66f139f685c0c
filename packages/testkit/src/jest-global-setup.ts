import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startInfra, type RunningInfra } from '@koppel/infra';
import { startServices, type RunningServices } from '@koppel/launcher';
import { localStackAuth } from './auth';
import { removeStaleTestRuns, testRunDirFor, writeTestStack } from './stack-file';

/**
 * Starts the real infrastructure (Kafka, MongoDB-protocol database, mail
 * catcher) and the four services once for the whole integration run.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`[test stack] ${line}\n`);
  removeStaleTestRuns();
  const TEST_RUN_DIR = testRunDirFor(process.pid);
  rmSync(TEST_RUN_DIR, { recursive: true, force: true });
  mkdirSync(TEST_RUN_DIR, { recursive: true });
  const infra: RunningInfra = await startInfra({ ports: 'ephemeral', mailCatcher: true, runDir: join(TEST_RUN_DIR, 'infra'), log });
  const endpoints = infra.endpoints;
  if (!endpoints.smtp || !endpoints.mailInboxUrl) throw new Error('the mail catcher did not start');
  const namespace = `test${Date.now().toString(36)}`;
  const auth = localStackAuth('test-admin');
  let services: RunningServices;
  try {
    services = await startServices({
      infra: endpoints,
      ports: 'ephemeral',
      logDir: join(TEST_RUN_DIR, 'services'),
      namespace,
      env: { LOG_LEVEL: 'info', OUTBOX_INTERVAL_MS: '500', AUTH_TOKEN_SECRET: auth.secret, INTAKE_RATE_LIMIT_PER_MINUTE: '100000' },
      log,
    });
  } catch (error) {
    await infra.stop();
    throw error;
  }
  (globalThis as Record<string, unknown>).__koppelStack = { infra, services };
  writeTestStack({
    mode: infra.mode,
    kafkaBrokers: endpoints.kafkaBrokers,
    mongoUri: endpoints.mongoUri,
    smtp: endpoints.smtp,
    mailInboxUrl: endpoints.mailInboxUrl,
    services: services.services,
    namespace,
    runDir: TEST_RUN_DIR,
    authSecret: auth.secret,
    adminToken: auth.adminToken,
  });
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${infra.mode} mode)`);
}
