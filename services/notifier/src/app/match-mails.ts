import { MATCH_SIDES, type EventOf, type MailPreference, type MatchSnapshot, type Party } from '@koppel/contracts';
import type { AddressedMatch, MailSource, Recipient } from '../store/mail-source';
import { deliverOnce, type DeliveryDeps } from './deliver-match-mail';

/** What the mails about a match need besides delivering them: the addresses, and where a provider wants its approvals. */
export interface MatchMailDeps extends DeliveryDeps {
  /** Both sides' addresses, from the organisations' contacts; null when a side was erased (`addressedMatch`). */
  addressed: (match: MatchSnapshot) => Promise<AddressedMatch | null>;
  /** Keeps a provider's approval for the daily digest (providers with mailPreference 'daily_digest'). */
  collectForDigest?: (source: MailSource) => Promise<unknown>;
  /** The provider's current mail preference (from its organisation events); absent: the snapshot's. */
  mailPreferenceOf?: (provider: Party) => Promise<MailPreference>;
  /** What a provider's approval in a digest was made from, so a failed digest's match can be resent alone. */
  digestSourceOf?: (matchId: string) => Promise<MailSource | null>;
}

/**
 * match.decided (approved): the approval mail with answer links, to both sides; a
 * provider who chose the daily digest gets it there instead. A rejection mails nobody.
 */
export async function mailApprovedMatch(event: EventOf<'match.decided'>, deps: MatchMailDeps): Promise<void> {
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
}

/** match.confirmed (both answered interested): the confirmation with contact details, to both sides. */
export async function mailConfirmedMatch(event: EventOf<'match.confirmed'>, deps: MatchMailDeps): Promise<void> {
  const match = await addressedOrSkip(event.payload.match, deps);
  if (!match) return;
  await forBothSides((recipient) => deliverOnce({ kind: 'confirmed', recipient, source: { match }, sourceEventId: event.id }, deps));
}

/** The match with both addresses, or null (logged) when a side's people were erased: then nobody is mailed about it. */
async function addressedOrSkip(match: MatchSnapshot, deps: MatchMailDeps): Promise<AddressedMatch | null> {
  const addressed = await deps.addressed(match);
  if (!addressed) deps.logger.info('a side of the match was erased: no mail', { matchId: match.matchId });
  return addressed;
}

async function providerWantsDigest(provider: Party, deps: MatchMailDeps): Promise<boolean> {
  const preference = deps.mailPreferenceOf ? await deps.mailPreferenceOf(provider) : (provider.mailPreference ?? 'each');
  return preference === 'daily_digest';
}

/**
 * Runs `work` for the school and the provider, the second even when the first
 * throws, then rethrows the first error: a failing mail to one side must not
 * keep the other side's mail from being tried (and, at the last attempt,
 * reported failed) before the consumer retries or dead-letters the event.
 */
async function forBothSides(work: (recipient: Recipient) => Promise<unknown>): Promise<void> {
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
