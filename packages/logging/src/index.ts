import pino from 'pino';
import { currentTrace } from './trace';

export * from './trace';

/**
 * One JSON line per event on stdout (pino), with the service's name and the current trace's
 * correlation id (trace.ts). Keys that look like secrets are masked at any depth, so that a
 * careless `log.info('x', { config })` never leaks a password; errors anywhere in the fields
 * are written with their name, message and stack.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|cookie/i;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  base?: Record<string, unknown>;
  /** Where lines go (one call per line, without its newline); default: stdout, synchronously (a crash loses no line). */
  write?: (line: string) => void;
}

export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const level = options.level ?? ((process.env.LOG_LEVEL as LogLevel) || 'info');
  const destination = options.write
    ? { write: (chunk: string) => options.write!(chunk.replace(/\n$/, '')) }
    : pino.destination({ dest: 1, sync: true });
  const root = pino(
    {
      level,
      base: { service, ...options.base },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are already plain objects (`clean`); pino's own `err` serializer would add a `type`.
      serializers: { err: (value: unknown) => value },
      mixin: () => {
        const trace = currentTrace();
        return trace ? { correlationId: trace.correlationId } : {};
      },
    },
    destination,
  );
  return wrap(root);
}

/** Our call shape (`msg`, then fields) over pino's (fields, then `msg`). */
function wrap(target: pino.Logger): Logger {
  const at = (lvl: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (!target.isLevelEnabled(lvl)) return;
    target[lvl](fields ? (clean(fields) as object) : {}, msg);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrap(target.child(clean(fields) as object)),
  };
}

/** Fields fit for a line: secret-looking keys masked, errors as name, message and stack, at any depth. */
function clean(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (!value || typeof value !== 'object' || Array.isArray(value) || depth > 8) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '***' : clean(v, depth + 1);
  return out;
}
