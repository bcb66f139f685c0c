import type { Admin, Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Subscription } from './consumer';

/** One readiness check: ok or not, with what an operator needs to see why. */
export interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}
export type ReadinessCheck = () => Promise<CheckResult>;

const CHECK_TIMEOUT_MS = 2000;

/** The database answers a ping. */
export function databaseCheck(connection: Connection): ReadinessCheck {
  return async () => {
    try {
      if (!connection.db) return { ok: false, error: 'not connected' };
      await withTimeout(connection.db.admin().ping(), 'database ping');
      return { ok: true };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  };
}

/** The broker answers a metadata request (one admin client, reconnected after a failure). */
export function brokerCheck(kafka: Kafka): ReadinessCheck & { close(): Promise<void> } {
  let admin: Admin | null = null;
  const check = async (): Promise<CheckResult> => {
    try {
      if (!admin) {
        admin = kafka.admin({ retry: { retries: 0 } });
        await withTimeout(admin.connect(), 'broker connect');
      }
      const cluster = await withTimeout(admin.describeCluster(), 'broker metadata');
      return { ok: true, brokers: cluster.brokers.length };
    } catch (error) {
      const stale = admin;
      admin = null;
      await stale?.disconnect().catch(() => undefined);
      return { ok: false, error: (error as Error).message };
    }
  };
  return Object.assign(check, { close: async () => void (await admin?.disconnect().catch(() => undefined)) });
}

/** The consumer is in its group and not waiting out a failure. */
export function consumerCheck(subscription: Subscription): ReadinessCheck {
  return async () => {
    const status = subscription.status();
    return { ok: status.state === 'running', ...status };
  };
}

async function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took longer than ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
