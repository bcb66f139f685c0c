import { Router } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { HttpProblem } from '@koppel/http';
import { decideProposal } from '../decide';
import { PROPOSAL_STATUSES, type ProposalDoc } from '../store/proposals';
import { queuePage } from './pages';

const PAGE_SIZE = 20;
const QueueQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES).catch('proposed'),
  offset: z.coerce.number().int().min(0).catch(0),
  message: z.string().max(200).optional().catch(undefined),
});
const DecisionForm = z.object({ note: z.string().trim().max(2000).optional() });

/**
 * The broker console: plain server-rendered HTML forms, so it works without
 * JavaScript and with a screen reader. Sign-in comes with the intake's
 * one-time links; until then the decider is recorded as 'console'.
 */
export function consoleRoutes(proposals: Model<ProposalDoc>, publishSoon: () => void): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = QueueQuery.parse(req.query);
    const filter = { status: query.status };
    const [items, total] = await Promise.all([
      proposals.find(filter).sort({ score: -1, _id: 1 }).skip(query.offset).limit(PAGE_SIZE).lean(),
      proposals.countDocuments(filter),
    ]);
    res.type('html').send(queuePage({ items: items as ProposalDoc[], total, status: query.status, offset: query.offset, limit: PAGE_SIZE, message: query.message }));
  });

  const decide = (decision: 'approved' | 'rejected') =>
    router.post(`/proposals/:id/${decision === 'approved' ? 'approve' : 'reject'}`, async (req, res) => {
      const form = DecisionForm.parse(req.body ?? {});
      if (decision === 'rejected' && !form.note) throw new HttpProblem(400, 'Reden ontbreekt', 'Geef een reden op om een voorstel af te wijzen.');
      try {
        await decideProposal(proposals, req.params.id, { decision, decidedBy: 'console', note: form.note || undefined });
        publishSoon();
        res.redirect(303, `/console?message=${encodeURIComponent(decision === 'approved' ? 'Voorstel goedgekeurd.' : 'Voorstel afgewezen.')}`);
      } catch (error) {
        if (error instanceof HttpProblem && error.status === 409) {
          return res.redirect(303, `/console?message=${encodeURIComponent('Dit voorstel was al beslist.')}`);
        }
        throw error;
      }
    });
  decide('approved');
  decide('rejected');
  return router;
}
