import { signToken } from '@koppel/auth';
import type { MatchSnapshot } from '@koppel/contracts';
import { consoleSessionOf } from '../src/app/console-sessions';
import { mayHandle } from '../src/app/policies/broker-scope';
import { schoolCountryOf } from '../src/app/regions/school-country';
import { cookieValue } from '@koppel/http';
import { sessionCookie } from '../src/http/sign-in/console-session';
import { secureFor } from '../src/http/sign-in/routes';
import { regionScopeFilter, withinScope } from '../src/store/region-scope';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const westFlanders = [{ country: 'BE' as const, postcodeFrom: 8000, postcodeTo: 8999 }];

function matchAt(postcode: string, country?: 'BE' | 'NL'): MatchSnapshot {
  return {
    matchId: 'm',
    requestId: 'r',
    offerId: 'o',
    score: 0.5,
    explanation: {},
    summary: '',
    request: { title: 't', municipality: 'x', postcode, country, ageMin: 8, ageMax: 9, pupils: 20, disciplines: [] },
    offer: { title: 'o', municipality: 'y', format: 'workshop', pricePerPupil: 5, disciplines: [] },
    school: { id: 's', name: 'S', email: 's@example.org', language: 'nl' },
    provider: { id: 'p', name: 'P', email: 'p@example.org', language: 'nl' },
  };
}

describe('console session', () => {
  it('accepts brokers and admins, refuses other roles, forged and expired tokens', () => {
    const broker = signToken(secret, {
      sub: 'sam@example.org',
      role: 'broker',
      org: 'org-b',
      regions: westFlanders,
      ttlSeconds: 600,
    }).token;
    expect(consoleSessionOf(broker, secret)).toMatchObject({ ok: true, claims: { sub: 'sam@example.org' } });
    expect(consoleSessionOf(signToken(secret, { sub: 'ops', role: 'admin', ttlSeconds: 600 }).token, secret).ok).toBe(true);
    expect(consoleSessionOf(signToken(secret, { sub: 'x', role: 'provider', org: 'p', ttlSeconds: 600 }).token, secret)).toEqual({
      ok: false,
      reason: 'role',
    });
    expect(consoleSessionOf(signToken(`${secret}-other`, { sub: 'x', role: 'admin', ttlSeconds: 600 }).token, secret)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(consoleSessionOf(broker, secret, new Date(Date.now() + 3_600_000))).toEqual({ ok: false, reason: 'invalid' });
    expect(consoleSessionOf(undefined, secret)).toEqual({ ok: false, reason: 'missing' });
  });

  it('makes the cookie Secure whenever the console is reached by another name than localhost, or when configured', () => {
    expect(secureFor({ hostname: 'console.koppel.example' }, false)).toBe(true);
    expect(secureFor({ hostname: '127.0.0.1' }, false)).toBe(false);
    expect(secureFor({ hostname: 'localhost' }, false)).toBe(false);
    expect(secureFor({ hostname: 'localhost' }, true)).toBe(true);
  });

  it('sets an HttpOnly, SameSite=Lax cookie under /console that lives as long as the token', () => {
    const now = new Date();
    const { claims } = signToken(secret, { sub: 'ops', role: 'admin', ttlSeconds: 600, now });
    const token = 'a-session-id-of-43-characters-000000000000';
    const cookie = sessionCookie(token, claims, { secure: true, now });
    expect(cookie).toMatch(/^koppel_console=a-session-id/);
    expect(cookie).toContain('Path=/console; Max-Age=600; HttpOnly; SameSite=Lax; Secure');
    expect(sessionCookie(token, claims, { secure: false, now })).not.toContain('Secure');
    expect(cookieValue(`a=1; koppel_console=${encodeURIComponent(token)}; b=2`, 'koppel_console')).toBe(token);
    expect(cookieValue('a=1', 'koppel_console')).toBeUndefined();
  });
});

describe('broker scope', () => {
  const broker = signToken(secret, { sub: 'sam', role: 'broker', org: 'b', regions: westFlanders, ttlSeconds: 60 }).claims;
  const admin = signToken(secret, { sub: 'ops', role: 'admin', ttlSeconds: 60 }).claims;

  it('lets a broker handle matches of schools in its regions only; admins everything', () => {
    expect(mayHandle(broker, { match: matchAt('8500', 'BE') })).toBe(true);
    expect(mayHandle(broker, { match: matchAt('9000', 'BE') })).toBe(false);
    expect(mayHandle(broker, { match: matchAt('8500 AB', 'NL') })).toBe(false);
    expect(mayHandle(admin, { match: matchAt('9000') })).toBe(true);
  });

  it('reads the country from the postcode when an older event lacks it', () => {
    expect(schoolCountryOf(matchAt('8530'))).toBe('BE');
    expect(schoolCountryOf(matchAt('3511 AB'))).toBe('NL');
    expect(mayHandle(broker, { match: matchAt('8530') })).toBe(true);
  });

  it('filters the list in the database by country and postcode range, combined with the queue filter', () => {
    expect(regionScopeFilter(admin)).toBeUndefined();
    const scope = { $or: [{ country: 'BE', postcodeNumber: { $gte: 8000, $lte: 8999 } }] };
    expect(regionScopeFilter(broker)).toEqual(scope);
    expect(withinScope({ status: 'proposed' }, broker)).toEqual({ $and: [{ status: 'proposed' }, scope] });
    expect(withinScope({}, broker)).toEqual(scope);
    expect(withinScope({ status: 'proposed' }, admin)).toEqual({ status: 'proposed' });
    expect(regionScopeFilter({ ...broker, regions: [] })).toEqual({ _id: { $in: [] } });
  });
});
