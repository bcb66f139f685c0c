import type { BatchControl, CheckResult, ConsumeOptions, InboundMessage, StoredMessage, TopicOptions, Transport } from '../transport';

interface Stored {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Where a group has got to on one partition: the next offset to hand out. */
type Positions = Map<string, number>;

const BATCH_SIZE = 100;

/**
 * An in-process broker for component tests of one service: topics with partitions
 * (by key, so one key keeps its order), consumer groups with committed offsets,
 * redelivery from the last commit after a failed batch. It is a test double of the
 * broker with the same contract as the Kafka transport, not a mock of kafkajs: the
 * service's real publishing, consuming, retries and dead letters run on it.
 * Not simulated: compaction, rebalancing, more than one member per group.
 */
export function createMemoryTransport(options: { partitions?: number } = {}): Transport & {
  /** Resolves once every consumer has nothing left to handle (committed up to the end of every partition it reads). */
  idle(timeoutMs?: number): Promise<void>;
} {
  const partitionsPerTopic = options.partitions ?? 3;
  const topics = new Map<string, Stored[][]>();
  const committed = new Map<string, Positions>();
  const consumers = new Set<{ groupId: string; topics: string[]; wake(): void; busy: boolean }>();

  const topicOf = (name: string, create: boolean): Stored[][] | undefined => {
    if (!topics.has(name) && create)
      topics.set(
        name,
        Array.from({ length: partitionsPerTopic }, () => []),
      );
    return topics.get(name);
  };
  const partitionOf = (key: string | null, count: number): number => {
    if (key === null) return 0;
    let hash = 0;
    for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) | 0;
    return Math.abs(hash) % count;
  };
  const groupPositions = (groupId: string): Positions => {
    if (!committed.has(groupId)) committed.set(groupId, new Map());
    return committed.get(groupId)!;
  };
  const pending = (groupId: string, names: string[]): boolean =>
    names.some((name) => (topics.get(name) ?? []).some((log, p) => (groupPositions(groupId).get(`${name}/${p}`) ?? 0) < log.length));

  return {
    async send(batches) {
      for (const { topic, messages } of batches) {
        const partitions = topicOf(topic, false);
        if (!partitions) throw new Error(`This server does not host this topic-partition: ${topic}`);
        for (const m of messages) {
          const value = m.value === null ? null : Buffer.isBuffer(m.value) ? m.value : Buffer.from(m.value);
          partitions[partitionOf(m.key, partitions.length)].push({ key: m.key, value, headers: { ...m.headers } });
        }
      }
      for (const consumer of consumers) consumer.wake();
    },

    async consume(options: ConsumeOptions) {
      const positions = groupPositions(options.groupId);
      for (const name of options.topics) {
        const partitions = topicOf(name, false);
        if (!partitions) throw new Error(`This server does not host this topic-partition: ${name}`);
        for (const [p, log] of partitions.entries()) {
          const key = `${name}/${p}`;
          if (!positions.has(key)) positions.set(key, options.fromBeginning ? 0 : log.length);
        }
      }
      let running = true;
      // Set by a send during a pass too, so the loop never sleeps on messages it has not seen.
      let woken = false;
      let wakeUp: () => void = () => undefined;
      const wake = () => {
        woken = true;
        wakeUp();
      };
      const entry = { groupId: options.groupId, topics: options.topics, busy: false, wake };
      consumers.add(entry);
      options.onJoin();

      /** Hands each partition's uncommitted messages to the consumer, one batch per partition. */
      const pass = async (): Promise<boolean> => {
        let handed = false;
        for (const name of options.topics) {
          const partitions = topics.get(name) ?? [];
          for (let p = 0; p < partitions.length && running; p++) {
            const key = `${name}/${p}`;
            const from = positions.get(key) ?? 0;
            const log = partitions[p];
            if (from >= log.length) continue;
            handed = true;
            const messages: InboundMessage[] = log
              .slice(from, from + BATCH_SIZE)
              .map((m, i) => ({ key: m.key, value: m.value, headers: { ...m.headers }, offset: String(from + i) }));
            let resolved = from;
            const control: BatchControl = {
              resolveOffset: (offset) => {
                resolved = Math.max(resolved, Number(offset) + 1);
              },
              commit: async () => {
                positions.set(key, resolved);
              },
              heartbeat: async () => undefined,
              isRunning: () => running,
              isStale: () => false,
            };
            try {
              await options.eachBatch({ topic: name, partition: p, highWatermark: String(log.length), messages }, control);
            } catch (error) {
              // Like a crashed Kafka consumer that restarts: what was not committed comes again.
              options.onCrash(error as Error, true);
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
          }
        }
        return handed;
      };

      const loop = (async () => {
        while (running) {
          entry.busy = true;
          woken = false;
          const handed = await pass();
          entry.busy = false;
          if (!handed && !woken && running)
            await new Promise<void>((resolve) => {
              wakeUp = resolve;
            });
        }
      })();
      return {
        stop: async () => {
          running = false;
          wake();
          await loop;
          consumers.delete(entry);
        },
      };
    },

    async ensureTopics(names: string[], _options?: TopicOptions) {
      for (const name of names) topicOf(name, true);
    },

    async readTopic(name) {
      const stored: StoredMessage[] = [];
      for (const [partition, log] of (topics.get(name) ?? []).entries()) {
        for (const [offset, m] of log.entries()) {
          stored.push({
            partition,
            offset: String(offset),
            key: m.key,
            value: m.value?.toString('utf8') ?? null,
            headers: { ...m.headers },
          });
        }
      }
      return stored;
    },

    async topicSize(name) {
      return (topics.get(name) ?? []).reduce((n, log) => n + log.length, 0);
    },

    async check(): Promise<CheckResult> {
      return { ok: true, brokers: 1 };
    },

    async close() {
      for (const consumer of consumers) consumer.wake();
    },

    async idle(timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const busy = [...consumers].some((c) => c.busy || pending(c.groupId, c.topics));
        if (!busy) return;
        if (Date.now() > until) throw new Error(`consumers still busy after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
  };
}
