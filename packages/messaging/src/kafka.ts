import { ConfigResourceTypes, Kafka, logLevel as KafkaLogLevel, type Admin, type LogEntry } from 'kafkajs';
import { COMPACTED_TOPICS } from '@koppel/contracts';
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

export interface TopicOptions {
  partitions?: number;
  /** State topics: how long before a key's superseded records are compacted away (KAFKA_MAX_COMPACTION_LAG_MS). */
  maxCompactionLagMs?: number;
}

/**
 * The topic-level settings koppel relies on: compaction for the state topics
 * (COMPACTED_TOPICS), within a bounded time, so an erased organisation's earlier
 * records (its contacts) are gone from the topic after `maxCompactionLagMs`.
 */
export function topicConfigOf(topic: string, options: TopicOptions = {}): { name: string; value: string }[] {
  if (!COMPACTED_TOPICS.has(topic)) return [{ name: 'cleanup.policy', value: 'delete' }];
  return [
    { name: 'cleanup.policy', value: 'compact' },
    { name: 'min.compaction.lag.ms', value: '0' },
    { name: 'max.compaction.lag.ms', value: String(options.maxCompactionLagMs ?? 86_400_000) },
  ];
}

/**
 * Creates the topics if they are missing, with their settings (`topicConfigOf`),
 * and brings the cleanup policy of existing ones in line (a broker set up before
 * the state topics were compacted). Consumers that subscribe before a topic exists
 * get errors on KRaft, so every service calls this at start.
 */
export async function ensureTopics(kafka: Kafka, topics: string[], options: TopicOptions = {}): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: options.partitions ?? 3,
            replicationFactor: 1,
            configEntries: topicConfigOf(topic, options),
          })),
        })
        .catch((error: Error) => {
          // Two services starting at once may both try to create a topic.
          if (!String(error.message).includes('already exists')) throw error;
        });
    }
    const compacted = topics.filter((t) => existing.has(t) && COMPACTED_TOPICS.has(t));
    if (compacted.length > 0) await alignStateTopicSettings(admin, compacted, options);
  } finally {
    await admin.disconnect();
  }
}

/** Brings existing state topics' settings in line with `topicConfigOf` (AlterConfigs replaces a topic's settings: all are given). */
async function alignStateTopicSettings(admin: Admin, topics: string[], options: TopicOptions): Promise<void> {
  const configNames = topicConfigOf(topics[0], options).map((e) => e.name);
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames })),
  });
  const differs = (r: (typeof described.resources)[number]) =>
    topicConfigOf(r.resourceName, options).some(
      (want) => r.configEntries.find((e) => e.configName === want.name)?.configValue !== want.value,
    );
  const wrong = described.resources.filter(differs).map((r) => r.resourceName);
  if (wrong.length === 0) return;
  await admin.alterConfigs({
    validateOnly: false,
    resources: wrong.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configEntries: topicConfigOf(name, options) })),
  });
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
        if (attempt === 1 || attempt % 10 === 0)
          logger.warn(`${what} failed, retrying in the background`, { attempt, error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5))));
      }
    }
  })();
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
