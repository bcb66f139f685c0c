import type { Connection } from 'mongoose';
import type { Subscription } from './consumer';
import type { CheckResult, Transport } from './transport';

export type { CheckResult };
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

/** The broker answers (a metadata request on Kafka). */
export function brokerCheck(transport: Transport): ReadinessCheck {
  return () => transport.check();
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
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} took longer than ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
