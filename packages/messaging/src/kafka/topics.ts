import { type Admin, ConfigResourceTypes, type Kafka } from 'kafkajs';
import { COMPACTED_TOPICS } from '@koppel/contracts';
import type { TopicOptions } from '../transport';

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
