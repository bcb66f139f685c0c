/// <reference lib="dom" />
import type { z } from 'zod';
import { ProblemSchema } from '@koppel/contracts';

/**
 * fetch for the two APIs the pages call: JSON in, the answer parsed with the
 * schema of what it should be, or the problem document (RFC 9457) of an error.
 * The texts here are for developers; what the visitor reads comes from
 * problem-text.ts in the page's language.
 */
export type Problem = z.infer<typeof ProblemSchema>;
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

export async function callApi<S extends z.ZodType>(
  url: string,
  options: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; schema: S },
): Promise<ApiResult<z.infer<S>>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    return {
      ok: false,
      status: 0,
      problem: { type: 'about:blank', title: 'Network', status: 0, detail: 'The server could not be reached.' },
    };
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const problem = ProblemSchema.safeParse(json);
    return {
      ok: false,
      status: res.status,
      problem: problem.success ? problem.data : { type: 'about:blank', title: res.statusText, status: res.status },
    };
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      status: res.status,
      problem: {
        type: 'about:blank',
        title: 'Unexpected answer',
        status: res.status,
        detail: 'The answer did not have the expected shape.',
      },
    };
  return { ok: true, status: res.status, data: parsed.data };
}
