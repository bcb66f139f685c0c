import { HTML_MARKER, type HostileBody } from './corpus';

export interface HostileOutcome {
  request: string;
  /** The body's name in the corpus, or the query/id kind ('GET' with no body). */
  kind: string;
  status: number;
  ms: number;
  /** Why the answer is wrong: a 5xx, the marker unescaped in an HTML answer, an injected header; undefined if fine. */
  problem?: string;
}

/** What is wrong with one answer, if anything. */
function problemOf(status: number, headers: Headers, text: string): string | undefined {
  if (status >= 500) return `status ${status}: ${text.slice(0, 200)}`;
  if ((headers.get('content-type') ?? '').includes('html') && text.includes(HTML_MARKER))
    return 'the marker reflected unescaped in an HTML answer';
  if ((headers.get('set-cookie') ?? '').includes('pwned') || (headers.get('location') ?? '').includes('evil.example'))
    return 'a header injected from the input';
  return undefined;
}

/**
 * Sends the requests with `clients` of them in flight at once and returns each
 * outcome. A connection reset counts as a problem too (the server gave up).
 */
export async function sendHostile(
  baseUrl: string,
  requests: Array<{ method: string; path: string; body?: HostileBody }>,
  options: { headers?: Record<string, string>; clients?: number; onProgress?: (done: number) => void } = {},
): Promise<HostileOutcome[]> {
  const outcomes: HostileOutcome[] = [];
  let next = 0;
  const client = async () => {
    while (next < requests.length) {
      const request = requests[next++];
      const label = `${request.method} ${request.path.slice(0, 120)}${request.body ? ` [${request.body.name}]` : ''}`;
      const kind = request.body?.name ?? request.method;
      const started = performance.now();
      try {
        const res = await fetch(`${baseUrl}${request.path}`, {
          method: request.method,
          headers: { ...options.headers, ...(request.body ? { 'content-type': request.body.contentType } : {}) },
          body: request.body?.body,
          redirect: 'manual',
        });
        const text = await res.text();
        outcomes.push({
          request: label,
          kind,
          status: res.status,
          ms: performance.now() - started,
          problem: problemOf(res.status, res.headers, text),
        });
      } catch (error) {
        outcomes.push({
          request: label,
          kind,
          status: 0,
          ms: performance.now() - started,
          problem: `no answer: ${(error as Error).message}`,
        });
      }
      if (outcomes.length % 200 === 0) options.onProgress?.(outcomes.length);
    }
  };
  await Promise.all(Array.from({ length: options.clients ?? 8 }, client));
  return outcomes;
}
