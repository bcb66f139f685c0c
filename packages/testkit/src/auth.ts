import { randomBytes } from 'node:crypto';
import { signToken } from '@koppel/auth';

/**
 * A fresh token secret and an admin token for a stack this process starts
 * (tests, demo, benchmarks). Production secrets come from the environment;
 * these live only as long as the stack.
 */
export function localStackAuth(sub = 'local-admin'): { secret: string; adminToken: string } {
  const secret = randomBytes(36).toString('base64url');
  const { token } = signToken(secret, { sub, role: 'admin', ttlSeconds: 7 * 24 * 3600 });
  return { secret, adminToken: token };
}

/** `Authorization` header for a bearer token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
