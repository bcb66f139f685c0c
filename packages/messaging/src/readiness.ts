import type { Connection } from 'mongoose';
import type { Subscription } from './consumer';
import type { CheckResult, Transport } from './transport';
import { withTimeout } from './with-timeout';

export type { CheckResult };
export type ReadinessCheck = () => Promise<CheckResult>;

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
