import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ServiceName } from '@koppel/launcher';

/**
 * What the jest global setup started, written to a file because global setup
 * and the test files do not share memory.
 */
export interface TestStack {
  mode: 'local' | 'containers';
  kafkaBrokers: string[];
  mongoUri: string;
  smtp: { host: string; port: number };
  mailInboxUrl: string;
  services: Record<ServiceName, { url: string; pid: number; logFile: string }>;
  /** Prefix of the databases and consumer groups the shared services use. */
  namespace: string;
  runDir: string;
  /** AUTH_TOKEN_SECRET the services got, so tests can sign tokens of any role. */
  authSecret: string;
  /** A token with the admin role. */
  adminToken: string;
}

/** Every test run gets its own folder, so two runs on one checkout never touch each other's stack. */
export const TEST_RUNS_DIR = resolve(__dirname, '../../../.run/test');
const STACK_FILE_ENV = 'KOPPEL_TEST_STACK_FILE';

export function testRunDirFor(pid: number): string {
  return resolve(TEST_RUNS_DIR, `run-${pid}`);
}

/**
 * Writes the stack description and tells the test files where it is: global
 * setup runs in the same process as in-band tests, which inherit its env.
 */
export function writeTestStack(stack: TestStack): void {
  const file = resolve(stack.runDir, 'stack.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(stack, null, 2));
  process.env[STACK_FILE_ENV] = file;
}

export function readTestStack(): TestStack {
  const file = process.env[STACK_FILE_ENV];
  if (!file)
    throw new Error(
      `${STACK_FILE_ENV} is not set: integration tests must run through the jest 'integration' project, whose global setup starts the stack`,
    );
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TestStack;
  } catch (error) {
    throw new Error(`cannot read the test stack at ${file}: ${(error as Error).message}`);
  }
}

/** Removes the folders of earlier runs whose process is gone (their stack was stopped or died with them). */
export function removeStaleTestRuns(): void {
  if (!existsSync(TEST_RUNS_DIR)) return;
  for (const name of readdirSync(TEST_RUNS_DIR)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (!pid || isProcessAlive(pid)) continue;
    rmSync(resolve(TEST_RUNS_DIR, name), { recursive: true, force: true });
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
