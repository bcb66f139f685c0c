import { z } from 'zod';

export * from './describe-env';

/** Thrown at start when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once, at start. The schema's keys are the
 * variable names themselves, so an error message can name the variable.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '(unknown)');
    const value = env[variable];
    const shown = value === undefined ? 'not set' : `got '${looksSecret(variable) ? '***' : value}'`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(problems);
}

function looksSecret(variable: string): boolean {
  return /SECRET|PASSWORD|TOKEN|KEY/i.test(variable);
}

/** Reusable env field builders with documented defaults. */
export const env = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  url: (fallback: string) => z.string().url().default(fallback),
  brokers: (fallback = '127.0.0.1:9092') =>
    z
      .string()
      .default(fallback)
      .transform((s) =>
        s
          .split(',')
          .map((b) => b.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port')).min(1, 'needs at least one broker')),
  mongoUri: (fallback = 'mongodb://127.0.0.1:27017/') =>
    z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .default(fallback),
  databaseName: (fallback: string) =>
    z
      .string()
      .regex(/^[a-zA-Z0-9_-]{1,63}$/, 'letters, digits, _ and - only, at most 63')
      .default(fallback),
  bool: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  logLevel: () => z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  positiveInt: (fallback: number) => z.coerce.number().int().min(1).default(fallback),
  /** Comma-separated origins (`scheme://host[:port]`, no path); empty: none. */
  origins: () =>
    z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url().refine((o) => new URL(o).origin === o, 'each must be an origin: scheme://host[:port], no path'))),
  number: (fallback: number) => z.coerce.number().default(fallback),
};

/** Settings every service shares: where Kafka and MongoDB are, and how much to log. */
export const commonEnvSchema = z.object({
  /** Kafka brokers, comma-separated `host:port`. */
  KAFKA_BROKERS: env.brokers(),
  /** The client id the service gives Kafka (default: `koppel-<service>`). */
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /**
   * At most how long a state topic (offers, requests, organisations) keeps a key's older
   * records after a newer one, such as an erasure or a withdrawal's tombstone: the
   * broker rolls and compacts the segment by then (issue #11). A day by default.
   */
  KAFKA_MAX_COMPACTION_LAG_MS: z.coerce.number().int().min(1000).default(86_400_000),
  /** The MongoDB-protocol server (FerretDB in the demo and tests, MongoDB in production); each service uses a database of its own on it. */
  MONGO_URI: env.mongoUri(),
  /**
   * Database connections per process. 1 serialises this process's operations, which
   * FerretDB v1 needs: it runs an update as a read and a separate write, so two
   * concurrent updates of one document lose one (decision 0010). On MongoDB raise it.
   */
  MONGO_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(1),
  /** debug, info, warn or error: structured JSON lines on stdout. */
  LOG_LEVEL: env.logLevel(),
});
