import type { PortalCopy } from '../copy';

/**
 * The sentence for a failed API call that has no field errors. The problem
 * document's own title and detail are English and meant for developers, so
 * the visitor reads what the status means for them, in the page's language.
 */
export function problemText(problem: { status: number; title: string }, copy: PortalCopy): string {
  const t = copy.client.problem;
  if (problem.status === 0) return t.unreachable;
  if (problem.status >= 200 && problem.status < 300) return t.unexpected; // an answer that did not parse (api.ts)
  if (problem.status === 401) return t.signedOut;
  if (problem.status === 403) return t.forbidden;
  if (problem.status === 409 || problem.status === 412) return t.changedMeanwhile;
  if (problem.status === 429) return t.tooMany;
  return t.failed;
}
