import { z } from 'zod';
import { AnswerLinkSecretSchema } from '@koppel/answer-links';
import { SealingSecretSchema } from '@koppel/auth';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';

export const notifierEnvSchema = commonEnvSchema.extend({
  /** Port of the health endpoint and the mail previews. */
  NOTIFIER_PORT: env.port(8084),
  /** Listen address (health, readiness, metrics and mail previews). */
  NOTIFIER_HOST: z.string().default('127.0.0.1'),
  /** The notifier's database on MONGO_URI (mail records, digests, organisations' contacts). */
  NOTIFIER_DB: env.databaseName('koppel-notifier'),
  /** Kafka consumer group: instances sharing it share the work. */
  NOTIFIER_GROUP_ID: z.string().min(1).default('koppel-notifier'),
  /** The mail server koppel sends through. */
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  /** Its port (1025: the demo mail catcher; 587 or 465 for a real relay). */
  SMTP_PORT: env.port(1025),
  /** true for implicit TLS (port 465); STARTTLS is used when the server offers it. */
  SMTP_SECURE: env.bool(false),
  /** User for SMTP authentication; unset: none. */
  SMTP_USER: z.string().optional(),
  /** Password for SMTP authentication. */
  SMTP_PASSWORD: z.string().optional(),
  /** The sender of every mail. */
  MAIL_FROM: z.string().min(3).default('koppel <noreply@koppel.example>'),
  /** Signs the answer links; review checks them with the same secret. No default on purpose. */
  ANSWER_LINK_SECRET: AnswerLinkSecretSchema,
  /** Opens the sign-in links intake seals in their events; the same value as intake's. No default on purpose. */
  SIGNIN_LINK_KEY: SealingSecretSchema,
  /** Where the answer links point: review's public address. */
  REVIEW_PUBLIC_URL: env.url('http://127.0.0.1:8083'),
  /** How long the interested / not interested links in a mail work. */
  ANSWER_LINK_TTL_DAYS: env.positiveInt(30),
  /** Attempts of one mail failing for an unknown reason before it is reported failed and dead-lettered (SMTP 4xx and connection failures are retried without limit, 5xx fail at once). */
  MAIL_MAX_ATTEMPTS: env.positiveInt(5),
  /** How long the notifier waits for the mail server to connect, greet or answer before the attempt counts as failed (and is retried). */
  SMTP_TIMEOUT_MS: env.positiveInt(15_000),
  /** A delivery still 'sending' with no attempt for this long was stranded (its event dead-lettered or lost by a bug): the sweeper sends it again. */
  MAIL_SENDING_LEASE_MS: env.positiveInt(600_000),
  /** First retry delay of a failed send; doubles each attempt. */
  MAIL_RETRY_DELAY_MS: env.positiveInt(500),
  /** How often the outbox relay retries events it could not publish yet (e.g. the broker was away). */
  OUTBOX_INTERVAL_MS: env.positiveInt(1000),
  /** How often the relay searches every collection for events nobody named (a crash, another instance); a scan on FerretDB. */
  OUTBOX_SWEEP_INTERVAL_MS: env.positiveInt(300_000),
  /** Local time ("HH:MM", 24 h) after which each day's digests go out, for providers who chose one mail a day. */
  DIGEST_SEND_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, e.g. 07:30')
    .default('07:00'),
  /** The time zone of DIGEST_SEND_TIME and of "a day". */
  DIGEST_TIME_ZONE: z
    .string()
    .default('Europe/Brussels')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Brussels'),
  /**
   * Days the record of a match mail or digest (its address and content) is kept before it
   * is deleted. At least 8: longer than the topics keep the events that caused them, so a
   * redelivered event always finds its record and never mails twice.
   */
  MAIL_RECORD_RETENTION_DAYS: z.coerce.number().int().min(8, 'must be at least 8 (longer than the topics keep their events)').default(400),
  /** Days the record of a sign-in mail is kept; at least 8 for the same reason. */
  SIGNIN_DELIVERY_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(8, 'must be at least 8 (longer than koppel.signin.v1 keeps its events)')
    .default(8),
  /** How often old mail records are purged. */
  RETENTION_INTERVAL_MS: env.positiveInt(3_600_000),
  /** How often the digest scheduler looks whether digests are due. */
  DIGEST_CHECK_INTERVAL_MS: env.positiveInt(60_000),
});
export type NotifierConfig = z.infer<typeof notifierEnvSchema>;

export function loadNotifierConfig(source: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return loadConfig(notifierEnvSchema, source);
}
