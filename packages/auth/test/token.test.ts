import { bearerTokenOf, isInRegions, postcodeNumberOf, signToken, verifyToken } from '../src';

const secret = 'x'.repeat(40);

describe('signed tokens', () => {
  it('verify with the same secret and carry the claims', () => {
    const { token } = signToken(secret, {
      sub: 'an@example.org',
      role: 'broker',
      org: 'org-1',
      regions: [{ country: 'BE', postcodeFrom: 8000, postcodeTo: 8999 }],
      ttlSeconds: 60,
    });
    const result = verifyToken(secret, token);
    expect(result.ok && result.claims.role).toBe('broker');
    expect(result.ok && result.claims.regions?.[0].postcodeFrom).toBe(8000);
  });

  it('reject another secret, a changed body, expiry and garbage', () => {
    const { token } = signToken(secret, { sub: 'a', role: 'admin', ttlSeconds: 60 });
    expect(verifyToken('y'.repeat(40), token)).toEqual({ ok: false, reason: 'bad-signature' });
    const [p, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'a', role: 'admin', iat: 1, exp: 9e9, jti: 'j' })).toString('base64url');
    expect(verifyToken(secret, `${p}.${forged}.${s}`).ok).toBe(false);
    expect(verifyToken(secret, token, new Date(Date.now() + 61_000))).toEqual({ ok: false, reason: 'expired' });
    expect(verifyToken(secret, 'abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyToken(secret, 'kpl1.%%%.%%%').ok).toBe(false);
  });

  it('refuse a short secret', () => {
    expect(() => signToken('short', { sub: 'a', role: 'admin', ttlSeconds: 1 })).toThrow(/at least 32/);
  });

  it('read the bearer header', () => {
    expect(bearerTokenOf('Bearer abc.def')).toBe('abc.def');
    expect(bearerTokenOf('Basic abc')).toBeUndefined();
    expect(bearerTokenOf(undefined)).toBeUndefined();
  });
});

describe('regions', () => {
  const regions = [{ country: 'BE' as const, postcodeFrom: 8000, postcodeTo: 8999 }];
  it('compare the leading four digits within the country', () => {
    expect(postcodeNumberOf('3511 AB')).toBe(3511);
    expect(isInRegions(regions, 'BE', '8500')).toBe(true);
    expect(isInRegions(regions, 'NL', '8500')).toBe(false);
    expect(isInRegions(regions, 'BE', '9000')).toBe(false);
    expect(isInRegions(regions, 'BE', 'abc')).toBe(false);
  });
});
