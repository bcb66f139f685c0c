/**
 * FerretDB v1.24.2 (MongoDB wire protocol on SQLite), our own embedded main built by downloads.ts.
 * See docs/decisions/0002-ferretdb-v1-sqlite-embedded-main.md.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { LOCALHOST, retryUntil, seconds, spawnService, waitForLogLine, waitForPort, type SpawnedService } from './process';

export interface FerretDBLocalOptions {
  binary: string;
  dir: string;
  port: number;
  detached: boolean;
  log: (line: string) => void;
}

export interface FerretDBLocal {
  service: SpawnedService;
  mongoUri: string;
  logFile: string;
}

/** Marker used to recognise our FerretDB process (pid reuse guard). */
export const FERRETDB_PROCESS_MARKER = 'ferretdb-';

export async function startFerretDBLocal(o: FerretDBLocalOptions): Promise<FerretDBLocal> {
  const started = Date.now();
  const dataDir = join(o.dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(o.dir, 'ferretdb.log');
  const args = [
    '--listen-addr',
    `${LOCALHOST}:${o.port}`,
    '--sqlite-dir',
    dataDir,
    '--log-level',
    process.env.KOPPEL_FERRETDB_LOG_LEVEL ?? 'warn',
    // No fsync per commit (decision 0031); `full` for a database that must outlive a crash of the machine.
    '--sqlite-synchronous',
    process.env.KOPPEL_FERRETDB_SQLITE_SYNCHRONOUS ?? 'normal',
  ];
  // Profiling the database under load (docs/performance.md): Go's pprof on this address.
  if (process.env.KOPPEL_FERRETDB_POSTGRESQL_URL) args.push('--postgresql-url', process.env.KOPPEL_FERRETDB_POSTGRESQL_URL);
  if (process.env.KOPPEL_FERRETDB_DEBUG_ADDR) args.push('--debug-addr', process.env.KOPPEL_FERRETDB_DEBUG_ADDR);
  // Children of a programmatic start also exit when the parent disappears (see main.go).
  if (!o.detached) args.push('--parent-pid', String(process.pid));
  // FerretDB allocates a lot per command; Go's default GC (GOGC=100) then takes a fifth of its CPU.
  // 400 trades some memory (tens of MB) for markedly lower latency under load (docs/performance.md).
  const env = { ...process.env, GOGC: process.env.KOPPEL_FERRETDB_GOGC ?? '400' };
  const service = spawnService({ name: 'ferretdb', command: o.binary, args, logFile, cwd: o.dir, detached: o.detached, env });
  const mongoUri = `mongodb://${LOCALHOST}:${o.port}/`;
  try {
    await waitForLogLine({
      file: logFile,
      offset: service.logOffset,
      pattern: /FerretDB listening on/,
      timeoutMs: 30_000,
      pid: service.pid,
      what: 'ferretdb',
    });
    await waitForPort(o.port, 10_000, 'ferretdb port', service.pid);
    await retryUntil('ferretdb ping', 20_000, () => pingMongo(mongoUri), service.pid);
  } catch (error) {
    try {
      process.kill(service.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    throw error;
  }
  o.log(`ferretdb: ready on ${mongoUri} (${seconds(Date.now() - started)})`);
  return { service, mongoUri, logFile };
}

export async function pingMongo(uri: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000, directConnection: true });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => {});
  }
}
