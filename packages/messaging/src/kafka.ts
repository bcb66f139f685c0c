import { Kafka, logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@koppel/logging';

// kafkajs warns about its partitioner change on every producer; the default
// (murmur2, Java-compatible) is what we want, so the warning is noise.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

/** A kafkajs client whose own log lines go through our structured logger. */
export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger }): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: KafkaLogLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      const fields = { namespace: entry.namespace, ...rest };
      if (entry.level <= KafkaLogLevel.ERROR) log.error(message, fields);
      else if (entry.level === KafkaLogLevel.WARN) log.warn(message, fields);
      else log.debug(message, fields);
    },
  });
}

/**
 * Creates the topics if they are missing. Consumers that subscribe before a
 * topic exists get errors on KRaft, so every service calls this at start.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], options: { partitions?: number } = {}): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({ topic, numPartitions: options.partitions ?? 3, replicationFactor: 1 })),
    });
  } catch (error) {
    // Two services starting at once may both try to create a topic.
    if (!String((error as Error).message).includes('already exists')) throw error;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Runs `work` (e.g. creating topics) until it succeeds, in the background, with
 * capped backoff: a service starts while the broker is away and catches up later.
 */
export function retryInBackground(what: string, work: () => Promise<void>, logger: Logger): { done: Promise<void>; stop(): void } {
  let stopped = false;
  const done = (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await work();
        if (attempt > 1) logger.info(`${what}: done after the broker came back`, { attempt });
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 10 === 0) logger.warn(`${what} failed, retrying in the background`, { attempt, error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5))));
      }
    }
  })();
  return { done, stop: () => void (stopped = true) };
}
