import { perAddressThrottle } from '../src/app/sign-in/request-sign-in-link';

describe('sign-in links per address', () => {
  it('allows a few an hour per address, each address on its own, and again after the hour', () => {
    let now = 0;
    const allow = perAddressThrottle(3, () => now);
    expect([allow('a'), allow('a'), allow('a'), allow('a')]).toEqual([true, true, true, false]);
    expect(allow('b')).toBe(true);
    now = 3_600_001;
    expect(allow('a')).toBe(true);
  });
});
