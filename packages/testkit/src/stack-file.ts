import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

export const TEST_RUN_DIR = resolve(__dirname, '../../../.run/test');
const STACK_FILE = resolve(TEST_RUN_DIR, 'stack.json');

export function writeTestStack(stack: TestStack): void {
  mkdirSync(dirname(STACK_FILE), { recursive: true });
  writeFileSync(STACK_FILE, JSON.stringify(stack, null, 2));
}

export function readTestStack(): TestStack {
  try {
    return JSON.parse(readFileSync(STACK_FILE, 'utf8')) as TestStack;
  } catch (error) {
    throw new Error(`no test stack at ${STACK_FILE}: integration tests must run through the jest 'integration' project (${(error as Error).message})`);
  }
}
