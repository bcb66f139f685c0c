import type { Kafka } from 'kafkajs';
import { sendOpenLoop, postOnce, type PostOutcome } from './open-loop';
import { checkPipeline, pipelineLag, waitForDrain, type PipelineNames, type PipelineReport } from './pipeline';
import { percentile } from './stats';
import { buildWorkload, type LoadPost } from './workload';

export interface LoadRunOptions {
  intakeUrl: string;
  kafka: Kafka;
  mongoUri: string;
  names: PipelineNames;
  authSecret: string;
  adminToken: string;
  rate: number;
  seconds: number;
  /** Makes this run's ids unique. */
  tag: string;
  schools?: number;
  providers?: number;
  seedOffers?: number;
  /** How long to wait for the backlog after the last POST. */
  drainTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LoadRunResult {
  rate: number;
  /** Accepted POSTs per second of the sending window. */
  achieved: number;
  sent: number;
  errors: number;
  errorSamples: string[];
  intakeLatencies: number[];
  /** Last POST sent → both consumer groups caught up (ms); undefined when it did not drain in time. */
  drainedAfterMs: number | undefined;
  /** Accepted listings per second from the first POST until drained. */
  pipelinePerSecond: number;
  /** Mean size of a POSTed body (bytes): the size of the ceiling's messages and documents. */
  meanBodyBytes: number;
  report: PipelineReport;
}

/** POSTs a list with a few clients in parallel, failing on any answer but 201. */
export async function postAll(baseUrl: string, posts: LoadPost[], parallel = 8): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const post = posts[next++];
      const outcome = await postOnce(baseUrl, post, 30_000);
      if (outcome.status !== 201) throw new Error(`setup POST ${post.path} ${post.id} answered ${outcome.status}: ${outcome.error}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * One load run against running services: create the organisations, post the
 * seed offers and let the matcher take them in, then send the open-loop stream,
 * wait for the pipeline to drain, and check every accepted listing against the
 * broker and the databases.
 */
export async function runLoad(o: LoadRunOptions): Promise<LoadRunResult> {
  const log = o.log ?? (() => undefined);
  const workload = buildWorkload({
    tag: o.tag,
    authSecret: o.authSecret,
    schools: o.schools,
    providers: o.providers,
    seedOffers: o.seedOffers,
  });
  const admin = o.kafka.admin();
  await admin.connect();
  try {
    const organisations = [...workload.schools, ...workload.providers].map(
      (org): LoadPost => ({ kind: 'organisation', id: org.id, path: '/organisations', token: o.adminToken, body: org.body }),
    );
    log(
      `setup: ${workload.schools.length} schools and ${workload.providers.length} providers as organisations, ${workload.seedOffers.length} seed offers`,
    );
    await postAll(o.intakeUrl, organisations);
    await postAll(o.intakeUrl, workload.seedOffers);
    const seeded = await pipelineLag(admin, o.names);
    if ((await waitForDrain(admin, o.names, { publishedAtLeast: seeded.listingsPublished, timeoutMs: 120_000 })) === undefined)
      throw new Error('the matcher did not take in the seed offers within 120 s');

    log(`load: ${o.rate} POST/s for ${o.seconds} s (open loop)`);
    let bodyBytes = 0;
    const startedAt = performance.now();
    const outcomes: PostOutcome[] = await sendOpenLoop({
      baseUrl: o.intakeUrl,
      rate: o.rate,
      seconds: o.seconds,
      post: (i) => {
        const post = workload.post(i);
        bodyBytes += JSON.stringify(post.body).length;
        return post;
      },
      onTick: (sent, done, elapsed) => log(`  t=${(elapsed / 1000).toFixed(0)}s sent=${sent} answered=${done}`),
    });
    const lastSentAt = startedAt + ((outcomes.length - 1) * 1000) / o.rate;
    const accepted = outcomes.filter(
      (x): x is PostOutcome & { kind: 'request' | 'offer' } => x.status === 201 && x.kind !== 'organisation',
    );
    const errors = outcomes.filter((x) => x.status !== 201);
    log(`load: ${accepted.length} accepted, ${errors.length} errors; waiting for the pipeline to drain`);

    const drainedAt = await waitForDrain(admin, o.names, {
      publishedAtLeast: seeded.listingsPublished + accepted.length,
      timeoutMs: o.drainTimeoutMs ?? 120_000,
      onPoll: (lag) =>
        log(
          `  drain: listings published=${lag.listingsPublished - seeded.listingsPublished} matcher behind=${lag.matcherBehind} proposals=${lag.proposalsPublished} review behind=${lag.reviewBehind}`,
        ),
    });
    const report = await checkPipeline(o.kafka, o.mongoUri, o.names, accepted);
    const windowSeconds = (lastSentAt - startedAt) / 1000 + 1 / o.rate;
    return {
      rate: o.rate,
      achieved: accepted.length / windowSeconds,
      sent: outcomes.length,
      errors: errors.length,
      errorSamples: errors.slice(0, 5).map((x) => `${x.id}: ${x.status} ${x.error ?? ''}`),
      intakeLatencies: accepted.map((x) => x.latencyMs),
      drainedAfterMs: drainedAt === undefined ? undefined : Math.max(0, drainedAt - lastSentAt),
      pipelinePerSecond: drainedAt === undefined ? 0 : accepted.length / ((drainedAt - startedAt) / 1000),
      meanBodyBytes: Math.round(bodyBytes / Math.max(1, outcomes.length)),
      report,
    };
  } finally {
    await admin.disconnect();
  }
}

/** The benchmark's last line, exactly as issue #9 asks for it. */
export function resultLine(r: LoadRunResult): string {
  const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q).toFixed(0) : 'NaN');
  return `rate=${r.rate} achieved=${r.achieved.toFixed(1)} errors=${r.errors} intake_p50_ms=${p(r.intakeLatencies, 50)} intake_p99_ms=${p(r.intakeLatencies, 99)} proposal_p50_ms=${p(r.report.proposalLatencies, 50)} proposal_p99_ms=${p(r.report.proposalLatencies, 99)} unprocessed=${r.report.unprocessed}`;
}
