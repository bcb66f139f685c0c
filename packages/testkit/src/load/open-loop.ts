import type { LoadPost } from './workload';

/** What happened to one POST of a load run. */
export interface PostOutcome {
  kind: LoadPost['kind'];
  /** The stored id from intake's answer (the post's label when there was no 201). */
  id: string;
  /** Wall-clock time the POST was sent (ms since the epoch): compared with the services' own timestamps. */
  sentAt: number;
  latencyMs: number;
  status: number;
  error?: string;
}

export interface OpenLoopOptions {
  baseUrl: string;
  rate: number;
  seconds: number;
  post: (i: number) => LoadPost;
  timeoutMs?: number;
  /** Called about once a second while sending. */
  onTick?: (sent: number, done: number, elapsedMs: number) => void;
}

/** POSTs one listing and records status and latency; never throws. */
export async function postOnce(baseUrl: string, post: LoadPost, timeoutMs: number): Promise<PostOutcome> {
  const sentAt = Date.now();
  const started = performance.now();
  try {
    const res = await fetch(`${baseUrl}${post.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${post.token}`, 'idempotency-key': `load-${post.id}` },
      body: JSON.stringify(post.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const latencyMs = performance.now() - started;
    if (res.status !== 201) return { kind: post.kind, id: post.id, sentAt, latencyMs, status: res.status, error: text.slice(0, 300) };
    return { kind: post.kind, id: String(JSON.parse(text).id), sentAt, latencyMs, status: res.status };
  } catch (error) {
    return { kind: post.kind, id: post.id, sentAt, latencyMs: performance.now() - started, status: 0, error: (error as Error).message };
  }
}

/**
 * An open-loop load: the i-th POST leaves at start + i/rate whatever happened to
 * the earlier ones, as independent clients would send it. A slow server therefore
 * shows up as growing latency, not as a lower offered rate (a closed loop would
 * hide it). Resolves when every POST has an answer or timed out.
 */
export async function sendOpenLoop(options: OpenLoopOptions): Promise<PostOutcome[]> {
  const total = Math.round(options.rate * options.seconds);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pending: Promise<PostOutcome>[] = [];
  let done = 0;
  const started = performance.now();
  let nextTick = 1000;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(postOnce(options.baseUrl, options.post(i), timeoutMs).finally(() => done++));
    const elapsed = performance.now() - started;
    if (elapsed >= nextTick) {
      options.onTick?.(i + 1, done, elapsed);
      nextTick += 1000;
    }
  }
  return Promise.all(pending);
}
