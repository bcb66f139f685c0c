/**
 * `npm run --silent bench:faults [-- --rate 2 --settle 20 --broker-pause 30 --database-pause 60 --smtp-down 60]`
 *
 * The fault campaign of issue #10 on a fresh stack of its own (local processes):
 * steady traffic of requests and offers, a broker approving the best proposal of
 * each request so mails flow, and one after another: the broker paused, the
 * database paused, the matcher killed and restarted, the notifier killed while
 * sending, the mail server down, intake killed between write and publish. After
 * each, how long until everything written before it was consumed; at the end, a
 * verdict from the topics, the databases and the SMTP capture. Progress on stderr;
 * the last line is machine-readable (docs/operations.md). Exit code 1 when anything
 * was lost, doubled, dead-lettered or stuck, or a service is not ready at the end.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startInfra } from '@koppel/infra';
import { startServices } from '@koppel/launcher';
import { campaignLine, campaignStackOf, localStackAuth, runFaultCampaign } from '@koppel/testkit';

const ROOT = resolve(__dirname, '..');
const err = (line: string) => process.stderr.write(`${line}\n`);

const Args = z.object({
  rate: z.coerce.number().positive().max(50).default(2),
  settle: z.coerce.number().min(0).max(600).default(20),
  'broker-pause': z.coerce.number().positive().max(600).default(30),
  'database-pause': z.coerce.number().positive().max(600).default(60),
  'smtp-down': z.coerce.number().positive().max(600).default(60),
  'seed-offers': z.coerce.number().int().min(1).max(5000).default(100),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(Args.shape).map((k) => [k, { type: 'string' as const }])),
    allowPositionals: false,
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    err(`bench:faults: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
    process.exit(2);
  }
  const args = parsed.data;
  const runDir = join(ROOT, '.run/bench-faults');
  rmSync(runDir, { recursive: true, force: true });
  const infra = await startInfra({ mode: 'local', ports: 'ephemeral', mailCatcher: true, runDir: join(runDir, 'infra'), log: err });
  const auth = localStackAuth('bench-admin');
  const namespace = `faults${Date.now().toString(36)}`;
  let exitCode = 1;
  try {
    const services = await startServices({
      infra: infra.endpoints,
      ports: 'ephemeral',
      logDir: join(runDir, 'services'),
      namespace,
      env: { LOG_LEVEL: 'warn', AUTH_TOKEN_SECRET: auth.secret, INTAKE_RATE_LIMIT_PER_MINUTE: '1000000' },
      log: err,
    });
    try {
      const result = await runFaultCampaign(campaignStackOf({ infra, services, namespace, auth }), {
        rate: args.rate,
        settleSeconds: args.settle,
        brokerPauseSeconds: args['broker-pause'],
        databasePauseSeconds: args['database-pause'],
        smtpDownSeconds: args['smtp-down'],
        seedOffers: args['seed-offers'],
        log: err,
      });
      const { verdict } = result;
      for (const sample of [...verdict.lostSamples, ...verdict.stuckSamples]) err(`  ${sample}`);
      const notReady = Object.entries(result.ready)
        .filter(([, ok]) => !ok)
        .map(([name]) => name);
      console.log(
        result.faults.map((f, i) => `fault${i + 1}="${f.name}" recovered_s=${f.recoveredSeconds?.toFixed(1) ?? 'inf'}`).join(' '),
      );
      console.log(
        `approvals=${result.approvals} approved_matches=${verdict.approvedMatches} mails=${verdict.mails} abandoned=${result.abandoned} not_ready=${notReady.join(',') || 'none'}`,
      );
      console.log(campaignLine(result));
      const clean =
        verdict.lost === 0 &&
        verdict.duplicateMails === 0 &&
        verdict.deadLettered === 0 &&
        verdict.stuck === 0 &&
        notReady.length === 0 &&
        result.faults.every((f) => f.recoveredSeconds !== undefined);
      exitCode = clean ? 0 : 1;
    } finally {
      await services.stop();
    }
  } finally {
    await infra.stop();
  }
  process.exit(exitCode);
}

main().catch((error) => {
  err(`bench:faults: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
