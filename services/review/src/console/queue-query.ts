import { z } from 'zod';
import { DISCIPLINES } from '@koppel/contracts';
import { PROPOSAL_STATUSES } from '../store/proposals';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** The console's filters, from the query string; anything unreadable falls back to "no filter" instead of an error page. */
export const QueueQuerySchema = z.object({
  /** 'all' shows every status; without a choice the queue shows what waits for a broker. */
  status: z.enum([...PROPOSAL_STATUSES, 'all']).catch('proposed'),
  region: z.preprocess(emptyToUndefined, z.string().max(100).optional()).catch(undefined),
  discipline: z.preprocess(emptyToUndefined, z.enum(DISCIPLINES).optional()).catch(undefined),
  minScore: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(100).optional()).catch(undefined),
  age: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(120).optional()).catch(undefined),
  q: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  sort: z.enum(['score', 'newest', 'oldest']).catch('score'),
  offset: z.coerce.number().int().min(0).catch(0),
});
export type QueueQuery = z.infer<typeof QueueQuerySchema>;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The database filter for the queue. Only what FerretDB v1 does: equality on
 * dotted paths (also into arrays, no $elemMatch), ranges, and a case-insensitive
 * $regex for the search box.
 */
export function queueFilter(q: QueueQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (q.status !== 'all') filter.status = q.status;
  if (q.region) filter.region = q.region;
  if (q.discipline) filter['match.offer.disciplines'] = q.discipline;
  if (q.minScore !== undefined) filter.score = { $gte: q.minScore / 100 };
  if (q.age !== undefined) {
    filter['match.request.ageMin'] = { $lte: q.age };
    filter['match.request.ageMax'] = { $gte: q.age };
  }
  if (q.q) {
    const pattern = { $regex: escapeRegex(q.q), $options: 'i' };
    filter.$or = [
      { 'match.request.title': pattern },
      { 'match.offer.title': pattern },
      { 'match.school.name': pattern },
      { 'match.provider.name': pattern },
      { 'match.request.municipality': pattern },
    ];
  }
  return filter;
}

export function queueSort(q: QueueQuery): Record<string, 1 | -1> {
  if (q.sort === 'newest') return { createdAt: -1, _id: 1 };
  if (q.sort === 'oldest') return { createdAt: 1, _id: 1 };
  return { score: -1, _id: 1 };
}
