import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Logger } from '@koppel/logging';
import type { CheckResult, ConsumeOptions, Transport } from '../transport';
import { createKafka } from './client';
import { readWholeTopic } from './read-topic';
import { ensureTopics } from './topics';
import { withTimeout } from '../with-timeout';
import { textHeaders } from './headers';

/**
 * Kafka through kafkajs: one producer (acks from all replicas), a consumer per
 * `consume` (batches of one partition, offsets resolved and committed by the caller),
 * one admin client for readiness (reconnected after a failure).
 */
export function createKafkaTransport(options: { brokers: string[]; clientId: string; logger: Logger }): Transport {
  return kafkaTransportOf(createKafka(options));
}

/** The transport over an existing kafkajs client (tools that also use the client themselves). */
export function kafkaTransportOf(kafka: Kafka): Transport {
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  let producerConnected: Promise<void> | null = null;
  let checkAdmin: Admin | null = null;

  const connectedProducer = async () => {
    producerConnected ??= producer.connect().catch((error) => {
      producerConnected = null;
      throw error;
    });
    await producerConnected;
    return producer;
  };

  return {
    async send(batches) {
      const topicMessages = batches.filter((b) => b.messages.length > 0);
      if (topicMessages.length === 0) return;
      await (await connectedProducer()).sendBatch({ acks: -1, topicMessages });
    },

    async consume(consumeOptions: ConsumeOptions) {
      const consumer = kafka.consumer({ groupId: consumeOptions.groupId, sessionTimeout: 30000, heartbeatInterval: 3000 });
      consumer.on(consumer.events.GROUP_JOIN, () => consumeOptions.onJoin());
      consumer.on(consumer.events.CRASH, ({ payload }) => consumeOptions.onCrash(payload.error, payload.restart));
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: consumeOptions.topics, fromBeginning: consumeOptions.fromBeginning });
      } catch (error) {
        await consumer.disconnect().catch(() => undefined);
        throw error;
      }
      await consumer.run({
        eachBatchAutoResolve: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) =>
          consumeOptions.eachBatch(
            {
              topic: batch.topic,
              partition: batch.partition,
              highWatermark: batch.highWatermark,
              messages: batch.messages.map((m) => ({
                key: m.key?.toString() ?? null,
                value: m.value,
                headers: textHeaders(m.headers),
                offset: m.offset,
              })),
            },
            { resolveOffset, commit: () => commitOffsetsIfNecessary(), heartbeat, isRunning, isStale },
          ),
      });
      return { stop: () => consumer.disconnect() };
    },

    ensureTopics: (topics, topicOptions) => ensureTopics(kafka, topics, topicOptions),

    readTopic: (topic) => readWholeTopic(kafka, topic),

    async topicSize(topic) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        if (!(await admin.listTopics()).includes(topic)) return 0;
        return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
      } finally {
        await admin.disconnect();
      }
    },

    async check(): Promise<CheckResult> {
      try {
        if (!checkAdmin) {
          checkAdmin = kafka.admin({ retry: { retries: 0 } });
          await withTimeout(checkAdmin.connect(), 'broker connect');
        }
        const cluster = await withTimeout(checkAdmin.describeCluster(), 'broker metadata');
        return { ok: true, brokers: cluster.brokers.length };
      } catch (error) {
        const stale = checkAdmin;
        checkAdmin = null;
        await stale?.disconnect().catch(() => undefined);
        return { ok: false, error: (error as Error).message };
      }
    },

    async close() {
      await checkAdmin?.disconnect().catch(() => undefined);
      checkAdmin = null;
      if (producerConnected) {
        producerConnected = null;
        await producer.disconnect();
      }
    },
  };
}
