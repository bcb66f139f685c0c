import { Counter, Gauge, register } from 'prom-client';

/** A counter in the default registry, created once per process (a second call returns the first). */
export function counter(name: string, help: string, labelNames: string[]): Counter {
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help, labelNames });
}

/** A gauge in the default registry, created once per process; `collect` sets it when Prometheus scrapes. */
export function gauge(name: string, help: string, labelNames: string[], collect?: (gauge: Gauge) => void): Gauge {
  return (
    (register.getSingleMetric(name) as Gauge | undefined) ??
    new Gauge({
      name,
      help,
      labelNames,
      ...(collect
        ? {
            collect() {
              collect(this);
            },
          }
        : {}),
    })
  );
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
  /**
   * Messages on a partition not yet committed by the group, as of the last batch it
   * fetched (the broker's high watermark then, minus the next offset to handle): the
   * backlog a consumer is working through. Read from the batch, so it costs no request.
   */
  lag: gauge('koppel_consumer_lag_messages', 'Messages behind the end of the partition, as of the last batch fetched', [
    'group',
    'topic',
    'partition',
  ]),
};

export const outboxMetrics = {
  parked: counter('koppel_outbox_parked_total', 'Outbox entries parked because they fail their schema', ['model']),
  published: counter('koppel_outbox_published_total', 'Outbox events published to the broker', ['model']),
};

const backlogSources = new Set<() => Map<string, number>>();

/**
 * Documents with events waiting to be published, per model, as the relay knows them
 * (named by a writer or found by a sweep, not yet published): read from memory when
 * Prometheus scrapes. A backlog that grows while `published` stands still means the
 * broker or database is away. Returns the function that unregisters the source (a
 * stopped relay).
 */
export function reportOutboxBacklog(source: () => Map<string, number>): () => void {
  gauge('koppel_outbox_backlog_documents', 'Documents with events waiting in the outbox, as the relay knows them', ['model'], (g) => {
    g.reset();
    for (const read of backlogSources) for (const [model, count] of read()) g.inc({ model }, count);
  });
  backlogSources.add(source);
  return () => backlogSources.delete(source);
}
