/**
 * npm run infra:up | infra:down | infra:status
 *
 * `up` starts Kafka, FerretDB and maildev as DETACHED local processes that outlive the command,
 * writes .run/infra/endpoints.json and <component>.pid files, and is idempotent: when everything
 * still runs it only prints the endpoints. `down` stops what `up` started. With
 * KOPPEL_INFRA_MODE=containers, use `docker compose -f infra/compose.yaml up -d` instead.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureDownloads } from './downloads';
import { FERRETDB_PROCESS_MARKER, pingMongo } from './ferretdb-local';
import { defaultRunDir, planPorts, startLocal, type Endpoints } from './index';
import { describeCluster, KAFKA_PROCESS_MARKER } from './kafka-local';
import { MAILDEV_PROCESS_MARKER } from './maildev-local';
import { isOurProcess, isPortOpen, seconds, stopPid } from './process';

interface StateFile {
  mode: 'local';
  startedAt: string;
  endpoints: Endpoints;
  logs: Record<string, string>;
  pids: Record<string, number>;
}

const runDir = process.env.KOPPEL_INFRA_RUN_DIR ?? defaultRunDir;
const endpointsFile = join(runDir, 'endpoints.json');
const markers: Record<string, string> = { kafka: KAFKA_PROCESS_MARKER, ferretdb: FERRETDB_PROCESS_MARKER, maildev: MAILDEV_PROCESS_MARKER };
const components = Object.keys(markers);
const pidFile = (component: string): string => join(runDir, `${component}.pid`);
const rel = (p: string): string => relative(process.cwd(), p) || p;
const log = (line: string): void => console.log(line);

function readState(): StateFile | undefined {
  try {
    return JSON.parse(readFileSync(endpointsFile, 'utf8')) as StateFile;
  } catch {
    return undefined;
  }
}

function readPid(component: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile(component), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** component -> pid for the processes of a previous `up` that are still ours and alive. */
function alivePids(): Record<string, number> {
  const alive: Record<string, number> = {};
  for (const component of components) {
    const pid = readPid(component);
    if (pid && isOurProcess(pid, markers[component]!)) alive[component] = pid;
  }
  return alive;
}

async function healthy(state: StateFile): Promise<Record<string, boolean>> {
  const result: Record<string, boolean> = {
    kafka: await describeCluster(state.endpoints.kafkaBrokers).then(
      () => true,
      () => false,
    ),
    ferretdb: await pingMongo(state.endpoints.mongoUri).then(
      () => true,
      () => false,
    ),
  };
  if (state.endpoints.smtp) result.maildev = await isPortOpen(state.endpoints.smtp.port);
  return result;
}

function printEndpoints(state: StateFile): void {
  const e = state.endpoints;
  console.log('');
  console.log(`  Kafka      ${e.kafkaBrokers.join(',')}     log: ${rel(state.logs.kafka ?? '')}`);
  console.log(`  MongoDB    ${e.mongoUri}   (FerretDB on SQLite)   log: ${rel(state.logs.ferretdb ?? '')}`);
  if (e.smtp) console.log(`  SMTP       ${e.smtp.host}:${e.smtp.port}     log: ${rel(state.logs.maildev ?? '')}`);
  if (e.mailInboxUrl) console.log(`  Mail inbox ${e.mailInboxUrl}`);
  console.log('');
  console.log(
    `  endpoints: ${rel(endpointsFile)}   pids: ${Object.entries(state.pids)
      .map(([c, p]) => `${c}=${p}`)
      .join(' ')}`,
  );
  console.log('  stop with: npm run infra:down');
}

async function down(quiet = false): Promise<void> {
  const alive = alivePids();
  const entries = Object.entries(alive);
  if (entries.length === 0 && !quiet) console.log('infra: nothing running');
  const started = Date.now();
  await Promise.all(
    entries.map(async ([component, pid]) => {
      if (!quiet) console.log(`infra: stopping ${component} (pid ${pid}) ...`);
      await stopPid(pid, 20_000);
    }),
  );
  for (const component of components) rmSync(pidFile(component), { force: true });
  rmSync(endpointsFile, { force: true });
  if (entries.length > 0 && !quiet) console.log(`infra: stopped in ${seconds(Date.now() - started)} (data kept in ${rel(runDir)})`);
}

async function up(): Promise<void> {
  const started = Date.now();
  if ((process.env.KOPPEL_INFRA_MODE ?? 'local') === 'containers') {
    console.log('KOPPEL_INFRA_MODE=containers: run `docker compose -f infra/compose.yaml up -d` (same ports) instead.');
    process.exitCode = 2;
    return;
  }
  const state = readState();
  const alive = alivePids();
  if (state && Object.keys(alive).length > 0) {
    const health = await healthy(state);
    const wanted = Object.keys(state.pids);
    if (wanted.every((c) => alive[c] && health[c])) {
      console.log('infra: already running');
      printEndpoints(state);
      return;
    }
    console.log(
      `infra: partly running (${wanted.map((c) => `${c}: ${alive[c] ? (health[c] ? 'ok' : 'not answering') : 'gone'}`).join(', ')}); restarting`,
    );
  }
  await down(true);

  mkdirSync(runDir, { recursive: true });
  const running = await startLocal({
    runDir,
    ports: await planPorts('default'),
    mailCatcher: process.env.KOPPEL_MAIL_CATCHER !== '0',
    detached: true,
    log,
  });
  for (const [component, pid] of Object.entries(running.pids)) writeFileSync(pidFile(component), `${pid}\n`);
  const newState: StateFile = {
    mode: 'local',
    startedAt: new Date().toISOString(),
    endpoints: running.endpoints,
    logs: running.logs,
    pids: running.pids,
  };
  writeFileSync(endpointsFile, `${JSON.stringify(newState, null, 2)}\n`);
  console.log(`infra: up in ${seconds(Date.now() - started)}`);
  printEndpoints(newState);
}

async function status(): Promise<void> {
  const state = readState();
  const alive = alivePids();
  if (!state && Object.keys(alive).length === 0) {
    console.log('infra: not running (npm run infra:up)');
    process.exitCode = 3;
    return;
  }
  const health = state ? await healthy(state) : {};
  for (const component of components) {
    const pid = alive[component];
    if (!pid && !(state && component in state.pids)) continue;
    console.log(
      `  ${component.padEnd(9)} ${pid ? `pid ${pid}` : 'not running'}${pid ? (health[component] ? ', answering' : ', NOT answering') : ''}`,
    );
  }
  if (state) printEndpoints(state);
  const ok = state && Object.keys(state.pids).every((c) => alive[c] && health[c]);
  if (!ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (command === 'up') await up();
  else if (command === 'down') await down();
  else if (command === 'status') await status();
  else if (command === 'download') await ensureDownloads(log);
  else {
    console.log('usage: tsx infra/src/cli.ts up|down|status|download');
    process.exitCode = 2;
  }
}

main().catch((error: unknown) => {
  console.error(`infra: ${(error as Error).message ?? String(error)}`);
  process.exitCode = 1;
});
