import type { ReviewDeps } from './deps';
import { settleMatch } from './settle-match';

type SettlerDeps = Pick<ReviewDeps, 'proposals' | 'publishSoon' | 'logger'>;

/**
 * Finishes what a crash between recording an answer and settling the match leaves:
 * an approved match whose answers already say confirmed (both interested) or
 * declined (one not interested). Settling is conditional on the status, so running
 * this while answers come in changes nothing twice. Returns how many it settled.
 * A scan of the approved matches on FerretDB: at start and every few minutes.
 */
export async function settleAnsweredMatches(deps: SettlerDeps): Promise<number> {
  const answered = await deps.proposals.answeredUnsettled(500);
  let settled = 0;
  for (const doc of answered) {
    const after = await settleMatch(deps, doc);
    if (!after) continue;
    settled += 1;
    deps.publishSoon(doc._id);
    deps.logger.warn('answered match settled after an interruption', { matchId: doc._id, status: after.status });
  }
  return settled;
}

/** Runs `settleAnsweredMatches` now and every `intervalMs` until stopped. */
export function startAnswerSettler(deps: SettlerDeps, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = settleAnsweredMatches(deps).catch((error) =>
      deps.logger.warn('settling answered matches failed, will retry', { error: (error as Error).message }),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
