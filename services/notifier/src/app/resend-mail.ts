import type { EventOf } from '@koppel/contracts';
import { deliveryId } from '../store/deliveries';
import { claimDelivery, sendClaimed } from './deliver-match-mail';
import type { MatchMailDeps } from './match-mails';

/**
 * Carries out a broker's resend request (mail.resend-requested) once: the request's
 * event id is added to the delivery in the same conditional write that reopens it, so
 * a redelivered request finds its id there and sends nothing more. A retry of the same
 * request (the send threw) finds the delivery still 'sending' and goes on sending it.
 * A provider's approval that only ever went in a failed digest has no delivery yet: it
 * is claimed now, as a single mail.
 */
export async function resendMail(event: EventOf<'mail.resend-requested'>, deps: MatchMailDeps): Promise<void> {
  const requestId = event.id;
  const { matchId, recipient, kind } = event.payload;
  const id = deliveryId(matchId, recipient, kind);
  if (!(await deps.deliveries.reopenForResend(id, requestId))) {
    const delivery = await deps.deliveries.find(id);
    const claimed = delivery ? delivery.status === 'sending' : await claimFromFailedDigest(requestId, { matchId, recipient, kind }, deps);
    if (!claimed) {
      deps.logger.info('resend already done or mail unknown', { matchId, recipient, kind });
      return;
    }
  }
  await sendClaimed(id, deps);
}

/** Claims the single mail for a match whose provider digest failed; false when there is no such digest item. */
async function claimFromFailedDigest(
  requestId: string,
  mail: { matchId: string; recipient: string; kind: string },
  deps: MatchMailDeps,
): Promise<boolean> {
  if (mail.recipient !== 'provider' || mail.kind !== 'approved' || !deps.digestSourceOf) return false;
  const source = await deps.digestSourceOf(mail.matchId);
  if (!source) return false;
  // Exists already only if a redelivery of this same request claimed it: sending it on is right.
  await claimDelivery({ kind: 'approved', recipient: 'provider', source, sourceEventId: requestId }, deps, [requestId]);
  return true;
}
