import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { MailInbox } from '../mail-inbox';
import { buildWorkload, type LoadPost } from '../load/workload';
import { isAlive } from '@koppel/infra/src/process';
import { postAll } from '../load/run-load';
import { topicEnds, waitUntilConsumed } from './backlog';
import { startTraffic } from './traffic';
import { deadLetterTotal, verifyCampaign, type CampaignVerdict } from './verify';

/**
 * A fault campaign on a running stack: steady traffic (listings and approvals, so
 * mails flow), then one fault after another, each healed and waited out, then a
 * verdict from the broker, the databases and the SMTP capture (verify.ts).
 */
export type ServiceName = 'intake' | 'matcher' | 'review' | 'notifier' | 'portal';

/** What the campaign needs to reach and hurt the stack: processes by pid, services restartable. */
export interface CampaignStack {
  kafka: Kafka;
  mongoUri: string;
  namespace: string;
  intakeUrl: string;
  reviewUrl: string;
  mailInboxUrl: string;
  authSecret: string;
  adminToken: string;
  pids: { kafka: number; ferretdb: number; maildev: number };
  servicePid(name: ServiceName): number;
  serviceUrl(name: ServiceName): string;
  /** Starts the service again (after a kill), with extra env if given; resolves once it is ready. */
  restart(name: ServiceName, extraEnv?: Record<string, string>): Promise<void>;
}

/** The campaign's view of a stack started with @koppel/infra (local mode) and @koppel/launcher. */
export function campaignStackOf(o: {
  infra: { endpoints: { kafkaBrokers: string[]; mongoUri: string; mailInboxUrl?: string }; pids?: Record<string, number> };
  services: {
    services: Record<ServiceName, { pid: number; url: string }>;
    restart(name: ServiceName, extraEnv?: Record<string, string>): Promise<unknown>;
  };
  namespace: string;
  auth: { secret: string; adminToken: string };
}): CampaignStack {
  const pids = o.infra.pids;
  if (!pids?.kafka || !pids.ferretdb || !pids.maildev || !o.infra.endpoints.mailInboxUrl)
    throw new Error('the fault campaign needs local processes (kafka, ferretdb, maildev) it can pause');
  return {
    kafka: new Kafka({ clientId: 'fault-campaign', brokers: o.infra.endpoints.kafkaBrokers, logLevel: logLevel.NOTHING }),
    mongoUri: o.infra.endpoints.mongoUri,
    namespace: o.namespace,
    intakeUrl: o.services.services.intake.url,
    reviewUrl: o.services.services.review.url,
    mailInboxUrl: o.infra.endpoints.mailInboxUrl,
    authSecret: o.auth.secret,
    adminToken: o.auth.adminToken,
    pids: { kafka: pids.kafka, ferretdb: pids.ferretdb, maildev: pids.maildev },
    servicePid: (name) => o.services.services[name].pid,
    serviceUrl: (name) => o.services.services[name].url,
    restart: async (name, extraEnv) => void (await o.services.restart(name, extraEnv)),
  };
}

export interface CampaignOptions {
  /** Listings per second during the whole campaign. */
  rate: number;
  /** Quiet time before the first and after each fault. */
  settleSeconds: number;
  brokerPauseSeconds: number;
  databasePauseSeconds: number;
  smtpDownSeconds: number;
  seedOffers: number;
  log: (line: string) => void;
}

export interface FaultResult {
  name: string;
  /** End of the fault → everything written before it consumed by every service (s); undefined: not within 5 min. */
  recoveredSeconds: number | undefined;
}

export interface CampaignResult {
  accepted: number;
  abandoned: number;
  approvals: number;
  faults: FaultResult[];
  verdict: CampaignVerdict;
  /** Services whose /readyz answered 200 at the end. */
  ready: Record<ServiceName, boolean>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

interface Fault {
  name: string;
  /** Injects the fault and heals it; resolves at the moment it is healed. */
  run(): Promise<void>;
}

function faultsFor(stack: CampaignStack, o: CampaignOptions): Fault[] {
  const pause = (name: string, pid: () => number, seconds: number): Fault => ({
    name,
    run: async () => {
      signal(pid(), 'SIGSTOP');
      await sleep(seconds * 1000);
      signal(pid(), 'SIGCONT');
    },
  });
  return [
    pause(`broker paused (SIGSTOP) ${o.brokerPauseSeconds} s`, () => stack.pids.kafka, o.brokerPauseSeconds),
    pause(`database paused (SIGSTOP) ${o.databasePauseSeconds} s`, () => stack.pids.ferretdb, o.databasePauseSeconds),
    {
      name: 'matcher killed (SIGKILL) and restarted',
      run: async () => {
        signal(stack.servicePid('matcher'), 'SIGKILL');
        await stack.restart('matcher');
      },
    },
    {
      name: 'notifier killed (SIGKILL) while sending a mail, restarted',
      run: async () => {
        // The mail server stops answering, so a send is surely under way when the notifier dies.
        signal(stack.pids.maildev, 'SIGSTOP');
        try {
          await waitForMailInFlight(stack, 60_000);
          signal(stack.servicePid('notifier'), 'SIGKILL');
        } finally {
          signal(stack.pids.maildev, 'SIGCONT');
        }
        await stack.restart('notifier');
      },
    },
    pause(`mail server down (SIGSTOP) ${o.smtpDownSeconds} s`, () => stack.pids.maildev, o.smtpDownSeconds),
    {
      name: 'intake killed (SIGKILL) between write and publish, restarted',
      run: async () => {
        // The traffic's next write kills it, possibly before it has even reported ready.
        const crashedEarly = await stack.restart('intake', { INTAKE_FAULT_CRASH_AFTER_WRITE: 'true' }).then(
          () => false,
          (error: Error) => {
            if (!/exited/.test(error.message)) throw error;
            return true;
          },
        );
        const pid = crashedEarly ? -1 : stack.servicePid('intake');
        const deadline = Date.now() + 60_000;
        while (pid > 0 && isAlive(pid) && Date.now() < deadline) await sleep(100);
        if (pid > 0 && isAlive(pid)) throw new Error('intake with the crash fault did not crash within 60 s (no write reached it?)');
        await stack.restart('intake');
      },
    },
  ];
}

/** Waits until the notifier has claimed a delivery and is trying to send it. */
async function waitForMailInFlight(stack: CampaignStack, timeoutMs: number): Promise<void> {
  const client = new MongoClient(stack.mongoUri, { directConnection: true });
  await client.connect();
  try {
    const deliveries = client.db(`${stack.namespace}-koppel-notifier`).collection('deliveries');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await deliveries.findOne({ status: 'sending', attempts: { $gte: 1 } })) return;
      await sleep(500);
    }
    throw new Error('no mail went out within 60 s: are approvals flowing?');
  } finally {
    await client.close();
  }
}

async function readiness(stack: CampaignStack): Promise<Record<ServiceName, boolean>> {
  const names: ServiceName[] = ['intake', 'matcher', 'review', 'notifier', 'portal'];
  const ready = {} as Record<ServiceName, boolean>;
  for (const name of names)
    ready[name] = await fetch(`${stack.serviceUrl(name)}/readyz`, { signal: AbortSignal.timeout(5000) }).then(
      (r) => r.ok,
      () => false,
    );
  return ready;
}

export async function runFaultCampaign(stack: CampaignStack, o: CampaignOptions): Promise<CampaignResult> {
  const tag = `f${Date.now().toString(36)}`;
  const workload = buildWorkload({
    tag,
    authSecret: stack.authSecret,
    schools: 60,
    providers: 20,
    seedOffers: o.seedOffers,
    offerEvery: 5,
  });
  const admin = stack.kafka.admin();
  await admin.connect();
  try {
    o.log(`setup: ${workload.schools.length} schools, ${workload.providers.length} providers, ${workload.seedOffers.length} seed offers`);
    const organisations = [...workload.schools, ...workload.providers].map(
      (org): LoadPost => ({ kind: 'organisation', id: org.id, path: '/organisations', token: stack.adminToken, body: org.body }),
    );
    await postAll(stack.intakeUrl, organisations, 4);
    await postAll(stack.intakeUrl, workload.seedOffers, 4);
    if ((await waitUntilConsumed(admin, stack.namespace, await topicEnds(admin), 180_000)) === undefined)
      throw new Error('the services did not take in the setup within 180 s');
    const deadLetteredBefore = await deadLetterTotal(admin);

    o.log(`traffic: ${o.rate} listings/s, approving the best proposal of every second request`);
    const traffic = startTraffic({
      kafka: stack.kafka,
      intakeUrl: stack.intakeUrl,
      reviewUrl: stack.reviewUrl,
      adminToken: stack.adminToken,
      workload,
      rate: o.rate,
    });
    const results: FaultResult[] = [];
    try {
      await sleep(o.settleSeconds * 1000);
      const faults = faultsFor(stack, o);
      for (const [i, fault] of faults.entries()) {
        o.log(
          `fault ${i + 1}/${faults.length}: ${fault.name} (accepted so far ${traffic.accepted.size}, approvals ${traffic.approved.size})`,
        );
        await fault.run();
        const healedAt = performance.now();
        await sleep(1000);
        const ends = await retry(() => topicEnds(admin));
        let lastLog = 0;
        const took = await waitUntilConsumed(admin, stack.namespace, ends, 300_000, (left) => {
          if (performance.now() - lastLog > 5000) {
            lastLog = performance.now();
            o.log(`  backlog: ${Number.isNaN(left) ? 'broker not answering' : `${left} messages to consume`}`);
          }
        });
        const recoveredSeconds = took === undefined ? undefined : (performance.now() - healedAt) / 1000;
        results.push({ name: fault.name, recoveredSeconds });
        o.log(
          `  recovered: ${recoveredSeconds === undefined ? 'NOT within 5 min' : `${recoveredSeconds.toFixed(1)} s after the fault ended`}`,
        );
        await sleep(o.settleSeconds * 1000);
      }
    } finally {
      o.log('traffic: stopping, waiting for every listing in flight to be answered');
      await traffic.stop();
    }

    o.log(`drain: ${traffic.accepted.size} listings accepted, ${traffic.approved.size} approvals; waiting for everything to be consumed`);
    await waitUntilConsumed(admin, stack.namespace, await retry(() => topicEnds(admin)), 300_000);
    // Mails of the last approvals and the outbox clean-up after the last publish.
    await sleep(5000);
    await waitUntilConsumed(admin, stack.namespace, await retry(() => topicEnds(admin)), 120_000);
    const mails = await new MailInbox(stack.mailInboxUrl).all();
    const verdict = await verifyCampaign({
      kafka: stack.kafka,
      admin,
      mongoUri: stack.mongoUri,
      namespace: stack.namespace,
      accepted: traffic.accepted,
      mails,
      deadLetteredBefore,
    });
    return {
      accepted: traffic.accepted.size,
      abandoned: traffic.abandoned.length,
      approvals: traffic.approved.size,
      faults: results,
      verdict,
      ready: await readiness(stack),
    };
  } finally {
    await admin.disconnect();
  }
}

async function retry<T>(work: () => Promise<T>, attempts = 60): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts) throw error;
      await sleep(1000);
    }
  }
}

/** The benchmark's last line, exactly as issue #10 asks for it. */
export function campaignLine(r: CampaignResult): string {
  const recovered = r.faults.map((f) => f.recoveredSeconds ?? Number.POSITIVE_INFINITY);
  const longest = recovered.length ? Math.max(...recovered) : 0;
  return `accepted=${r.accepted} lost=${r.verdict.lost} duplicate_mails=${r.verdict.duplicateMails} dead_lettered=${r.verdict.deadLettered} stuck=${r.verdict.stuck} faults=${r.faults.length} recovered_s=${Number.isFinite(longest) ? longest.toFixed(1) : 'inf'}`;
}
