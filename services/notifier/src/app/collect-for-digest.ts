import { type DigestItemStore, digestItemId } from '../store/digest-items';
import type { MailSource } from '../store/mail-source';

/**
 * Keeps an approved match for its provider's next daily digest instead of
 * mailing it now. Insert on `<matchId>:provider`: a redelivered approval finds
 * it there and adds nothing.
 */
export async function collectForDigest(
  items: DigestItemStore,
  source: MailSource,
  now: Date = new Date(),
): Promise<'collected' | 'already-collected'> {
  const { match } = source;
  const collected = await items.collect({
    _id: digestItemId(match.matchId),
    providerId: match.provider.id,
    to: match.provider.email,
    language: match.provider.language,
    source,
    createdAt: now,
  });
  return collected ? 'collected' : 'already-collected';
}

/** What a provider's approval in a digest was made from, or null when the match never went to a digest. */
export async function findDigestSource(items: DigestItemStore, matchId: string): Promise<MailSource | null> {
  return (await items.find(matchId))?.source ?? null;
}
