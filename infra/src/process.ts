/**
 * Small process helpers for the local infrastructure: spawn with output to a log file,
 * wait for a log line or an open port, stop with SIGTERM -> SIGKILL, free ports, and a
 * watchdog that ends children when the Node process that started them dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { dirname } from 'node:path';

export const LOCALHOST = '127.0.0.1';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function findFreePort(host = LOCALHOST): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(port: number, host = LOCALHOST, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process (Linux /proc), or '' when unknown. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Alive and (when /proc is available) its command line contains `marker` (guards against pid reuse). */
export function isOurProcess(pid: number | undefined, marker: string): boolean {
  if (!pid || !isAlive(pid)) return false;
  if (!existsSync('/proc/self/cmdline')) return true;
  return commandLine(pid).includes(marker);
}

export interface SpawnedService {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Byte offset of the log file when the process was spawned (readiness looks after it). */
  logOffset: number;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Own process group, not tied to this Node process (used by `infra:up`). */
  detached?: boolean;
}

/** Spawns a process with stdout+stderr appended to `logFile`; stdin is ignored. */
export function spawnService(options: SpawnOptions): SpawnedService {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const logOffset = existsSync(options.logFile) ? statSync(options.logFile).size : 0;
  const fd = openSync(options.logFile, 'a');
  try {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', fd, fd],
      detached: options.detached ?? false,
    });
    if (!child.pid) throw new Error(`could not start ${options.name} (${options.command})`);
    if (options.detached) child.unref();
    return { name: options.name, child, pid: child.pid, logFile: options.logFile, logOffset };
  } finally {
    closeSync(fd);
  }
}

function readFrom(file: string, offset: number): string {
  if (!existsSync(file)) return '';
  const size = statSync(file).size;
  if (size <= offset) return '';
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Last lines of a log file, for error messages. */
export function tail(file: string, lines = 20): string {
  if (!existsSync(file)) return '(no log file)';
  const text = readFileSync(file, 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}

export interface WaitForLogOptions {
  file: string;
  pattern: RegExp;
  /** Only text after this byte offset counts. */
  offset?: number;
  timeoutMs: number;
  /** Fail fast when this process exits. */
  pid?: number;
  what: string;
}

/** Polls a log file until `pattern` matches; returns the match. */
export async function waitForLogLine(options: WaitForLogOptions): Promise<RegExpMatchArray> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const match = readFrom(options.file, options.offset ?? 0).match(options.pattern);
    if (match) return match;
    if (options.pid !== undefined && !isAlive(options.pid)) {
      throw new Error(`${options.what} exited before it was ready. Last lines of ${options.file}:\n${tail(options.file)}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${options.what} not ready after ${options.timeoutMs} ms. Last lines of ${options.file}:\n${tail(options.file)}`);
    }
    await sleep(150);
  }
}

/** Retries `probe` until it resolves or the timeout passes. */
export async function retryUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T>, pid?: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (pid !== undefined && !isAlive(pid)) throw new Error(`${what}: process ${pid} exited`);
    if (Date.now() > deadline) {
      throw new Error(`${what} failed for ${timeoutMs} ms: ${(lastError as Error)?.message ?? lastError}`);
    }
    await sleep(250);
  }
}

export async function waitForPort(port: number, timeoutMs: number, what: string, pid?: number): Promise<void> {
  await retryUntil(
    what,
    timeoutMs,
    async () => {
      if (!(await isPortOpen(port))) throw new Error(`port ${port} not open`);
    },
    pid,
  );
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the process is gone. Fine when it already is. */
export async function stopPid(pid: number | undefined, graceMs = 20_000): Promise<void> {
  if (!pid || !isAlive(pid)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
    const killDeadline = Date.now() + 5_000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(50);
  }
}

/**
 * Starts a tiny detached `sh` loop that sends SIGTERM (then SIGKILL after 20 s) to `childPids`
 * once `parentPid` has died. This covers a parent that is killed with SIGKILL (jest worker,
 * Ctrl-C on a hung test run), where no 'exit' handler of ours runs. Returns the watchdog pid;
 * stop it with SIGTERM when the children were stopped normally.
 */
export function startWatchdog(parentPid: number, childPids: number[]): number | undefined {
  if (process.platform === 'win32' || childPids.length === 0) return undefined;
  const pids = childPids.join(' ');
  const script =
    `while kill -0 ${parentPid} 2>/dev/null; do sleep 1; done; ` +
    `kill -TERM ${pids} 2>/dev/null; i=0; ` +
    `while [ $i -lt 20 ]; do a=0; for p in ${pids}; do kill -0 $p 2>/dev/null && a=1; done; ` +
    `[ $a = 0 ] && exit 0; sleep 1; i=$((i+1)); done; ` +
    `kill -KILL ${pids} 2>/dev/null; exit 0`;
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog.pid;
}

/** Formats milliseconds for progress lines. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
