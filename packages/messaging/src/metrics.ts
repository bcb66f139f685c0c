import { Counter, Gauge, register } from 'prom-client';

/** A counter in the default registry, created once per process (a second call returns the first). */
export function counter(name: string, help: string, labelNames: string[]): Counter {
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames });
}

/** A gauge in the default registry, created once per process; `collect` sets it when Prometheus scrapes. */
export function gauge(name: string, help: string, labelNames: string[], collect?: (gauge: Gauge) => void): Gauge {
  return (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help, labelNames, ...(collect ? { collect() { collect(this); } } : {}) });
}

/**
 * What consumers and the outbox relay report to Prometheus (prom-client's default
 * registry, served at `/metrics` by every service: packages/http). Created once per
 * process; labels say which consumer group and topic.
 */
export const consumerMetrics = {
  /** Every failed attempt that will be retried (a transient failure, or an unknown one within maxAttempts). */
  retries: counter('koppel_consumer_retries_total', 'Failed attempts of a consumer that will be retried', ['group', 'topic']),
  /** 1 while a consumer group waits out a failure, else 0: alert when it stays 1. */
  retrying: gauge('koppel_consumer_retrying', 'Whether the consumer is waiting out a failure (1) or consuming (0)', ['group']),
  /** Seconds since the failure that is being waited out began (0 when none). */
  retryingSeconds: gauge('koppel_consumer_retrying_seconds', 'How long the current failure has lasted', ['group']),
  deadLettered: counter('koppel_consumer_dead_lettered_total', 'Messages parked in a dead-letter topic', ['group', 'topic']),
};

export const outboxMetrics = {
  parked: counter('koppel_outbox_parked_total', 'Outbox entries parked because they fail their schema', ['model']),
};
