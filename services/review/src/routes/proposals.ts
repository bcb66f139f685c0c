import { Router } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { HttpProblem, parseOrThrow } from '@koppel/http';
import type { Claims, OrganisationStanding } from '@koppel/auth';
import { mayHandle, withinScope } from '../console/broker-scope';
import { decideProposal } from '../decide';
import { PROPOSAL_STATUSES, type ProposalDoc } from '../store/proposals';
import { requireBrokerToken } from './api-access';

export const ListProposalsQuery = z
  .object({
    status: z.enum(PROPOSAL_STATUSES).optional(),
    sort: z.enum(['score', 'newest']).default('score'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type ListProposalsQuery = z.infer<typeof ListProposalsQuery>;

// Who decided is the token's subject, never a field the caller fills in.
const ApproveBody = z.object({ note: z.string().max(2000).optional() }).strict();
const RejectBody = z.object({ note: z.string().trim().min(1, 'a reason is required').max(2000) }).strict();

export function proposalView(doc: ProposalDoc) {
  return {
    id: doc._id,
    status: doc.status,
    score: doc.score,
    match: doc.match,
    decidedBy: doc.decidedBy,
    decidedAt: doc.decidedAt,
    note: doc.note,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export async function listProposals(proposals: Model<ProposalDoc>, query: ListProposalsQuery, user: Claims) {
  const filter = withinScope(query.status ? { status: query.status } : {}, user);
  const sort: Record<string, 1 | -1> = query.sort === 'score' ? { score: -1, _id: 1 } : { createdAt: -1, _id: 1 };
  const [docs, total] = await Promise.all([
    proposals.find(filter).sort(sort).skip(query.offset).limit(query.limit).lean(),
    proposals.countDocuments(filter),
  ]);
  return { items: docs.map((d) => proposalView(d as ProposalDoc)), total, limit: query.limit, offset: query.offset };
}

export function proposalRoutes(
  proposals: Model<ProposalDoc>,
  publishSoon: (matchId: string) => void,
  secret: string,
  standing: OrganisationStanding,
): Router {
  const router = Router();
  router.use(requireBrokerToken(secret, standing));

  const userOf = (req: { consoleUser?: Claims }): Claims => req.consoleUser as Claims;
  /** A proposal the user may handle; another region's answers 404, as if it did not exist. */
  const visibleProposal = async (id: string, user: Claims): Promise<ProposalDoc> => {
    const doc = (await proposals.findById(id).lean()) as ProposalDoc | null;
    if (!doc || !mayHandle(user, doc)) throw new HttpProblem(404, 'Not found', `No proposal with id '${id}'.`);
    return doc;
  };

  router.get('/', async (req, res) => {
    res.json(await listProposals(proposals, parseOrThrow(ListProposalsQuery, req.query, 'query string'), userOf(req)));
  });

  router.get('/:id', async (req, res) => {
    res.json(proposalView(await visibleProposal(req.params.id, userOf(req))));
  });

  router.post('/:id/approve', async (req, res) => {
    const body = parseOrThrow(ApproveBody, req.body ?? {});
    await visibleProposal(req.params.id, userOf(req));
    const doc = await decideProposal(proposals, req.params.id, { decision: 'approved', decidedBy: userOf(req).sub, ...body });
    publishSoon(doc._id);
    res.json(proposalView(doc));
  });

  router.post('/:id/reject', async (req, res) => {
    const body = parseOrThrow(RejectBody, req.body ?? {});
    await visibleProposal(req.params.id, userOf(req));
    const doc = await decideProposal(proposals, req.params.id, { decision: 'rejected', decidedBy: userOf(req).sub, ...body });
    publishSoon(doc._id);
    res.json(proposalView(doc));
  });

  return router;
}
