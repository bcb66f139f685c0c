import { readFileSync } from 'node:fs';

/** One accessibility violation as axe-core reports it (the fields a failure message needs). */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

interface PageLike {
  evaluate<R>(fn: (() => Promise<R>) | string): Promise<R>;
}

/**
 * Runs axe-core in the page and returns the serious and critical violations
 * (the bar: none of those on any page). axe is injected from the
 * installed package, never fetched, and without weakening the page's CSP.
 */
export async function seriousAxeViolations(page: PageLike): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the browser's devtools protocol rather than added as a <script>:
  // the pages' Content-Security-Policy forbids inline scripts, and must stay enforced.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const result = await (
      globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** "color-contrast (serious): Elements must meet… at #a, .b" lines, for a readable failure. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');
}
