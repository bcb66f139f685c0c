import { dangerousInputPaths, MAX_INPUT_DEPTH, MAX_INPUT_VALUES, unknownFieldErrors } from '../src/http/input-guard';
import { canSee, kindAccess, visibilityOf } from '../src/app/listings/access';
import { decodeCursor, encodeCursor } from '../src/app/listings/cursor';
import { afterFilter, sortOf, visibilityFilter } from '../src/store/listing-store';

const principal = (role: 'admin' | 'requester' | 'provider' | 'broker', org?: string) => ({
  sub: 's',
  role,
  org,
  iat: 0,
  exp: 9e9,
  jti: 'j',
  regions: role === 'broker' ? [{ country: 'BE' as const, postcodeFrom: 8000, postcodeTo: 8999 }] : undefined,
});

describe('input guard', () => {
  it('finds operator keys, dotted keys, prototype keys and control characters at any depth', () => {
    const found = dangerousInputPaths(JSON.parse('{"a":{"$gt":1},"b.c":1,"d":[{"__proto__":1}],"e":"x\\u0000"}'));
    expect(found.map((f) => f.path)).toEqual(['a.$gt', 'b.c', 'd.0.__proto__', 'e']);
    expect(dangerousInputPaths({ title: 'Regel 1\nRegel 2\t€' })).toEqual([]);
  });

  it('refuses input too deep or too large for a listing quickly, without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const started = performance.now();
    const tooDeep = dangerousInputPaths(deep);
    expect(tooDeep).toEqual([{ path: '0.0.0.0.0.0.0.0.0.0.0.0', message: `must not be nested more than ${MAX_INPUT_DEPTH} levels deep` }]);
    const nested: Record<string, unknown> = {};
    let cursor = nested;
    for (let i = 0; i < 6000; i++) {
      cursor.a = {};
      cursor = cursor.a as Record<string, unknown>;
    }
    expect(dangerousInputPaths(nested)[0].message).toMatch(/nested more than/);
    const wide = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
    expect(dangerousInputPaths(wide)).toEqual([{ path: '(body)', message: `must not hold more than ${MAX_INPUT_VALUES} values` }]);
    expect(performance.now() - started).toBeLessThan(200);
    // A real listing is far inside both limits.
    expect(dangerousInputPaths({ a: { b: { c: { d: [{ e: 'x' }] } } } })).toEqual([]);
  });

  it('names unknown fields that zod stripped, with their path', () => {
    expect(unknownFieldErrors({ a: 1, b: { c: 1, d: 2 }, l: [{ x: 1, y: 2 }] }, { a: 1, b: { c: 1 }, l: [{ x: 1 }] })).toEqual([
      { path: 'b', message: 'unknown field(s): d' },
      { path: 'l.0', message: 'unknown field(s): y' },
    ]);
  });
});

describe('listing access', () => {
  it('lets the owning role write its kind, brokers read, others not at all', () => {
    expect(kindAccess(principal('provider', 'p'), 'offer', true)).toBeUndefined();
    expect(kindAccess(principal('provider', 'p'), 'request', false)?.detail).toMatch(/cannot read/);
    expect(kindAccess(principal('broker', 'b'), 'request', false)).toBeUndefined();
    expect(kindAccess(principal('broker', 'b'), 'request', true)?.detail).toMatch(/cannot change/);
  });

  it('shows owners their own listings and brokers their regions', () => {
    expect(canSee(principal('requester', 's1'), { ownerId: 's1' })).toBe(true);
    expect(canSee(principal('requester', 's1'), { ownerId: 's2' })).toBe(false);
    expect(canSee(principal('broker', 'b'), { country: 'BE', postcodeNumber: 8500 })).toBe(true);
    expect(canSee(principal('broker', 'b'), { country: 'BE', postcodeNumber: 2000 })).toBe(false);
    expect(visibilityFilter(visibilityOf(principal('broker', 'b')))).toEqual({
      $or: [{ country: 'BE', postcodeNumber: { $gte: 8000, $lte: 8999 } }],
    });
    expect(visibilityFilter(visibilityOf(principal('admin')))).toEqual({});
  });
});

describe('cursor', () => {
  it('continues after the last item in the sort order and rejects a cursor of another sort', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const cursor = encodeCursor('-updatedAt', { _id: 'off-1', updatedAt: at, createdAt: at });
    const position = decodeCursor(cursor, '-updatedAt');
    expect(position).toEqual({ at, id: 'off-1' });
    expect(afterFilter(position!, '-updatedAt')).toEqual({ $or: [{ updatedAt: { $lt: at } }, { updatedAt: at, _id: { $gt: 'off-1' } }] });
    expect(sortOf('createdAt')).toEqual({ createdAt: 1, _id: 1 });
    expect(decodeCursor(cursor, 'createdAt')).toBeUndefined();
    expect(decodeCursor('%%%', 'createdAt')).toBeUndefined();
  });
});
