import { signAnswerToken, answerLinkUrl } from '@koppel/answer-links';
import { MATCH_SIDES, type KoppelEvent, type MatchSnapshot, type Party } from '@koppel/contracts';
import { claimDelivery, deliverOnce, sendClaimed, type DeliveryDeps } from '../mail/deliver-once';
import { deliveryId, type AddressedMatch } from '../store/deliveries';

/**
 * What the notifier does with each event it consumes:
 * - match.decided (approved): the approval mail with answer links, to both sides
 *   (a provider who chose the daily digest gets it there instead);
 * - match.confirmed: the confirmation with contact details, to both sides;
 * - mail.resend-requested: the broker asked to send a mail again.
 */
export async function handleMatchEvent(event: KoppelEvent, deps: DeliveryDeps): Promise<void> {
  if (event.type === 'match.decided') {
    if (event.payload.decision !== 'approved') return;
    const match = await addressedOrSkip(event.payload.match, deps);
    if (!match) return;
    const source = { match, note: event.payload.note };
    await forBothSides(async (recipient) => {
      // A provider who chose one mail a day gets this match in tomorrow's (or today's) digest instead.
      if (recipient === 'provider' && deps.collectForDigest && (await providerWantsDigest(source.match.provider, deps)))
        await deps.collectForDigest(source);
      else await deliverOnce({ kind: 'approved', recipient, source, sourceEventId: event.id }, deps);
    });
  } else if (event.type === 'match.confirmed') {
    const match = await addressedOrSkip(event.payload.match, deps);
    if (!match) return;
    await forBothSides((recipient) => deliverOnce({ kind: 'confirmed', recipient, source: { match }, sourceEventId: event.id }, deps));
  } else if (event.type === 'mail.resend-requested') {
    await resend(event.id, event.payload.matchId, event.payload.recipient, event.payload.kind, deps);
  }
}

/** The match with both addresses, or null (logged) when a side's people were erased: then nobody is mailed about it. */
async function addressedOrSkip(match: MatchSnapshot, deps: DeliveryDeps): Promise<AddressedMatch | null> {
  const addressed = await deps.addressed(match);
  if (!addressed) deps.logger.info('a side of the match was erased: no mail', { matchId: match.matchId });
  return addressed;
}

async function providerWantsDigest(provider: Party, deps: DeliveryDeps): Promise<boolean> {
  const preference = deps.mailPreferenceOf ? await deps.mailPreferenceOf(provider) : (provider.mailPreference ?? 'each');
  return preference === 'daily_digest';
}

/**
 * Runs `work` for the school and the provider, the second even when the first
 * throws, then rethrows the first error: a failing mail to one side must not
 * keep the other side's mail from being tried (and, at the last attempt,
 * reported failed) before the consumer retries or dead-letters the event.
 */
async function forBothSides(work: (recipient: (typeof MATCH_SIDES)[number]) => Promise<unknown>): Promise<void> {
  const errors: unknown[] = [];
  for (const recipient of MATCH_SIDES) {
    try {
      await work(recipient);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length) throw errors[0];
}

/**
 * Carries out a broker's resend request once: the request's event id is added
 * to the delivery in the same conditional write that reopens it, so a
 * redelivered request finds its id there and sends nothing more. A retry of
 * the same request (the send threw) finds the delivery still 'sending' and
 * goes on sending it. A provider's approval that only ever went in a failed
 * digest has no delivery yet: it is claimed now, as a single mail.
 */
async function resend(
  requestId: string,
  matchId: string,
  recipient: (typeof MATCH_SIDES)[number],
  kind: 'approved' | 'confirmed',
  deps: DeliveryDeps,
): Promise<void> {
  const id = deliveryId(matchId, recipient, kind);
  const reopened = await deps.deliveries.updateOne(
    { _id: id, resends: { $ne: requestId } },
    { $set: { status: 'sending', attempts: 0 }, $push: { resends: requestId } },
  );
  if (reopened.modifiedCount === 0) {
    const delivery = await deps.deliveries.findById(id).lean();
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
  deps: DeliveryDeps,
): Promise<boolean> {
  if (mail.recipient !== 'provider' || mail.kind !== 'approved' || !deps.digestSourceOf) return false;
  const source = await deps.digestSourceOf(mail.matchId);
  if (!source) return false;
  // Exists already only if a redelivery of this same request claimed it: sending it on is right.
  await claimDelivery({ kind: 'approved', recipient: 'provider', source, sourceEventId: requestId }, deps, [requestId]);
  return true;
}

/** The two answer links of one side, signed for that side and that match only. */
export function answerLinksFor(
  matchId: string,
  side: (typeof MATCH_SIDES)[number],
  options: { secret: string; publicUrl: string; ttlDays: number; now?: Date },
) {
  const expiresAt = new Date((options.now ?? new Date()).getTime() + options.ttlDays * 86_400_000);
  const sign = (answer: 'interested' | 'not_interested') =>
    answerLinkUrl(options.publicUrl, signAnswerToken({ matchId, side, answer, expiresAt }, options.secret));
  return { interested: sign('interested'), notInterested: sign('not_interested') };
}
