import type { Admin } from 'kafkajs';
import { TOPICS } from '@koppel/contracts';

/**
 * Where the consumers are, from Kafka's offsets alone: a snapshot of every
 * topic's end, and whether each service's consumer group has committed up to it.
 * "Recovered" after a fault means: everything written before the fault ended has
 * been consumed by every service.
 */
export const GROUP_TOPICS: Record<'matcher' | 'review' | 'notifier', string[]> = {
  matcher: [TOPICS.offers, TOPICS.requests],
  review: [TOPICS.matchesProposed, TOPICS.mails, TOPICS.offers, TOPICS.requests],
  notifier: [TOPICS.matchesDecided, TOPICS.matchesAnswered, TOPICS.mails, TOPICS.signIn, TOPICS.organisations],
};

/** topic → partition → end offset. */
export type TopicEnds = Map<string, Map<number, bigint>>;

export async function topicEnds(admin: Admin): Promise<TopicEnds> {
  const topics = [...new Set(Object.values(GROUP_TOPICS).flat())];
  const ends: TopicEnds = new Map();
  for (const topic of topics) ends.set(topic, new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)])));
  return ends;
}

/** How many messages the groups still have to consume before they reach `ends` (0: caught up). */
export async function behind(admin: Admin, namespace: string, ends: TopicEnds): Promise<number> {
  let total = 0n;
  for (const [service, topics] of Object.entries(GROUP_TOPICS)) {
    const groupId = `${namespace}-koppel-${service}`;
    for (const entry of await admin.fetchOffsets({ groupId, topics })) {
      const committed = new Map(entry.partitions.map((p) => [p.partition, BigInt(p.offset)]));
      for (const [partition, end] of ends.get(entry.topic) ?? []) {
        const at = committed.get(partition) ?? -1n;
        const done = at < 0n ? 0n : at;
        if (end > done) total += end - done;
      }
    }
  }
  return Number(total);
}

/** Polls until the groups reach `ends` (twice in a row); resolves with the time taken (ms), or undefined after `timeoutMs`. */
export async function waitUntilConsumed(
  admin: Admin,
  namespace: string,
  ends: TopicEnds,
  timeoutMs: number,
  onPoll?: (left: number) => void,
): Promise<number | undefined> {
  const started = performance.now();
  let calm = 0;
  while (performance.now() - started < timeoutMs) {
    const left = await behind(admin, namespace, ends).catch(() => Number.NaN);
    onPoll?.(left);
    calm = left === 0 ? calm + 1 : 0;
    if (calm >= 2) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return undefined;
}
