import { z } from 'zod';
import { DISCIPLINES } from '@koppel/contracts';
import { PROPOSAL_STATUSES } from '../../store/proposal-doc';
import type { ProposalFilter } from '../../store/proposals';

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

/** What the queue's filters select (the minimum score is a percentage in the form, 0..1 in the database). */
export function queueFilterOf(q: QueueQuery): ProposalFilter {
  return {
    ...(q.status !== 'all' ? { status: q.status } : {}),
    region: q.region,
    discipline: q.discipline,
    minScore: q.minScore === undefined ? undefined : q.minScore / 100,
    age: q.age,
    text: q.q,
  };
}
