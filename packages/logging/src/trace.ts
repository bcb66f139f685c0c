import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What ties work to what caused it: the id of the HTTP request (or first event) a chain of
 * work started from (`correlationId`), and the id of the request or event that caused the
 * current work (`causationId`). Kept for the current async call chain, so log lines and the
 * events created meanwhile carry it without passing it around.
 */
export interface Trace {
  correlationId: string;
  causationId?: string;
}

const storage = new AsyncLocalStorage<Trace>();

/** Runs `work` with `trace` as the current trace (for it and everything it awaits or schedules). */
export function runWithTrace<T>(trace: Trace, work: () => T): T {
  return storage.run(trace, work);
}

/** The current trace, if the code runs inside `runWithTrace`. */
export function currentTrace(): Trace | undefined {
  return storage.getStore();
}
