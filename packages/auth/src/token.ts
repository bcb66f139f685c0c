import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { RegionSchema, type Region } from '@koppel/contracts';

/**
 * Bearer tokens signed with HMAC-SHA256 and a shared secret (decision 0008).
 * Format: `kpl1.<base64url(JSON claims)>.<base64url(signature)>`, the signature
 * covering `kpl1.<claims>`. Any service holding `AUTH_TOKEN_SECRET` verifies a
 * token without a database round trip; the claims carry the role, the
 * organisation and (for brokers) the regions, so review can authorise a broker
 * from the token alone.
 */
export const ROLES = ['admin', 'requester', 'provider', 'broker'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export { RegionSchema, type Region };

/**
 * A region as a token carries it: `BE:8000-8999`. A tenth of its JSON form and without
 * its name, so a broker of 100 regions still gets a token that an Authorization header
 * carries (issue #11: from ~75 named regions on, tokens outgrew what intake accepts).
 * Tokens issued before carry the object form, which is still read.
 */
const TokenRegionSchema = z.union([
  z
    .string()
    .regex(/^(BE|NL):\d{4}-\d{4}$/)
    .transform(
      (s): Region => ({
        country: s.slice(0, 2) as Region['country'],
        postcodeFrom: Number(s.slice(3, 7)),
        postcodeTo: Number(s.slice(8, 12)),
      }),
    ),
  RegionSchema,
]);

function compactRegion(region: Region): string {
  return `${region.country}:${region.postcodeFrom}-${region.postcodeTo}`;
}

export const ClaimsSchema = z.object({
  /** Who: a contact's email, or a name the admin chose for an integration. */
  sub: z.string().min(1).max(254),
  role: RoleSchema,
  /** The organisation the token acts for; absent only for admins. */
  org: z.string().min(1).max(100).optional(),
  regions: z.array(TokenRegionSchema).max(100).optional(),
  /** Issued at / expires, seconds since the epoch. */
  iat: z.number().int(),
  exp: z.number().int(),
  /** Token id: names the token in logs and rate limits without revealing it. */
  jti: z.string().min(1).max(64),
});
export type Claims = z.infer<typeof ClaimsSchema>;

const PREFIX = 'kpl1';
export const MIN_SECRET_LENGTH = 32;

function signatureOf(secret: string, signed: string): Buffer {
  return createHmac('sha256', secret).update(signed).digest();
}

export function signToken(
  secret: string,
  claims: Omit<Claims, 'iat' | 'exp' | 'jti'> & { ttlSeconds: number; jti?: string; now?: Date },
): { token: string; claims: Claims } {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`the token secret must be at least ${MIN_SECRET_LENGTH} characters`);
  const iat = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  const payload = {
    sub: claims.sub,
    role: claims.role,
    org: claims.org,
    regions: claims.regions?.map(compactRegion),
    iat,
    exp: iat + claims.ttlSeconds,
    jti: claims.jti ?? randomUUID(),
  };
  const full = ClaimsSchema.parse(payload); // what a verifier will read: the check that the payload is valid
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signed = `${PREFIX}.${body}`;
  return { token: `${signed}.${signatureOf(secret, signed).toString('base64url')}`, claims: full };
}

export type VerifyResult = { ok: true; claims: Claims } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/** Checks format, signature (constant time) and expiry; never throws on bad input. */
export function verifyToken(secret: string, token: string, now: Date = new Date()): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || token.length > 8192) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(parts[2], 'base64url');
  const expected = signatureOf(secret, `${parts[0]}.${parts[1]}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = ClaimsSchema.safeParse(decoded);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp <= Math.floor(now.getTime() / 1000)) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}

/** The token from an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** A random secret for one-time sign-in links (256 bits, URL-safe). */
export function randomLinkSecret(): string {
  return randomBytes(32).toString('base64url');
}
