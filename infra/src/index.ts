/**
 * @koppel/infra — real Kafka, a MongoDB-compatible database and an SMTP catcher for
 * development and integration tests, either as local processes (no Docker needed) or as
 * containers (testcontainers) where a container engine exists.
 * See docs/infrastructure.md.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFerretDB, ensureKafka, repoRoot } from './downloads';
import { startFerretDBLocal } from './ferretdb-local';
import { startKafkaLocal } from './kafka-local';
import { startMaildevLocal } from './maildev-local';
import { findFreePort, isAlive, isPortOpen, seconds, startWatchdog, stopPid, type SpawnedService } from './process';

export { ensureDownloads } from './downloads';

export type InfraMode = 'local' | 'containers';

export interface Endpoints {
  /** e.g. ['127.0.0.1:9092'] */
  kafkaBrokers: string[];
  /** e.g. 'mongodb://127.0.0.1:27017/' (no database name; services choose theirs) */
  mongoUri: string;
  /** Present when the mail catcher role was started. */
  smtp?: { host: string; port: number };
  /** Web inbox for a person. */
  mailInboxUrl?: string;
}

export interface RunningInfra {
  mode: InfraMode;
  endpoints: Endpoints;
  stop(): Promise<void>;
  /** component -> log file path (for containers: a short description, logs are in the engine) */
  logs: Record<string, string>;
  /** component -> process id, in local mode (kafka, ferretdb, maildev): what the fault campaign pauses. */
  pids?: Record<string, number>;
}

export interface StartOptions {
  /** Default from env KOPPEL_INFRA_MODE, else 'auto'. */
  mode?: 'auto' | InfraMode;
  /** 'ephemeral' = pick free ports (tests), so tests never collide with a running `infra:up`. */
  ports?: 'default' | 'ephemeral';
  /** Start maildev / the mail catcher container (default false when called programmatically; infra:up passes true). */
  mailCatcher?: boolean;
  /** Data + logs; default <repo>/.run/infra (ports 'default') or a fresh temp dir under <repo>/.run (ports 'ephemeral'). */
  runDir?: string;
  /** Progress lines (downloads can take minutes). */
  log?: (line: string) => void;
}

export const DEFAULT_PORTS = { kafka: 9092, kafkaController: 9093, mongo: 27017, smtp: 1025, inbox: 1080 } as const;

/** Default run dir of `npm run infra:up`. */
export const defaultRunDir = join(repoRoot, '.run', 'infra');

function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name}=${raw} is not a valid port`);
  return port;
}

export interface PortPlan {
  kafka: number;
  kafkaController: number;
  mongo: number;
  smtp: number;
  inbox: number;
}

/** Ports for a start: defaults (overridable by KOPPEL_*_PORT) or free ephemeral ones. */
export async function planPorts(ports: 'default' | 'ephemeral' = 'default'): Promise<PortPlan> {
  if (ports === 'ephemeral') {
    const picked = new Set<number>();
    const pick = async (): Promise<number> => {
      for (;;) {
        const port = await findFreePort();
        if (!picked.has(port)) {
          picked.add(port);
          return port;
        }
      }
    };
    return { kafka: await pick(), kafkaController: await pick(), mongo: await pick(), smtp: await pick(), inbox: await pick() };
  }
  const kafka = envPort('KOPPEL_KAFKA_PORT', DEFAULT_PORTS.kafka);
  return {
    kafka,
    kafkaController: envPort('KOPPEL_KAFKA_CONTROLLER_PORT', process.env.KOPPEL_KAFKA_PORT ? kafka + 1 : DEFAULT_PORTS.kafkaController),
    mongo: envPort('KOPPEL_MONGO_PORT', DEFAULT_PORTS.mongo),
    smtp: envPort('KOPPEL_SMTP_PORT', DEFAULT_PORTS.smtp),
    inbox: envPort('KOPPEL_INBOX_PORT', DEFAULT_PORTS.inbox),
  };
}

/**
 * 'auto': containers when testcontainers finds a working container runtime, else local.
 * `requested` defaults to env KOPPEL_INFRA_MODE, else 'auto'.
 */
export async function chooseMode(requested?: 'auto' | InfraMode): Promise<InfraMode> {
  const wanted = requested ?? (process.env.KOPPEL_INFRA_MODE as 'auto' | InfraMode | undefined) ?? 'auto';
  if (wanted === 'local' || wanted === 'containers') return wanted;
  if (wanted !== 'auto') throw new Error(`KOPPEL_INFRA_MODE must be auto, local or containers (got '${String(wanted)}')`);
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return 'containers';
  } catch {
    return 'local';
  }
}

/** Internal: the local process start, also used by the CLI with `detached: true`. */
export interface LocalStart {
  runDir: string;
  ports: PortPlan;
  mailCatcher: boolean;
  detached: boolean;
  log: (line: string) => void;
}

export interface LocalStarted extends RunningInfra {
  pids: Record<string, number>;
}

export async function startLocal(s: LocalStart): Promise<LocalStarted> {
  const started = Date.now();
  const [libs, ferretdbBinary] = await Promise.all([ensureKafka(s.log), ensureFerretDB(s.log)]);
  const wanted: Array<[string, number]> = [
    ['kafka', s.ports.kafka],
    ['kafka controller', s.ports.kafkaController],
    ['ferretdb', s.ports.mongo],
  ];
  if (s.mailCatcher) wanted.push(['smtp', s.ports.smtp], ['inbox', s.ports.inbox]);
  for (const [what, port] of wanted) {
    if (await isPortOpen(port)) {
      throw new Error(
        `port ${port} (${what}) is already in use on 127.0.0.1. Stop what uses it (npm run infra:down?) or set another port (see docs/infrastructure.md).`,
      );
    }
  }
  mkdirSync(s.runDir, { recursive: true });
  const services: SpawnedService[] = [];
  let watchdog: number | undefined;
  const stopAll = async (): Promise<void> => {
    await Promise.all(services.map((svc) => stopPid(svc.pid, 20_000)));
    if (watchdog) await stopPid(watchdog, 1000);
  };
  const onExit = (): void => {
    for (const svc of services) {
      try {
        process.kill(svc.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  };
  if (!s.detached) process.once('exit', onExit);
  const track = <T extends { service: SpawnedService }>(p: Promise<T>): Promise<T> =>
    p.then((r) => {
      services.push(r.service);
      return r;
    });
  try {
    const tasks = await Promise.allSettled([
      track(
        startKafkaLocal({
          libs,
          dir: join(s.runDir, 'kafka'),
          port: s.ports.kafka,
          controllerPort: s.ports.kafkaController,
          detached: s.detached,
          log: s.log,
        }),
      ),
      track(
        startFerretDBLocal({
          binary: ferretdbBinary,
          dir: join(s.runDir, 'ferretdb'),
          port: s.ports.mongo,
          detached: s.detached,
          log: s.log,
        }),
      ),
      s.mailCatcher
        ? track(
            startMaildevLocal({
              dir: join(s.runDir, 'maildev'),
              smtpPort: s.ports.smtp,
              webPort: s.ports.inbox,
              detached: s.detached,
              log: s.log,
            }),
          )
        : Promise.resolve(undefined),
    ]);
    const failed = tasks.find((t): t is PromiseRejectedResult => t.status === 'rejected');
    if (failed) throw failed.reason;
    const [kafka, ferret, maildev] = tasks.map((t) => (t as PromiseFulfilledResult<unknown>).value) as [
      Awaited<ReturnType<typeof startKafkaLocal>>,
      Awaited<ReturnType<typeof startFerretDBLocal>>,
      Awaited<ReturnType<typeof startMaildevLocal>> | undefined,
    ];
    if (!s.detached)
      watchdog = startWatchdog(
        process.pid,
        services.map((svc) => svc.pid),
      );
    const endpoints: Endpoints = { kafkaBrokers: kafka.brokers, mongoUri: ferret.mongoUri };
    const logs: Record<string, string> = { kafka: kafka.logFile, ferretdb: ferret.logFile };
    const pids: Record<string, number> = { kafka: kafka.service.pid, ferretdb: ferret.service.pid };
    if (maildev) {
      endpoints.smtp = maildev.smtp;
      endpoints.mailInboxUrl = maildev.inboxUrl;
      logs.maildev = maildev.logFile;
      pids.maildev = maildev.service.pid;
    }
    s.log(`infra: local processes ready in ${seconds(Date.now() - started)}`);
    let stopped = false;
    return {
      mode: 'local',
      endpoints,
      logs,
      pids,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        await stopAll();
        process.removeListener('exit', onExit);
      },
    };
  } catch (error) {
    await stopAll();
    process.removeListener('exit', onExit);
    throw error;
  }
}

/**
 * Starts Kafka, a MongoDB-compatible database and (optionally) the mail catcher.
 * The processes / containers are children of this process: call `stop()` when done.
 */
export async function startInfra(options: StartOptions = {}): Promise<RunningInfra> {
  const log = options.log ?? (() => {});
  const mode = await chooseMode(options.mode);
  const ports = options.ports ?? 'default';
  const mailCatcher = options.mailCatcher ?? false;
  log(`infra: mode ${mode}, ports ${ports}`);
  if (mode === 'containers') {
    const { startContainers } = await import('./containers');
    return startContainers({ ports, mailCatcher, log });
  }
  const temporary = !options.runDir && ports === 'ephemeral';
  let runDir = options.runDir ?? defaultRunDir;
  if (temporary) {
    const base = join(repoRoot, '.run');
    mkdirSync(base, { recursive: true });
    // Remove temp dirs left by test runs whose process was killed (the watchdog stopped their children).
    for (const entry of readdirSync(base)) {
      const owner = /^infra-test-(\d+)-/.exec(entry);
      if (owner && !isAlive(Number(owner[1]))) rmSync(join(base, entry), { recursive: true, force: true });
    }
    runDir = mkdtempSync(join(base, `infra-test-${process.pid}-`));
  }
  try {
    const running = await startLocal({ runDir, ports: await planPorts(ports), mailCatcher, detached: false, log });
    if (!temporary) return running;
    return {
      ...running,
      stop: async () => {
        await running.stop();
        rmSync(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (temporary) rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}
