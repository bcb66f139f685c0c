import type { Admin, Kafka } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { ALL_TOPICS, TOPICS } from '@koppel/contracts';
import { readWholeTopic } from '../load/pipeline';
import type { CaughtMail } from '../mail-inbox';

/**
 * The end of a fault campaign, judged from the broker, the databases and the
 * SMTP capture, never from the services' own counters.
 */
export interface CampaignVerdict {
  /** Accepted listings missing on their topic or in the matcher's store, plus approved matches missing a mail to either side. */
  lost: number;
  lostSamples: string[];
  /** Mails received more than once (same Message-ID), counted once per extra copy. */
  duplicateMails: number;
  /** Messages that reached a dead-letter topic during the campaign. */
  deadLettered: number;
  /** Deliveries still 'sending', answered matches not settled, outbox entries not published or parked. */
  stuck: number;
  stuckSamples: string[];
  approvedMatches: number;
  mails: number;
}

/** Messages in every dead-letter topic now (sum over partitions of the end offsets). */
export async function deadLetterTotal(admin: Admin): Promise<number> {
  const existing = new Set(await admin.listTopics());
  let total = 0;
  for (const topic of ALL_TOPICS.filter((t) => t.endsWith('.dlq') && existing.has(t)))
    total += (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
  return total;
}

/** The Message-ID the notifier gives the approval mail of one side of a match (deliver-once.ts). */
function approvalMessageId(matchId: string, side: 'school' | 'provider'): string {
  return `<${encodeURIComponent(matchId)}.${side}@koppel>`;
}

export async function verifyCampaign(o: {
  kafka: Kafka;
  admin: Admin;
  mongoUri: string;
  namespace: string;
  accepted: Map<string, 'request' | 'offer'>;
  mails: CaughtMail[];
  deadLetteredBefore: number;
}): Promise<CampaignVerdict> {
  const lostSamples: string[] = [];
  const stuckSamples: string[] = [];
  const db = (service: string) => client.db(`${o.namespace}-koppel-${service}`);
  const client = new MongoClient(o.mongoUri, { directConnection: true });
  await client.connect();
  try {
    // Every accepted listing was published and reached the matcher.
    const published = new Set<string>();
    for (const topic of [TOPICS.offers, TOPICS.requests])
      for (const m of await readWholeTopic(o.kafka, topic)) if (m.key && m.value) published.add(m.key);
    const atMatcher = new Set<string>();
    for (const collection of ['offers', 'requests'])
      for await (const doc of db('matcher')
        .collection<{ _id: string }>(collection)
        .find({}, { projection: { _id: 1 } }))
        atMatcher.add(doc._id);
    let lost = 0;
    for (const id of o.accepted.keys()) {
      if (published.has(id) && atMatcher.has(id)) continue;
      lost += 1;
      if (lostSamples.length < 5)
        lostSamples.push(
          `${id}: ${published.has(id) ? 'published' : 'never published'}, ${atMatcher.has(id) ? 'at the matcher' : 'not at the matcher'}`,
        );
    }

    // Every approved match: exactly one mail to each side.
    const byMessageId = new Map<string, number>();
    for (const mail of o.mails) {
      const id = mail.headers['message-id'] ?? '';
      byMessageId.set(id, (byMessageId.get(id) ?? 0) + 1);
    }
    const approved = await db('review')
      .collection<{ _id: string }>('proposals')
      .find({ status: { $in: ['approved', 'confirmed', 'declined'] } }, { projection: { _id: 1 } })
      .toArray();
    for (const { _id } of approved) {
      for (const side of ['school', 'provider'] as const) {
        if ((byMessageId.get(approvalMessageId(_id, side)) ?? 0) > 0) continue;
        lost += 1;
        if (lostSamples.length < 10) lostSamples.push(`${_id}: no mail to the ${side}`);
      }
    }
    const duplicateMails = [...byMessageId.values()].reduce((n, count) => n + Math.max(0, count - 1), 0);

    // Nothing left half done.
    let stuck = 0;
    const count = async (service: string, collection: string, filter: Record<string, unknown>, what: string) => {
      const docs = await db(service)
        .collection<{ _id: string }>(collection)
        .find(filter, { projection: { _id: 1 } })
        .toArray();
      stuck += docs.length;
      for (const d of docs.slice(0, 3)) stuckSamples.push(`${service}.${collection} ${d._id}: ${what}`);
    };
    await count('notifier', 'deliveries', { status: 'sending' }, 'delivery still sending');
    await count(
      'review',
      'proposals',
      { status: 'approved', 'answers.school.answer': 'interested', 'answers.provider.answer': 'interested' },
      'both interested, not confirmed',
    );
    for (const [service, collections] of Object.entries({
      intake: ['offers', 'requests', 'organisations'],
      review: ['proposals', 'sign_ups'],
      notifier: ['deliveries', 'digests'],
    })) {
      for (const collection of collections) {
        await count(service, collection, { pendingEventCount: { $gt: 0 } }, 'outbox not published');
        await count(service, collection, { parkedEvents: { $exists: true } }, 'outbox entry parked');
      }
    }
    return {
      lost,
      lostSamples,
      duplicateMails,
      deadLettered: (await deadLetterTotal(o.admin)) - o.deadLetteredBefore,
      stuck,
      stuckSamples,
      approvedMatches: approved.length,
      mails: o.mails.length,
    };
  } finally {
    await client.close();
  }
}
