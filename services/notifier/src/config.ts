import { z } from 'zod';
import { commonEnvSchema, env, loadConfig } from '@koppel/config';

export const notifierEnvSchema = commonEnvSchema.extend({
  /** Port of the health endpoint. */
  NOTIFIER_PORT: env.port(8084),
  NOTIFIER_HOST: z.string().default('127.0.0.1'),
  NOTIFIER_DB: env.databaseName('koppel-notifier'),
  NOTIFIER_GROUP_ID: z.string().min(1).default('koppel-notifier'),
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: env.port(1025),
  /** true for implicit TLS (port 465); STARTTLS is used when the server offers it. */
  SMTP_SECURE: env.bool(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('koppel <noreply@koppel.example>'),
});
export type NotifierConfig = z.infer<typeof notifierEnvSchema>;

export function loadNotifierConfig(source: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return loadConfig(notifierEnvSchema, source);
}
