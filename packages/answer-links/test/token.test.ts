import { signAnswerToken, verifyAnswerToken } from '../src';

const secret = 'x'.repeat(40);
const future = new Date(Date.now() + 3600_000);

describe('answer tokens', () => {
  it('round-trips the match, side and answer', () => {
    const token = signAnswerToken({ matchId: 'req-1::off-2', side: 'school', answer: 'interested', expiresAt: future }, secret);
    const check = verifyAnswerToken(token, secret);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.claims).toMatchObject({ m: 'req-1::off-2', s: 'school', a: 'interested' });
      expect(check.tokenId).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('refuses a token signed with another secret', () => {
    const token = signAnswerToken({ matchId: 'm', side: 'school', answer: 'interested', expiresAt: future }, 'y'.repeat(40));
    expect(verifyAnswerToken(token, secret)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a token whose claims were changed (another answer, side or match)', () => {
    const token = signAnswerToken({ matchId: 'm', side: 'school', answer: 'not_interested', expiresAt: future }, secret);
    const [body, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, a: 'interested' })).toString('base64url')}.${sig}`;
    expect(verifyAnswerToken(forged, secret)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses an expired or malformed token', () => {
    const token = signAnswerToken({ matchId: 'm', side: 'provider', answer: 'interested', expiresAt: new Date(Date.now() - 1000) }, secret);
    expect(verifyAnswerToken(token, secret)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyAnswerToken('nonsense', secret)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyAnswerToken('a.b.c', secret)).toEqual({ ok: false, reason: 'malformed' });
  });
});
