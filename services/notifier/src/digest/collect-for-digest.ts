import type { Model } from 'mongoose';
import type { MailSource } from '../store/deliveries';
import type { DigestItemDoc } from './store';

/**
 * Keeps an approved match for its provider's next daily digest instead of
 * mailing it now. Insert on `<matchId>:provider`: a redelivered approval finds
 * it there and adds nothing.
 */
export async function collectForDigest(items: Model<DigestItemDoc>, source: MailSource, now: Date = new Date()): Promise<'collected' | 'already-collected'> {
  const { match } = source;
  try {
    await items.create({ _id: `${match.matchId}:provider`, providerId: match.provider.id, to: match.provider.email, language: match.provider.language, source, digestId: null, createdAt: now });
    return 'collected';
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    return 'already-collected';
  }
}
