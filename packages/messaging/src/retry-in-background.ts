import type { Logger } from '@koppel/logging';

/**
 * Runs `work` (e.g. creating topics) until it succeeds, in the background, with
 * capped backoff: a service starts while the broker is away and catches up later.
 */
export function retryInBackground(what: string, work: () => Promise<void>, logger: Logger): { done: Promise<void>; stop(): void } {
  let stopped = false;
  const done = (async () => {
    for (let attempt = 1; !stopped; attempt++) {
      try {
        await work();
        if (attempt > 1) logger.info(`${what}: done after the broker came back`, { attempt });
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 10 === 0)
          logger.warn(`${what} failed, retrying in the background`, { attempt, error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** Math.min(attempt - 1, 5))));
      }
    }
  })();
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
