import type { Admin, Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { TOPICS } from '@koppel/contracts';
import { readTopic, type ReadMessage } from '../topic-reader';

/**
 * Where a load run's events are, read from the broker and the services'
 * databases, never from the services' own counters: how far each consumer group
 * is behind (cheap, polled while draining), and at the end which accepted
 * listings reached the matcher and which proposals reached review.
 */
export interface PipelineNames {
  /** Consumer groups of the matcher and review (the launcher's `<namespace>-koppel-<service>`). */
  matcherGroup: string;
  reviewGroup: string;
  /** Databases of the matcher and review. */
  matcherDb: string;
  reviewDb: string;
}

export function pipelineNames(namespace: string): PipelineNames {
  const ns = namespace ? `${namespace}-` : '';
  return {
    matcherGroup: `${ns}koppel-matcher`,
    reviewGroup: `${ns}koppel-review`,
    matcherDb: `${ns}koppel-matcher`,
    reviewDb: `${ns}koppel-review`,
  };
}

export interface PipelineLag {
  /** Events on the listing topics (offers + requests), summed over partitions. */
  listingsPublished: number;
  matcherBehind: number;
  proposalsPublished: number;
  reviewBehind: number;
}

async function topicEnd(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high), 0);
}

async function committed(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (entry?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

export async function pipelineLag(admin: Admin, names: PipelineNames): Promise<PipelineLag> {
  const [offers, requests, proposals, matcherOffers, matcherRequests, reviewProposals] = await Promise.all([
    topicEnd(admin, TOPICS.offers),
    topicEnd(admin, TOPICS.requests),
    topicEnd(admin, TOPICS.matchesProposed),
    committed(admin, names.matcherGroup, TOPICS.offers),
    committed(admin, names.matcherGroup, TOPICS.requests),
    committed(admin, names.reviewGroup, TOPICS.matchesProposed),
  ]);
  return {
    listingsPublished: offers + requests,
    matcherBehind: offers + requests - matcherOffers - matcherRequests,
    proposalsPublished: proposals,
    reviewBehind: proposals - reviewProposals,
  };
}

/**
 * Waits until the listing events of this run are all published and both consumer
 * groups have caught up (twice in a row), or the timeout passes. Resolves with the
 * time it was drained (performance.now()), or undefined on time-out.
 */
export async function waitForDrain(
  admin: Admin,
  names: PipelineNames,
  options: { publishedAtLeast: number; timeoutMs: number; onPoll?: (lag: PipelineLag) => void },
): Promise<number | undefined> {
  const deadline = performance.now() + options.timeoutMs;
  let calm = 0;
  while (performance.now() < deadline) {
    const lag = await pipelineLag(admin, names);
    options.onPoll?.(lag);
    const caughtUp = lag.listingsPublished >= options.publishedAtLeast && lag.matcherBehind <= 0 && lag.reviewBehind <= 0;
    calm = caughtUp ? calm + 1 : 0;
    if (calm >= 2) return performance.now();
    await new Promise((r) => setTimeout(r, 250));
  }
  return undefined;
}

/** Every message of a topic up to its current end (the topic reader, told how many to expect). */
export async function readWholeTopic(kafka: Kafka, topic: string, timeoutMs = 60_000): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const wanted = ends.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  if (wanted === 0) return [];
  return readTopic(kafka, topic, (messages) => messages.length >= wanted, timeoutMs);
}

/** One accepted listing of the run, as the load generator saw it. */
export interface AcceptedListing {
  kind: 'request' | 'offer';
  id: string;
  sentAt: number;
}

export interface PipelineReport {
  /** Accepted listings the matcher never stored, plus proposals on the topic that review never stored. */
  unprocessed: number;
  missingAtMatcher: string[];
  missingAtReview: string[];
  /** Per accepted request with at least one proposal in review: first proposal stored − POST sent (ms). */
  proposalLatencies: number[];
  requestsWithProposals: number;
}

/**
 * Checks a run against the databases and the proposals topic: every accepted
 * listing must be in the matcher's store, and every proposal the matcher
 * published for this run's listings must be in review's store. The latency of a
 * request's proposals is review's own `createdAt` of the first one.
 */
export async function checkPipeline(
  kafka: Kafka,
  mongoUri: string,
  names: PipelineNames,
  accepted: AcceptedListing[],
): Promise<PipelineReport> {
  const ids = new Set(accepted.map((a) => a.id));
  const client = new MongoClient(mongoUri, { directConnection: true });
  await client.connect();
  try {
    const matcher = client.db(names.matcherDb);
    const seen = new Set<string>();
    for (const collection of ['offers', 'requests']) {
      for await (const doc of matcher.collection<{ _id: string }>(collection).find({}, { projection: { _id: 1 } }))
        if (ids.has(doc._id)) seen.add(doc._id);
    }
    const missingAtMatcher = accepted.filter((a) => !seen.has(a.id)).map((a) => a.id);

    const published = new Set<string>();
    for (const { value } of await readWholeTopic(kafka, TOPICS.matchesProposed)) {
      const match = value ? JSON.parse(value)?.payload?.match : undefined;
      if (match && (ids.has(match.requestId) || ids.has(match.offerId))) published.add(match.matchId);
    }
    const firstProposalAt = new Map<string, number>();
    const stored = new Set<string>();
    const proposals = client.db(names.reviewDb).collection<{ _id: string; match: { requestId: string }; createdAt: Date }>('proposals');
    for await (const doc of proposals.find({}, { projection: { _id: 1, 'match.requestId': 1, createdAt: 1 } })) {
      stored.add(doc._id);
      const requestId = doc.match?.requestId;
      if (!ids.has(requestId)) continue;
      const at = new Date(doc.createdAt).getTime();
      firstProposalAt.set(requestId, Math.min(at, firstProposalAt.get(requestId) ?? Infinity));
    }
    const missingAtReview = [...published].filter((id) => !stored.has(id));
    const proposalLatencies = accepted
      .filter((a) => a.kind === 'request' && firstProposalAt.has(a.id))
      .map((a) => firstProposalAt.get(a.id)! - a.sentAt);
    return {
      unprocessed: missingAtMatcher.length + missingAtReview.length,
      missingAtMatcher,
      missingAtReview,
      proposalLatencies,
      requestsWithProposals: proposalLatencies.length,
    };
  } finally {
    await client.close();
  }
}
