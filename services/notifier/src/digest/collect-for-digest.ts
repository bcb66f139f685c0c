import type { Model } from 'mongoose';
import type { MailSource } from '../store/deliveries';
import type { DigestItemDoc } from './store';

/**
 * Keeps an approved match for its provider's next daily digest instead of
 * mailing it now. Insert on `<matchId>:provider`: a redelivered approval finds
 * it there and adds nothing.
 */
export async function collectForDigest(
  items: Model<DigestItemDoc>,
  source: MailSource,
  now: Date = new Date(),
): Promise<'collected' | 'already-collected'> {
  const { match } = source;
  try {
    await items.create({
      _id: digestItemIdOf(match.matchId),
      providerId: match.provider.id,
      to: match.provider.email,
      language: match.provider.language,
      source,
      digestId: null,
      createdAt: now,
    });
    return 'collected';
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    return 'already-collected';
  }
}

/** A match waits for its provider's digest under `<matchId>:provider`: at most once. */
export function digestItemIdOf(matchId: string): string {
  return `${matchId}:provider`;
}

/** What a provider's approval in a digest was made from, or null when the match never went to a digest. */
export async function findDigestSource(items: Model<DigestItemDoc>, matchId: string): Promise<MailSource | null> {
  const item = (await items.findById(digestItemIdOf(matchId)).lean()) as DigestItemDoc | null;
  return item?.source ?? null;
}
