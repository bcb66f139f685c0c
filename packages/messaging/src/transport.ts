/**
 * What koppel needs from a message broker, and nothing of a particular client's
 * types: the Kafka implementation (kafka/transport.ts, kafkajs) runs in production,
 * the demo and the end-to-end tests; the in-process one (memory/transport.ts) runs
 * component tests of a single service. Publishing, consuming with retries and
 * dead letters, readiness and the dead-letter tools are written once against this.
 */

/** A message to send: the key decides the partition (same key, same order). */
export interface OutboundMessage {
  key: string | null;
  value: string | Buffer | null;
  headers?: Record<string, string>;
}

/** A message as consumed from one partition. */
export interface InboundMessage {
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  offset: string;
}

/** Messages of one partition handed to a consumer, in order. */
export interface InboundBatch {
  topic: string;
  partition: number;
  /** The partition's end (offset of the next message to be written) when the batch was fetched. */
  highWatermark: string;
  messages: InboundMessage[];
}

/** What a consumer may do while it handles a batch. */
export interface BatchControl {
  /** Marks everything up to this offset as done (committed by `commit`). */
  resolveOffset(offset: string): void;
  /** Commits the resolved offsets of the group. */
  commit(): Promise<void>;
  /** Tells the group the consumer is alive during long work. */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping. */
  isRunning(): boolean;
  /** True once the partition was given to another member: stop, the rest is redelivered there. */
  isStale(): boolean;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /** Where a group without committed offsets starts: the beginning (true) or the end. */
  fromBeginning: boolean;
  /** Handles one batch; throwing makes the transport redeliver from the last commit. */
  eachBatch(batch: InboundBatch, control: BatchControl): Promise<void>;
  /** The consumer joined its group and consumes. */
  onJoin(): void;
  /** The consumer failed; `restarting` tells whether the transport starts it again by itself. */
  onCrash(error: Error, restarting: boolean): void;
}

/** A message as stored on a topic (tools: dead-letter listing, topic readers). */
export interface StoredMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface TopicOptions {
  partitions?: number;
  /** State topics: how long before a key's superseded records are compacted away (KAFKA_MAX_COMPACTION_LAG_MS). */
  maxCompactionLagMs?: number;
}

/** The answer of a readiness check: ok, plus details for an operator. */
export interface CheckResult {
  ok: boolean;
  [detail: string]: unknown;
}

export interface Transport {
  /** Sends messages for several topics in one request, in the order given per key; resolves once stored (all replicas). */
  send(batches: Array<{ topic: string; messages: OutboundMessage[] }>): Promise<void>;
  /** Starts a consumer of the group; resolves once it runs. */
  consume(options: ConsumeOptions): Promise<{ stop(): Promise<void> }>;
  /** Creates missing topics with koppel's settings (compaction for state topics) and aligns existing ones. */
  ensureTopics(topics: string[], options?: TopicOptions): Promise<void>;
  /** Every message of a topic from its beginning to its end as it is now; empty if it does not exist. */
  readTopic(topic: string): Promise<StoredMessage[]>;
  /** How many messages a topic holds (end minus start offsets); 0 if it does not exist. */
  topicSize(topic: string): Promise<number>;
  /** Whether the broker answers now (readiness). */
  check(): Promise<CheckResult>;
  /** Closes what the transport opened (producer, admin connections). */
  close(): Promise<void>;
}
