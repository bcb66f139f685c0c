/**
 * Fetches and builds the local infrastructure into the git-ignored cache (<repo>/.cache):
 *  - Apache Kafka 3.9.1 classpath from Maven Central (infra/kafka/pom.xml, maven-dependency-plugin)
 *  - FerretDB v1.24.2 (SQLite) built with Go from infra/ferretdb (our own small main)
 * Both are idempotent: a marker file holding a hash of the inputs is written only after success,
 * so a half download or build is redone, and a changed pom.xml / go.sum triggers a rebuild.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seconds } from './process';

export const KAFKA_VERSION = '3.9.1';
export const FERRETDB_VERSION = '1.24.2';

export const repoRoot = resolve(__dirname, '..', '..');
export const infraDir = join(repoRoot, 'infra');

export function cacheDir(): string {
  return process.env.KOPPEL_INFRA_CACHE ? resolve(process.env.KOPPEL_INFRA_CACHE) : join(repoRoot, '.cache');
}
export function kafkaHome(): string {
  return join(cacheDir(), `kafka-${KAFKA_VERSION}`);
}
export function kafkaLibs(): string {
  return join(kafkaHome(), 'libs');
}
export function ferretdbBinary(): string {
  return join(cacheDir(), 'ferretdb', `ferretdb-${FERRETDB_VERSION}`);
}

type Log = (line: string) => void;

function hashFiles(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function markerOk(marker: string, expected: string): boolean {
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === expected;
}

/** Runs a command; output is collected and shown only on failure. A ticker logs progress. */
function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; what: string; log: Log; progress?: () => string },
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const started = Date.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    const ticker = setInterval(() => {
      options.log(`  ... ${options.what}: ${seconds(Date.now() - started)}${options.progress ? `, ${options.progress()}` : ''}`);
    }, 10_000);
    child.on('error', (error) => {
      clearInterval(ticker);
      reject(new Error(`${options.what}: cannot run '${command}' (${error.message}). Is it installed and on PATH?`));
    });
    child.on('close', (code) => {
      clearInterval(ticker);
      if (code === 0) resolvePromise();
      else reject(new Error(`${options.what} failed (exit ${code}):\n${output.trim().split('\n').slice(-40).join('\n')}`));
    });
  });
}

function dirStats(dir: string): string {
  if (!existsSync(dir)) return '0 files';
  const files = readdirSync(dir);
  const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return `${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`;
}

/** Kafka broker classpath: `mvn dependency:copy-dependencies` into <cache>/kafka-3.9.1/libs. */
export async function ensureKafka(log: Log = () => {}): Promise<string> {
  const pom = join(infraDir, 'kafka', 'pom.xml');
  const marker = join(kafkaHome(), '.complete');
  const expected = `kafka ${KAFKA_VERSION} ${hashFiles([pom])}`;
  if (markerOk(marker, expected) && existsSync(kafkaLibs())) {
    log(`kafka: cached ${KAFKA_VERSION} classpath in ${kafkaLibs()}`);
    return kafkaLibs();
  }
  const started = Date.now();
  log(`kafka: downloading Apache Kafka ${KAFKA_VERSION} jars with Maven (first run only; ~50 MB) ...`);
  mkdirSync(kafkaHome(), { recursive: true });
  rmSync(marker, { force: true });
  // copy-dependencies never deletes old jars: always download into an empty directory.
  const tmp = join(kafkaHome(), `libs.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await run('mvn', ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${tmp}`], {
      what: 'maven download',
      log,
      progress: () => dirStats(tmp),
    });
    const jars = readdirSync(tmp);
    if (!jars.some((f) => f === `kafka_2.13-${KAFKA_VERSION}.jar`))
      throw new Error(`maven finished but kafka_2.13-${KAFKA_VERSION}.jar is missing in ${tmp}`);
    rmSync(kafkaLibs(), { recursive: true, force: true });
    renameSync(tmp, kafkaLibs());
    writeFileSync(marker, `${expected}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  log(`kafka: ${dirStats(kafkaLibs())} in ${kafkaLibs()} (${seconds(Date.now() - started)})`);
  return kafkaLibs();
}

/** FerretDB: `go build` of infra/ferretdb (CGO off, pure Go SQLite) into <cache>/ferretdb. */
export async function ensureFerretDB(log: Log = () => {}): Promise<string> {
  const src = join(infraDir, 'ferretdb');
  const binary = ferretdbBinary();
  const marker = `${binary}.complete`;
  // Every source file counts: a changed one must rebuild the cached binary.
  const sources = [
    'go.mod',
    'go.sum',
    ...readdirSync(src)
      .filter((f) => f.endsWith('.go'))
      .sort(),
  ];
  const expected = `ferretdb ${FERRETDB_VERSION} ${hashFiles(sources.map((f) => join(src, f)))}`;
  if (markerOk(marker, expected) && existsSync(binary)) {
    log(`ferretdb: cached build ${binary}`);
    return binary;
  }
  const started = Date.now();
  log(`ferretdb: building FerretDB v${FERRETDB_VERSION} with Go (first run only; downloads modules, ~1-3 min on 2 cores) ...`);
  mkdirSync(join(cacheDir(), 'ferretdb'), { recursive: true });
  rmSync(marker, { force: true });
  const tmp = `${binary}.tmp-${process.pid}`;
  try {
    await run('go', ['build', '-mod=readonly', '-trimpath', '-o', tmp, '.'], {
      cwd: src,
      env: { ...process.env, CGO_ENABLED: '0' },
      what: 'go build',
      log,
    });
    renameSync(tmp, binary);
    writeFileSync(marker, `${expected}\n`);
  } finally {
    rmSync(tmp, { force: true });
  }
  log(`ferretdb: built ${binary} (${seconds(Date.now() - started)})`);
  return binary;
}

/** Fetch + build Kafka and FerretDB into the cache (idempotent, fast when cached). */
export async function ensureDownloads(log: Log = () => {}): Promise<void> {
  const started = Date.now();
  // In parallel: Maven mostly waits on the network, go build mostly on the CPU.
  await Promise.all([ensureKafka(log), ensureFerretDB(log)]);
  log(`downloads: ready in ${seconds(Date.now() - started)}`);
}
