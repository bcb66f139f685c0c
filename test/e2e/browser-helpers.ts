import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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
