import { currentTrace } from './trace';

export * from './trace';

/**
 * One JSON line per event on stdout, with the current trace's correlation id (trace.ts). Keys that look like secrets are masked
 * so that a careless `log.info('x', { config })` never leaks a password.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|cookie/i;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export function createLogger(service: string, options: { level?: LogLevel; base?: Record<string, unknown>; write?: (line: string) => void } = {}): Logger {
  const level = options.level ?? ((process.env.LOG_LEVEL as LogLevel) || 'info');
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const base = { service, ...options.base };
  const emit = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < (ORDER[level] ?? 20)) return;
    const trace = currentTrace();
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...base, ...(trace ? { correlationId: trace.correlationId } : {}), ...maskSecrets(fields ?? {}) }, errorReplacer));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(service, { ...options, level, base: { ...options.base, ...fields } }),
  };
}

function maskSecrets(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k)) out[k] = '***';
    else if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Error)) out[k] = maskSecrets(v as Record<string, unknown>);
    else out[k] = v;
  }
  return out;
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
