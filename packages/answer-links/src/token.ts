import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { MatchAnswerSchema, MatchSideSchema } from '@koppel/contracts';

/**
 * Signed answer links: the mail to one side of an approved match carries two
 * links ("interested", "not interested") that work without signing in. Each
 * token names the match, the side and the answer, and is signed with an
 * HMAC-SHA256 of a secret that only the notifier (signs) and review (checks)
 * know, so nobody can forge a link for another match or side. Whether a token
 * was already used is not in the token: review records the answer with a
 * conditional update, so the second use finds the side already answered.
 */
export const AnswerTokenClaimsSchema = z.object({
  /** match id */
  m: z.string().min(1),
  /** side that answers */
  s: MatchSideSchema,
  /** the answer this link gives */
  a: MatchAnswerSchema,
  /** expiry, seconds since the epoch */
  exp: z.number().int().positive(),
});
export type AnswerTokenClaims = z.infer<typeof AnswerTokenClaimsSchema>;

/** The secret must be long enough that guessing it is hopeless; config schemas use this. */
export const AnswerLinkSecretSchema = z.string().min(32, 'must be at least 32 characters (a random secret shared by review and notifier)');

function mac(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`koppel-answer.v1.${body}`).digest();
}

/** `<claims as base64url JSON>.<HMAC as base64url>`: short enough for a URL path segment. */
export function signAnswerToken(
  input: { matchId: string; side: AnswerTokenClaims['s']; answer: AnswerTokenClaims['a']; expiresAt: Date },
  secret: string,
): string {
  const claims: AnswerTokenClaims = { m: input.matchId, s: input.side, a: input.answer, exp: Math.floor(input.expiresAt.getTime() / 1000) };
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(body, secret).toString('base64url')}`;
}

export type AnswerTokenCheck =
  | { ok: true; claims: AnswerTokenClaims; tokenId: string }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

/** Checks signature and expiry; `tokenId` (a hash, never the token itself) is what gets stored and logged. */
export function verifyAnswerToken(token: string, secret: string, now: Date = new Date()): AnswerTokenCheck {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = AnswerTokenClaimsSchema.safeParse(json);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data, tokenId: answerTokenId(token) };
}

export function answerTokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}

/** The page a link opens: it shows the answer and asks for one click to send it (GET never changes anything). */
export function answerLinkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/answers/${token}`;
}
