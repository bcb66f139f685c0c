import { SealingSecretSchema } from '@koppel/auth';
import { z } from 'zod';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';

export const intakeEnvSchema = commonEnvSchema.extend({
  /** HTTP port of the intake API. */
  INTAKE_PORT: env.port(8081),
  /** Listen address. */
  INTAKE_HOST: z.string().default('127.0.0.1'),
  /** Intake's database on MONGO_URI. */
  INTAKE_DB: env.databaseName('koppel-intake'),
  /**
   * The public catalogue's consumer groups (issue #13): each intake process reads the offer and organisation
   * topics from the beginning into memory under `<prefix>-<random id>`, so every start rebuilds it; Kafka
   * forgets an empty group after its offsets' retention (a week by default).
   */
  INTAKE_CATALOGUE_GROUP_PREFIX: z.string().min(1).max(100).default('koppel-intake-catalogue'),
  /** How often the outbox relay retries events it could not publish yet (e.g. the broker was away). */
  OUTBOX_INTERVAL_MS: env.positiveInt(1000),
  /** How often the relay searches every collection for events nobody named (a crash, another instance); a scan on FerretDB. */
  OUTBOX_SWEEP_INTERVAL_MS: env.positiveInt(300_000),
  /** HMAC secret that signs and verifies bearer tokens; every service that checks tokens shares it (docs/security.md). */
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
  /** Seals sign-in links in their events so only the notifier can read them; the same value as the notifier's. No default on purpose. */
  SIGNIN_LINK_KEY: SealingSecretSchema,
  /** Where the web page that exchanges a one-time sign-in link lives; the link is `<base>?token=...`. */
  SIGNIN_LINK_BASE: z.url().default('http://127.0.0.1:8083/sign-in'),
  /**
   * Where schools and providers exchange their link (the portal's sign-in page); brokers and
   * admins keep SIGNIN_LINK_BASE (the console). Unset: everyone gets SIGNIN_LINK_BASE.
   */
  SIGNIN_PORTAL_LINK_BASE: z.url().optional(),
  /** How long a one-time sign-in link works. */
  SIGNIN_LINK_TTL_MINUTES: env.positiveInt(15),
  /** Where a sign-up's confirmation link points (issue #13): the portal's confirmation page; `?token=` is added. */
  SIGNUP_CONFIRM_LINK_BASE: env.url('http://127.0.0.1:8085/registreren/bevestigen'),
  /** How long a sign-up's confirmation link works. */
  SIGNUP_LINK_TTL_HOURS: env.positiveInt(48),
  /** Intake's consumer group for the brokers' decisions on sign-ups (koppel.signups.v1). */
  INTAKE_GROUP_ID: z.string().min(1).default('koppel-intake'),
  /** Lifetime of a session token obtained through a sign-in link. */
  SESSION_TTL_HOURS: env.positiveInt(12),
  /** Origins (comma-separated, e.g. review's console `https://console.koppel.example`) whose pages may post to /auth/* from the browser. Empty: none. */
  INTAKE_CORS_ORIGINS: env.origins(),
  /** Requests per minute per token (per client address for the unauthenticated sign-in routes). */
  INTAKE_RATE_LIMIT_PER_MINUTE: env.positiveInt(600),
  /** Sign-in links one address may ask for in an hour; more still answer 202 but make none. */
  SIGNIN_LINKS_PER_ADDRESS_PER_HOUR: env.positiveInt(5),
  /** Express's `trust proxy`: how client addresses are read behind a reverse proxy (e.g. `loopback`, `1`); off by default, so X-Forwarded-For is ignored. */
  INTAKE_TRUST_PROXY: z
    .string()
    .regex(/^(false|true|loopback|uniquelocal|linklocal|\d+)$/, 'false, true, loopback, uniquelocal, linklocal or a number of hops')
    .default('false'),
  /** Longest wait for one database operation (and for the server to be found) before a request answers 503: bounds latency while the database hangs. */
  INTAKE_DB_TIMEOUT_MS: env.positiveInt(5000),
  /** Largest accepted request body (express `limit` syntax). */
  INTAKE_BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/, 'like 100kb')
    .default('100kb'),
  /**
   * Fault injection for the crash tests: the process kills itself right after
   * the database write and before the event is published. Never set in production.
   */
  INTAKE_FAULT_CRASH_AFTER_WRITE: env.bool(false),
});
export type IntakeConfig = z.infer<typeof intakeEnvSchema>;

export function loadIntakeConfig(source: NodeJS.ProcessEnv = process.env): IntakeConfig {
  return loadConfig(intakeEnvSchema, source);
}
