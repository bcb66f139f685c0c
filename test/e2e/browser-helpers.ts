import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { signToken } from '@koppel/auth';
import { describeViolations, seriousAxeViolations, waitFor } from '@koppel/testkit';

/** Where the browser tests write their screenshots: docs/screenshots with UPDATE_SCREENSHOTS=1, else the run's folder. */
export const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? resolve(__dirname, '../../docs/screenshots') : resolve(__dirname, '../../.run/test/screenshots');

/** No serious or critical axe-core violations on the page as it is now; `name` says which page in a failure. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect({ page: name, violations: describeViolations(violations) }).toEqual({ page: name, violations: '' });
}

/** Waits (the pages' scripts write after their API calls) until the element's text passes, then asserts it. */
export async function expectText(locator: Locator, how: 'toBe' | 'toContain' | 'toMatch', expected: string | RegExp): Promise<void> {
  const passes = (text: string) =>
    how === 'toBe' ? text === expected : how === 'toContain' ? text.includes(expected as string) : (expected as RegExp).test(text);
  const text = await waitFor(
    'text on the page',
    async () => {
      const t = (await locator.textContent({ timeout: 10_000 }).catch(() => null)) ?? '';
      return passes(t) ? t : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  ).catch(async () => (await locator.textContent()) ?? '');
  expect(text)[how](expected as never);
}

/**
 * A console session cookie (`name=value`) of a broker of West Flanders (8000–8999), as the
 * console's own sign-in sets it (that sign-in has its own browser test).
 */
export async function westFlandersBrokerCookie(
  review: string,
  authSecret: string,
  broker: { sub: string; org: string; ttlSeconds: number },
): Promise<string> {
  const { token } = signToken(authSecret, {
    ...broker,
    role: 'broker',
    regions: [{ country: 'BE', postcodeFrom: 8000, postcodeTo: 8999, name: 'West-Vlaanderen' }],
  });
  const res = await fetch(`${review}/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(res.status).toBe(204);
  return res.headers.get('set-cookie')!.split(';')[0];
}
