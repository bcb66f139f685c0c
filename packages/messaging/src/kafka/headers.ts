import type { IHeaders } from 'kafkajs';

/** Header values as text (kafkajs gives Buffers, strings or arrays of them). */
export function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) text[k] = String(v);
  return text;
}
