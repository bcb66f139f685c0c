import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildOnce, builtEntry } from './build';
import { SERVICE_NAMES, type ServiceName } from './services';
import { findFreePort, retryUntil, spawnService, startWatchdog, stopPid, type SpawnedService } from '@koppel/infra/src/process';

/**
 * Starts koppel's four services as real child processes (the way they run in
 * production), on the given infrastructure, and waits until each answers
 * /readyz. Used by the demo command and by the integration tests.
 */
export { SERVICE_NAMES, type ServiceName } from './services';
export { buildAll, buildOnce, buildPortalClient, builtEntry, type BuiltFile } from './build';

export interface InfraForServices {
  kafkaBrokers: string[];
  mongoUri: string;
  smtp?: { host: string; port: number };
}

export interface ServiceProcess {
  name: ServiceName;
  url: string;
  pid: number;
  logFile: string;
}

export interface RunningServices {
  services: Record<ServiceName, ServiceProcess>;
  /** Stops one service (SIGTERM) and starts it again, with extra env if given. */
  restart(name: ServiceName, extraEnv?: Record<string, string>): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

export interface StartServicesOptions {
  infra: InfraForServices;
  ports: 'default' | 'ephemeral';
  logDir: string;
  /** Prefix for database names and consumer groups, so a test run never shares state with a demo. */
  namespace?: string;
  env?: Record<string, string>;
  log?: (line: string) => void;
  /**
   * What to wait for after spawning: 'ready' (default: /readyz, i.e. database, broker
   * and consumers up) or 'alive' (/healthz only: for starting a service while
   * something it needs is down on purpose).
   */
  until?: 'ready' | 'alive';
}

export const DEFAULT_PORTS: Record<ServiceName, number> = { intake: 8081, matcher: 8082, review: 8083, notifier: 8084, portal: 8085 };
const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Review checks the answer links the notifier signs, so both need the same
 * secret. A run started here (demo, tests) gets a fresh random one unless the
 * caller's env brings its own; production sets ANSWER_LINK_SECRET itself.
 */
const RUN_ANSWER_LINK_SECRET = process.env.ANSWER_LINK_SECRET ?? randomBytes(32).toString('base64url');
/** Intake seals sign-in links with it and the notifier opens them: the same rule as the answer-link secret. */
const RUN_SIGNIN_LINK_KEY = process.env.SIGNIN_LINK_KEY ?? randomBytes(32).toString('base64url');

/** The environment one service process gets: infrastructure endpoints, its port, its database. */
export function serviceEnv(
  name: ServiceName,
  port: number,
  options: StartServicesOptions,
  ports?: Partial<Record<ServiceName, number>>,
): Record<string, string> {
  const upper = name.toUpperCase();
  const ns = options.namespace ? `${options.namespace}-` : '';
  const env: Record<string, string> = {
    KAFKA_BROKERS: options.infra.kafkaBrokers.join(','),
    MONGO_URI: options.infra.mongoUri,
    [`${upper}_PORT`]: String(port),
    [`${upper}_DB`]: `${ns}koppel-${name}`,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };
  if (name !== 'intake') env[`${upper}_GROUP_ID`] = `${ns}koppel-${name}`;
  if (name === 'review') env.REVIEW_INSIGHTS_DB = `${ns}koppel-review-insights`;
  if (name === 'review' || name === 'notifier') env.ANSWER_LINK_SECRET = RUN_ANSWER_LINK_SECRET;
  if (name === 'intake' || name === 'notifier') env.SIGNIN_LINK_KEY = RUN_SIGNIN_LINK_KEY;
  if (name === 'notifier' && ports?.review) env.REVIEW_PUBLIC_URL = `http://127.0.0.1:${ports.review}`;
  // Console sign-in: the mailed link opens review's callback page, whose script (in the
  // browser, at review's origin) exchanges the token at intake; services never call each other.
  if (name === 'intake' && ports?.review) {
    env.SIGNIN_LINK_BASE = `http://127.0.0.1:${ports.review}/console/sign-in/callback`;
    env.INTAKE_CORS_ORIGINS = `http://127.0.0.1:${ports.review},http://localhost:${ports.review}`;
  }
  if (name === 'review' && ports?.intake) env.INTAKE_PUBLIC_URL = `http://127.0.0.1:${ports.intake}`;
  // Portal: its pages call intake and review from the browser, so both allow its origin.
  if (name === 'intake' && ports?.portal) env.SIGNIN_PORTAL_LINK_BASE = `http://127.0.0.1:${ports.portal}/aanmelden`;
  if (name === 'intake' && ports?.portal) env.SIGNUP_CONFIRM_LINK_BASE = `http://127.0.0.1:${ports.portal}/registreren/bevestigen`;
  if (name === 'intake' && ports?.portal)
    env.INTAKE_CORS_ORIGINS = [env.INTAKE_CORS_ORIGINS, `http://127.0.0.1:${ports.portal}`].filter(Boolean).join(',');
  if (name === 'review' && ports?.portal) env.REVIEW_CORS_ORIGINS = `http://127.0.0.1:${ports.portal}`;
  if (name === 'portal' && ports?.intake && ports.review)
    Object.assign(env, { PORTAL_INTAKE_URL: `http://127.0.0.1:${ports.intake}`, PORTAL_REVIEW_URL: `http://127.0.0.1:${ports.review}` });
  if (name === 'notifier' && options.infra.smtp) {
    env.SMTP_HOST = options.infra.smtp.host;
    env.SMTP_PORT = String(options.infra.smtp.port);
  }
  return { ...env, ...options.env };
}

async function startOne(
  name: ServiceName,
  port: number,
  options: StartServicesOptions,
  extraEnv: Record<string, string> = {},
  logName: string = name,
  ports?: Partial<Record<ServiceName, number>>,
): Promise<{ proc: ServiceProcess; spawned: SpawnedService }> {
  await buildOnce();
  const entry = builtEntry(name);
  if (!existsSync(entry)) throw new Error(`service entry point missing: ${entry}`);
  const logFile = join(options.logDir, `${logName}.log`);
  const spawned = spawnService({
    name,
    command: process.execPath,
    // The built service, run by plain node as in production (packages/launcher/src/build.ts).
    // KOPPEL_SERVICE_NODE_ARGS adds node flags for profiling, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (docs/performance.md).
    args: ['--enable-source-maps', ...(process.env.KOPPEL_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean), entry],
    logFile,
    cwd: REPO_ROOT,
    env: { ...process.env, ...serviceEnv(name, port, options, ports), ...extraEnv },
  });
  const url = `http://127.0.0.1:${port}`;
  const route = options.until === 'alive' ? '/healthz' : '/readyz';
  await retryUntil(
    `${name} ${route} (log: ${logFile})`,
    60_000,
    async () => {
      const res = await fetch(`${url}${route}`);
      if (!res.ok) throw new Error(`${route} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    },
    spawned.pid,
  );
  options.log?.(`${name.padEnd(8)} ${url}  (log: ${logFile})`);
  return { proc: { name, url, pid: spawned.pid, logFile }, spawned };
}

export async function startServices(options: StartServicesOptions): Promise<RunningServices> {
  const ports = {} as Record<ServiceName, number>;
  for (const name of SERVICE_NAMES) ports[name] = options.ports === 'default' ? DEFAULT_PORTS[name] : await findFreePort();
  const services = {} as Record<ServiceName, ServiceProcess>;
  const watchdogs: (number | undefined)[] = [];
  try {
    // In order: consumers before producers is not needed (consumers read from the beginning).
    for (const name of SERVICE_NAMES) {
      const { proc } = await startOne(name, ports[name], options, {}, name, ports);
      services[name] = proc;
      watchdogs.push(startWatchdog(process.pid, [proc.pid]));
    }
  } catch (error) {
    await Promise.all(Object.values(services).map((s) => stopPid(s.pid, 10_000)));
    throw error;
  }
  return {
    services,
    restart: async (name, extraEnv) => {
      await stopPid(services[name].pid, 15_000);
      const { proc } = await startOne(name, ports[name], options, extraEnv, name, ports);
      services[name] = proc;
      watchdogs.push(startWatchdog(process.pid, [proc.pid]));
      return proc;
    },
    stop: async () => {
      await Promise.all(Object.values(services).map((s) => stopPid(s.pid, 15_000)));
      for (const pid of watchdogs) if (pid) stopPid(pid, 1000).catch(() => undefined);
    },
  };
}

/** Starts one extra instance of a service outside a set, with its own port and log (the crash tests use this). */
export async function startServiceProcess(
  name: ServiceName,
  options: StartServicesOptions & { port?: number; extraEnv?: Record<string, string>; logName?: string },
): Promise<ServiceProcess & { stop(): Promise<void> }> {
  const port = options.port ?? (await findFreePort());
  const { proc } = await startOne(name, port, options, options.extraEnv, options.logName);
  return { ...proc, stop: () => stopPid(proc.pid, 10_000) };
}
