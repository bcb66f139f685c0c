import type { ReviewDeps } from './deps';

/** Changes the note of a proposal that is still waiting (it goes into the mails once approved); false when it was decided. */
export async function editNote(deps: Pick<ReviewDeps, 'proposals'>, matchId: string, note: string, by: string): Promise<boolean> {
  const at = new Date();
  return deps.proposals.editNote(matchId, note || undefined, { at, action: 'note', by, note }, at);
}
