/**
 * `npm run --silent bench:load -- --rate <r> --seconds <s> [--use-running] [--seed-offers N]`
 *
 * Open-loop load on the real pipeline (intake → Kafka → matcher → review), with
 * organisations, tokens and varied nl/fr/en requests and offers across Flanders and
 * the Netherlands. Measures each POST's status and latency and the time until its
 * first proposal is stored in review (review's own createdAt), waits for the backlog
 * to drain, and counts accepted listings that never reached the matcher or review.
 * Then, in the same run, the raw broker and database rates as the ceiling.
 * Progress on stderr; the last line is machine-readable (see docs/performance.md).
 *
 * --use-running: a stack started by `./koppel demo` (default ports; needs the
 * AUTH_TOKEN_SECRET it runs with); otherwise a fresh stack is started and stopped.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { z } from 'zod';
import { signToken } from '@koppel/auth';
import { startInfra, type Endpoints } from '@koppel/infra';
import { startServices } from '@koppel/launcher';
import { localStackAuth, measureCeilings, percentile, pipelineNames, resultLine, runLoad } from '@koppel/testkit';

const ROOT = resolve(__dirname, '..');
const err = (line: string) => process.stderr.write(`${line}\n`);

const Args = z.object({
  rate: z.coerce.number().positive().max(5000).default(100),
  seconds: z.coerce.number().positive().max(3600).default(60),
  'use-running': z.boolean().default(false),
  'seed-offers': z.coerce.number().int().min(0).max(100_000).default(300),
  'drain-timeout': z.coerce.number().positive().default(180),
});

interface Target {
  intakeUrl: string;
  endpoints: Pick<Endpoints, 'kafkaBrokers' | 'mongoUri'>;
  namespace: string;
  authSecret: string;
  adminToken: string;
  stop: () => Promise<void>;
}

/** A fresh stack of our own: infrastructure and services on free ports, quiet logs, no rate limit in the way. */
async function startOwnStack(): Promise<Target> {
  const runDir = join(ROOT, '.run/bench-load');
  rmSync(runDir, { recursive: true, force: true });
  const infra = await startInfra({ ports: 'ephemeral', mailCatcher: true, runDir: join(runDir, 'infra'), log: err });
  const auth = localStackAuth('bench-admin');
  const namespace = `load${Date.now().toString(36)}`;
  const services = await startServices({
    infra: infra.endpoints,
    ports: 'ephemeral',
    logDir: join(runDir, 'services'),
    namespace,
    env: { LOG_LEVEL: 'warn', AUTH_TOKEN_SECRET: auth.secret, INTAKE_RATE_LIMIT_PER_MINUTE: '1000000' },
    log: err,
  }).catch(async (error) => {
    await infra.stop();
    throw error;
  });
  return {
    intakeUrl: services.services.intake.url,
    endpoints: infra.endpoints,
    namespace,
    authSecret: auth.secret,
    adminToken: auth.adminToken,
    stop: async () => {
      await services.stop();
      await infra.stop();
    },
  };
}

/** The stack `./koppel demo` runs (default ports, no namespace). */
function runningStack(): Target {
  const secret = process.env.AUTH_TOKEN_SECRET;
  if (!secret) throw new Error('--use-running needs AUTH_TOKEN_SECRET: the secret the running intake was started with');
  return {
    intakeUrl: process.env.INTAKE_URL ?? 'http://127.0.0.1:8081',
    endpoints: {
      kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      mongoUri: process.env.MONGO_URI ?? 'mongodb://127.0.0.1:27017/',
    },
    namespace: process.env.KOPPEL_NAMESPACE ?? '',
    authSecret: secret,
    adminToken: signToken(secret, { sub: 'bench-load', role: 'admin', ttlSeconds: 24 * 3600 }).token,
    stop: async () => undefined,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' },
      seconds: { type: 'string' },
      'use-running': { type: 'boolean' },
      'seed-offers': { type: 'string' },
      'drain-timeout': { type: 'string' },
    },
    strict: true,
  });
  const args = Args.parse(values);
  const target = args['use-running'] ? runningStack() : await startOwnStack();
  const kafka = new Kafka({ clientId: 'bench-load', brokers: target.endpoints.kafkaBrokers, logLevel: logLevel.NOTHING });
  try {
    const result = await runLoad({
      intakeUrl: target.intakeUrl,
      kafka,
      mongoUri: target.endpoints.mongoUri,
      names: pipelineNames(target.namespace),
      authSecret: target.authSecret,
      adminToken: target.adminToken,
      rate: args.rate,
      seconds: args.seconds,
      tag: Date.now().toString(36),
      seedOffers: args['seed-offers'],
      drainTimeoutMs: args['drain-timeout'] * 1000,
      log: err,
    });
    for (const sample of result.errorSamples) err(`  error: ${sample}`);
    if (result.report.missingAtMatcher.length)
      err(`  never reached the matcher: ${result.report.missingAtMatcher.slice(0, 10).join(', ')}`);
    if (result.report.missingAtReview.length)
      err(`  proposals never stored by review: ${result.report.missingAtReview.slice(0, 10).join(', ')}`);
    err(`measuring the ceiling: ${result.sent} messages and ${result.sent} documents of ${result.meanBodyBytes} bytes`);
    const ceilings = await measureCeilings(kafka, target.endpoints.mongoUri, result.sent, result.meanBodyBytes);
    const drained = result.drainedAfterMs === undefined ? 'never' : (result.drainedAfterMs / 1000).toFixed(1);
    const ceiling = Math.min(ceilings.brokerPerSecond, ceilings.databaseWritesPerSecond / 2);
    console.log(
      `sent=${result.sent} with_proposals=${result.report.requestsWithProposals} drained_after_last_post_s=${drained} intake_p90_ms=${percentile(result.intakeLatencies, 90).toFixed(0)} proposal_p90_ms=${percentile(result.report.proposalLatencies, 90).toFixed(0)}`,
    );
    console.log(
      `ceiling broker_msgs_per_s=${ceilings.brokerPerSecond.toFixed(0)} db_writes_per_s=${ceilings.databaseWritesPerSecond.toFixed(0)} pipeline_listings_per_s=${result.pipelinePerSecond.toFixed(1)} ` +
        `vs_broker=${(result.pipelinePerSecond / ceilings.brokerPerSecond).toFixed(3)} vs_db=${(result.pipelinePerSecond / (ceilings.databaseWritesPerSecond / 2)).toFixed(3)} vs_ceiling=${(result.pipelinePerSecond / ceiling).toFixed(3)}`,
    );
    console.log(resultLine(result));
  } finally {
    await target.stop();
  }
  process.exit(0);
}

main().catch((error) => {
  err(`bench:load failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
