import type { Claims } from '@koppel/auth';
import { createEnvelope, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { SignUpDoc, SignUpStatus } from '../../store/sign-ups';
import type { ReviewDeps } from '../deps';
import { mayHandleSignUp } from './sign-up-scope';

/** A rejection's reason is mailed to the organisation's contact: required, and at most this long. */
export const MAX_REASON_LENGTH = 2000;

export interface SignUpDecisionInput {
  decision: 'approved' | 'rejected';
  /** Required to reject (trimmed); left out of an approval. */
  reason?: string;
}

export type ReasonProblem = 'missing' | 'too-long';

export type DecideSignUpOutcome =
  | { kind: 'decided'; signUp: SignUpDoc }
  /** No such sign-up, or one outside the broker's regions (as if it did not exist). */
  | { kind: 'missing' }
  /** Someone else decided first: the status it had when read. */
  | { kind: 'already-decided'; status: SignUpStatus }
  | { kind: 'invalid'; field: 'reason'; problem: ReasonProblem };

/** What is wrong with a decision's reason, if anything: a rejection needs one, and none may be longer than 2000 characters. */
export function reasonProblem(input: SignUpDecisionInput): ReasonProblem | undefined {
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'rejected' && reason === '') return 'missing';
  if (reason.length > MAX_REASON_LENGTH) return 'too-long';
  return undefined;
}

/**
 * Approves or rejects a sign-up exactly once. The user must be allowed to see it (a
 * broker only within its regions, else it is `missing`); one decided already stays as
 * it is, whatever the post says; then the reason must do. The
 * decision is one conditional update (`status: 'waiting'`) that stores its
 * `signup.decided` event in the same write, so two brokers clicking at once make one
 * decision and the event cannot be lost. Then the relay is nudged.
 */
export async function decideSignUp(
  deps: Pick<ReviewDeps, 'signUps' | 'publishSignUpSoon'>,
  organisationId: string,
  input: SignUpDecisionInput,
  user: Pick<Claims, 'sub' | 'role' | 'regions'>,
  now = new Date(),
): Promise<DecideSignUpOutcome> {
  const existing = await deps.signUps.byId(organisationId);
  if (!existing || !mayHandleSignUp(user, existing)) return { kind: 'missing' };
  if (existing.status !== 'waiting') return { kind: 'already-decided', status: existing.status };
  const problem = reasonProblem(input);
  if (problem) return { kind: 'invalid', field: 'reason', problem };
  const reason = input.decision === 'rejected' ? input.reason?.trim() : undefined;
  const event = createEnvelope({
    type: 'signup.decided',
    key: organisationId,
    occurredAt: now,
    payload: { organisationId, decision: input.decision, ...(reason ? { reason } : {}), decidedBy: user.sub },
  });
  const decided = await deps.signUps.decide(
    organisationId,
    { status: input.decision, decidedBy: user.sub, decidedAt: now, ...(reason ? { reason } : {}) },
    [outboxEntry(TOPICS.signUps, event)],
  );
  if (!decided) {
    const current = await deps.signUps.byId(organisationId);
    return { kind: 'already-decided', status: current?.status ?? existing.status };
  }
  deps.publishSignUpSoon(organisationId);
  return { kind: 'decided', signUp: decided };
}
