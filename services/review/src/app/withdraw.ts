import type { MatchSnapshot } from '@koppel/contracts';
import type { Withdrawable } from '../store/proposals';
import type { ReviewDeps } from './deps';

/** The key a withdrawal is remembered under: `offer:<id>`, `request:<id>` or `organisation:<id>`. */
export function withdrawalKey(withdrawn: Withdrawable): string {
  return `${withdrawn.kind}:${withdrawn.id}`;
}

/** Every key whose withdrawal closes this match: its two listings and its two organisations. */
export function withdrawalKeysOf(match: MatchSnapshot): string[] {
  return [`offer:${match.offerId}`, `request:${match.requestId}`, `organisation:${match.school.id}`, `organisation:${match.provider.id}`];
}

/** Who withdrew, as the history says it: the provider its offer, the school its request, an admin an organisation. */
const WITHDRAWN_BY: Record<Withdrawable['kind'], string> = { offer: 'provider', request: 'school', organisation: 'admin' };

/**
 * An offer, request or organisation was withdrawn: remembered (proposals for it that
 * arrive later are stored withdrawn), and its proposals still waiting for a broker
 * are withdrawn too, so approving one is refused and nobody is mailed about something
 * that is gone (issue #11). Decided matches keep their state: their mails went out
 * already, and answers may still come. Idempotent: a redelivery changes nothing.
 */
export async function withdraw(
  withdrawn: Withdrawable,
  occurredAt: string,
  deps: Pick<ReviewDeps, 'proposals' | 'withdrawn' | 'logger'>,
): Promise<void> {
  const key = withdrawalKey(withdrawn);
  const at = new Date(occurredAt);
  await deps.withdrawn.add(key, at);
  const count = await deps.proposals.withdrawPending(withdrawn, { at, action: 'withdrawn', by: WITHDRAWN_BY[withdrawn.kind] }, new Date());
  if (count > 0) deps.logger.info('pending proposals withdrawn', { withdrawn: key, count });
}
