import type { Kafka } from 'kafkajs';
import { TOPICS } from '@koppel/contracts';
import { postOnce } from '../load/open-loop';
import type { LoadPost, Workload } from '../load/workload';

/**
 * The steady traffic of a fault campaign, sent the way well-behaved clients do:
 * listings at a fixed rate, each retried with the same Idempotency-Key until intake
 * answers 201 (a 503, a time-out or a refused connection during a fault is retried),
 * and a broker who approves the best proposal of each request as it appears.
 */
export interface Traffic {
  /** Listings intake accepted (201), by the id it answered with. */
  accepted: Map<string, 'request' | 'offer'>;
  /** Listings given up on after `giveUpMs` of retries. */
  abandoned: string[];
  /** Matches the approver got a 200 for. */
  approved: Set<string>;
  sent: number;
  /** Stops sending; resolves when every listing in flight has an answer. */
  stop(): Promise<void>;
}

export interface TrafficOptions {
  kafka: Kafka;
  intakeUrl: string;
  reviewUrl: string;
  adminToken: string;
  workload: Workload;
  rate: number;
  /** Approve the best proposal of one request in this many (each approval mails both sides). */
  approveEvery?: number;
  giveUpMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs until intake answers 201 (then its id) or the time is up (undefined). */
/** Approves until review answers (200, or 409 when it is decided already); retries while review or its database is away. */
async function approveUntilDecided(o: TrafficOptions, matchId: string, isStopping: () => boolean): Promise<number | undefined> {
  for (let attempt = 1; attempt <= 60 && !isStopping(); attempt++) {
    const res = await fetch(`${o.reviewUrl}/proposals/${encodeURIComponent(matchId)}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${o.adminToken}`, 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(15_000),
    }).catch(() => undefined);
    // 404: review has not stored the proposal yet (it is behind on its topic).
    if (res && res.status !== 404 && res.status < 500) return res.status;
    await sleep(Math.min(5000, 500 * attempt));
  }
  return undefined;
}

async function postUntilAccepted(intakeUrl: string, post: LoadPost, giveUpAt: number): Promise<string | undefined> {
  for (let attempt = 1; Date.now() < giveUpAt; attempt++) {
    const outcome = await postOnce(intakeUrl, post, 15_000);
    if (outcome.status === 201) return outcome.id;
    // 4xx other than 429 is the client's own mistake: retrying cannot help.
    if (outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429)
      throw new Error(`${post.path} ${post.id} answered ${outcome.status}: ${outcome.error}`);
    await sleep(Math.min(5000, 250 * attempt));
  }
  return undefined;
}

export function startTraffic(o: TrafficOptions): Traffic {
  const accepted = new Map<string, 'request' | 'offer'>();
  const abandoned: string[] = [];
  const approved = new Set<string>();
  const seenRequests = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;
  let sent = 0;

  const sender = (async () => {
    const started = performance.now();
    for (let i = 0; !stopping; i++) {
      const wait = started + (i * 1000) / o.rate - performance.now();
      if (wait > 1) await sleep(wait);
      if (stopping) break;
      const post = o.workload.post(i);
      sent += 1;
      const job = postUntilAccepted(o.intakeUrl, post, Date.now() + (o.giveUpMs ?? 300_000))
        .then((id) => (id ? accepted.set(id, post.kind as 'request' | 'offer') : abandoned.push(post.id)))
        .catch(() => abandoned.push(post.id));
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job));
    }
  })();

  // Proposals are learnt from their topic (review's list route would be a scan of
  // every proposal on FerretDB each time), and approved through review's API.
  const proposed: Array<{ matchId: string; requestId: string }> = [];
  const approver = (async () => {
    const consumer = o.kafka.consumer({ groupId: `fault-campaign-approver-${Date.now().toString(36)}` });
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.matchesProposed], fromBeginning: false });
    let requestsSeen = 0;
    await consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString('utf8') ?? 'null') as {
          payload?: { match?: { matchId: string; requestId: string } };
        } | null;
        const match = event?.payload?.match;
        if (!match || seenRequests.has(match.requestId)) return;
        seenRequests.add(match.requestId);
        if (requestsSeen++ % (o.approveEvery ?? 2) === 0) proposed.push(match);
      },
    });
    try {
      while (!stopping) {
        const next = proposed.shift();
        if (!next) {
          await sleep(200);
          continue;
        }
        const status = await approveUntilDecided(o, next.matchId, () => stopping);
        if (status === 200) approved.add(next.matchId);
      }
    } finally {
      await consumer.disconnect();
    }
  })();

  return {
    accepted,
    abandoned,
    approved,
    get sent() {
      return sent;
    },
    stop: async () => {
      stopping = true;
      await Promise.all([sender, approver]);
      await Promise.all([...inFlight]);
    },
  };
}
