import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Claims, OrganisationStanding } from '@koppel/auth';
import { HttpProblem, parseOrThrow, principalOf } from '@koppel/http';
import { type DecideOutcome, decideProposal } from '../app/decide-proposal';
import type { ReviewDeps } from '../app/deps';
import { proposalsPage, visibleProposal } from '../app/proposal-queries';
import { PROPOSAL_STATUSES, type ProposalDoc } from '../store/proposal-doc';
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

/** A proposal as the API shows it. */
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

/** The decided proposal, or the problem saying why not (404 missing, 409 decided before). */
function decidedOrProblem(matchId: string, outcome: DecideOutcome): ProposalDoc {
  if (outcome.kind === 'missing') throw new HttpProblem(404, 'Not found', `No proposal with id '${matchId}'.`);
  if (outcome.kind === 'already-decided')
    throw new HttpProblem(409, 'Already decided', `Proposal '${matchId}' was already ${outcome.status}.`);
  return outcome.proposal;
}

/** `/proposals`: the JSON API of the broker's queue (list, read, approve, reject), for brokers (their regions) and admins. */
export function proposalRoutes(
  deps: Pick<ReviewDeps, 'proposals' | 'publishSoon'>,
  access: { secret: string; standing: OrganisationStanding },
): Router {
  const router = Router();
  router.use(requireBrokerToken(access.secret, access.standing));

  const userOf = (req: Request): Claims => principalOf(req);
  /** A proposal the user may handle; another region's answers 404, as if it did not exist. */
  const visible = async (id: string, user: Claims): Promise<ProposalDoc> => {
    const doc = await visibleProposal(deps, id, user);
    if (!doc) throw new HttpProblem(404, 'Not found', `No proposal with id '${id}'.`);
    return doc;
  };

  router.get('/', async (req, res) => {
    const query = parseOrThrow(ListProposalsQuery, req.query, 'query string');
    const { items, total } = await proposalsPage(
      deps,
      query.status ? { status: query.status } : {},
      { sort: query.sort, offset: query.offset, limit: query.limit },
      userOf(req),
    );
    res.json({ items: items.map((d) => proposalView(d)), total, limit: query.limit, offset: query.offset });
  });

  router.get('/:id', async (req, res) => {
    res.json(proposalView(await visible(req.params.id, userOf(req))));
  });

  router.post('/:id/approve', async (req, res) => {
    const body = parseOrThrow(ApproveBody, req.body ?? {});
    await visible(req.params.id, userOf(req));
    const outcome = await decideProposal(deps, req.params.id, { decision: 'approved', decidedBy: userOf(req).sub, ...body });
    res.json(proposalView(decidedOrProblem(req.params.id, outcome)));
  });

  router.post('/:id/reject', async (req, res) => {
    const body = parseOrThrow(RejectBody, req.body ?? {});
    await visible(req.params.id, userOf(req));
    const outcome = await decideProposal(deps, req.params.id, { decision: 'rejected', decidedBy: userOf(req).sub, ...body });
    res.json(proposalView(decidedOrProblem(req.params.id, outcome)));
  });

  return router;
}
