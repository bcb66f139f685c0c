import { Router, type Response } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { MailKindSchema, MatchSideSchema } from '@koppel/contracts';
import { HttpProblem } from '@koppel/http';
import { approveMany, decideProposal, editNote } from '../decide';
import { requestResend } from '../mails/request-resend';
import { PolicyForm, savePolicy } from '../policies/auto-approval';
import { ALL_REGIONS, UNKNOWN_REGION } from '../regions/province-of-postcode';
import type { PolicyDoc } from '../store/policies';
import type { ProposalDoc } from '../store/proposals';
import { failedMailsPage, policiesPage, proposalPage, queuePage } from './pages';
import { queueFilter, QueueQuerySchema, queueSort } from './queue-query';

const PAGE_SIZE = 20;
const NoteForm = z.object({ note: z.string().trim().max(2000).optional() });
const BulkForm = z.object({
  ids: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])).pipe(z.array(z.string().min(1)).min(1).max(100)),
  note: z.string().trim().max(2000).optional(),
});
const Flash = z.object({ message: z.string().max(200).optional().catch(undefined) });
const REGIONS = [...ALL_REGIONS, 'Nord (FR)', 'Pas-de-Calais (FR)', 'Frankrijk', UNKNOWN_REGION];

function back(res: Response, to: string, message: string): void {
  res.redirect(303, `${to}${to.includes('?') ? '&' : '?'}message=${encodeURIComponent(message)}`);
}

/**
 * The broker console: plain server-rendered HTML forms, so it works without
 * JavaScript and with a screen reader. Sign-in comes with the one-time links
 * of packages/auth; until then the decider is recorded as 'console'.
 */
export function consoleRoutes(deps: { proposals: Model<ProposalDoc>; policies: Model<PolicyDoc>; publishSoon: () => void }): Router {
  const { proposals, policies, publishSoon } = deps;
  const router = Router();
  const by = 'console';

  router.get('/', async (req, res) => {
    const query = QueueQuerySchema.parse(req.query);
    const filter = queueFilter(query);
    const [items, total] = await Promise.all([proposals.find(filter).sort(queueSort(query)).skip(query.offset).limit(PAGE_SIZE).lean(), proposals.countDocuments(filter)]);
    res.type('html').send(queuePage({ items: items as ProposalDoc[], total, query, limit: PAGE_SIZE, regions: REGIONS, message: query.message }));
  });

  router.post('/bulk-approve', async (req, res) => {
    const form = BulkForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console', 'Vink eerst de voorstellen aan die je wilt goedkeuren.');
    const outcome = await approveMany(proposals, form.data.ids, by, form.data.note || undefined);
    publishSoon();
    const skipped = outcome.alreadyDecided.length + outcome.missing.length;
    back(res, '/console', `${outcome.approved.length} voorstel(len) goedgekeurd.${skipped ? ` ${skipped} was/waren al beslist.` : ''}`);
  });

  router.get('/proposals/:id', async (req, res) => {
    const doc = await proposals.findById(req.params.id).lean();
    if (!doc) throw new HttpProblem(404, 'Niet gevonden', `Geen voorstel '${req.params.id}'.`);
    // The match itself is dropped here rather than with `_id: {$ne}` in the query, which FerretDB v1 did not apply together with the dotted filter.
    const sameRequest = await proposals.find({ 'match.requestId': doc.match.requestId }).sort({ score: -1 }).limit(11).lean();
    const others = sameRequest.filter((o) => o._id !== doc._id).slice(0, 10);
    res.type('html').send(proposalPage(doc as ProposalDoc, others as ProposalDoc[], Flash.parse(req.query).message));
  });

  router.post('/proposals/:id/note', async (req, res) => {
    const form = NoteForm.parse(req.body ?? {});
    const saved = await editNote(proposals, req.params.id, form.note ?? '', by);
    back(res, `/console/proposals/${encodeURIComponent(req.params.id)}`, saved ? 'Notitie bewaard.' : 'Dit voorstel is al beslist; de notitie is niet meer te wijzigen.');
  });

  const decide = (decision: 'approved' | 'rejected') =>
    router.post(`/proposals/:id/${decision === 'approved' ? 'approve' : 'reject'}`, async (req, res) => {
      const form = NoteForm.parse(req.body ?? {});
      if (decision === 'rejected' && !form.note) throw new HttpProblem(400, 'Reden ontbreekt', 'Geef een reden op om een voorstel af te wijzen.');
      try {
        await decideProposal(proposals, req.params.id, { decision, decidedBy: by, note: form.note || undefined });
        publishSoon();
        back(res, '/console', decision === 'approved' ? 'Voorstel goedgekeurd.' : 'Voorstel afgewezen.');
      } catch (error) {
        if (error instanceof HttpProblem && error.status === 409) return back(res, '/console', 'Dit voorstel was al beslist.');
        throw error;
      }
    });
  decide('approved');
  decide('rejected');

  router.post('/proposals/:id/mails/:recipient/:kind/resend', async (req, res) => {
    const recipient = MatchSideSchema.parse(req.params.recipient);
    const kind = MailKindSchema.parse(req.params.kind);
    const asked = await requestResend(proposals, { matchId: req.params.id, recipient, kind, by });
    if (asked) publishSoon();
    back(res, '/console/mails', asked ? 'De mail wordt opnieuw verstuurd.' : 'Deze mail stond niet (meer) als mislukt.');
  });

  router.get('/mails', async (req, res) => {
    const failed = { $or: ['school', 'provider'].flatMap((r) => ['approved', 'confirmed'].map((k) => ({ [`mails.${r}_${k}.status`]: 'failed' }))) };
    const items = await proposals.find(failed).sort({ updatedAt: -1 }).limit(200).lean();
    res.type('html').send(failedMailsPage(items as ProposalDoc[], Flash.parse(req.query).message));
  });

  router.get('/policies', async (req, res) => {
    const list = await policies.find({}).sort({ _id: 1 }).lean();
    res.type('html').send(policiesPage(list as PolicyDoc[], REGIONS, Flash.parse(req.query).message));
  });

  router.post('/policies', async (req, res) => {
    const form = PolicyForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console/policies', 'De drempel moet een getal tussen 0 en 100 zijn.');
    await savePolicy(policies, form.data, by);
    back(res, '/console/policies', `Regel voor ${form.data.region} bewaard.`);
  });

  return router;
}
