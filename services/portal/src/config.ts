import { z } from 'zod';
import { env, loadConfig } from '@koppel/config';

/**
 * The portal only serves pages and a script; it calls no other service. The
 * two URLs are where the *browser* finds intake and review, so they must be
 * addresses the visitor can reach (public URLs in production).
 */
export const portalEnvSchema = z.object({
  LOG_LEVEL: env.logLevel(),
  /** HTTP port of the pages for schools and providers. */
  PORTAL_PORT: env.port(8085),
  /** Listen address. */
  PORTAL_HOST: z.string().default('127.0.0.1'),
  /** Intake API as the browser reaches it (offers, requests, sign-in). */
  PORTAL_INTAKE_URL: env.url('http://127.0.0.1:8081'),
  /** Review API as the browser reaches it (suggestions and answers). */
  PORTAL_REVIEW_URL: env.url('http://127.0.0.1:8083'),
});
export type PortalConfig = z.infer<typeof portalEnvSchema>;

export function loadPortalConfig(source: NodeJS.ProcessEnv = process.env): PortalConfig {
  return loadConfig(portalEnvSchema, source);
}
