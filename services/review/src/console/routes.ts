import { Router, type Request, type Response } from 'express';
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
import { requireConsoleSession } from '../sign-in/console-session';
import { signInRoutes, type SignInOptions } from '../sign-in/routes';
import { mayHandle, withinScope } from './broker-scope';
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
 * JavaScript and with a screen reader. Every page needs a session (a one-time
 * link by mail, see sign-in/); the signed-in broker's `sub` is recorded as who
 * decided, and a broker sees only the matches in its regions (admins see all).
 */
export function consoleRoutes(deps: { proposals: Model<ProposalDoc>; policies: Model<PolicyDoc>; publishSoon: () => void; signIn: SignInOptions }): Router {
  const { proposals, policies, publishSoon } = deps;
  const router = Router();
  router.use(signInRoutes(deps.signIn));
  router.use(requireConsoleSession(deps.signIn.secret));
  const by = (req: Request) => req.consoleUser!.sub;
  /** The proposal if it exists and the user may handle it; otherwise a 404, as if it did not exist. */
  const proposalFor = async (req: Request): Promise<ProposalDoc> => {
    const doc = (await proposals.findById(req.params.id).lean()) as ProposalDoc | null;
    if (!doc || !mayHandle(req.consoleUser!, doc)) throw new HttpProblem(404, 'Niet gevonden', `Geen voorstel '${req.params.id}'.`);
    return doc;
  };

  router.get('/', async (req, res) => {
    const query = QueueQuerySchema.parse(req.query);
    const filter = withinScope(queueFilter(query), req.consoleUser!);
    const [items, total] = await Promise.all([proposals.find(filter).sort(queueSort(query)).skip(query.offset).limit(PAGE_SIZE).lean(), proposals.countDocuments(filter)]);
    res.type('html').send(queuePage({ items: items as ProposalDoc[], total, query, limit: PAGE_SIZE, regions: REGIONS, message: query.message }));
  });

  router.post('/bulk-approve', async (req, res) => {
    const form = BulkForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console', 'Vink eerst de voorstellen aan die je wilt goedkeuren.');
    // Only the ticked proposals this broker may handle; the others count as not found.
    const found = (await proposals.find({ _id: { $in: form.data.ids } }).lean()) as ProposalDoc[];
    const allowed = found.filter((p) => mayHandle(req.consoleUser!, p)).map((p) => p._id);
    const outcome = await approveMany(proposals, allowed, by(req), form.data.note || undefined);
    outcome.missing.push(...form.data.ids.filter((id) => !allowed.includes(id)));
    publishSoon();
    const skipped = outcome.alreadyDecided.length + outcome.missing.length;
    back(res, '/console', `${outcome.approved.length} voorstel(len) goedgekeurd.${skipped ? ` ${skipped} was/waren al beslist.` : ''}`);
  });

  router.get('/proposals/:id', async (req, res) => {
    const doc = await proposalFor(req);
    // The match itself is dropped here rather than with `_id: {$ne}` in the query, which FerretDB v1 did not apply together with the dotted filter.
    const sameRequest = await proposals.find({ 'match.requestId': doc.match.requestId }).sort({ score: -1 }).limit(11).lean();
    const others = sameRequest.filter((o) => o._id !== doc._id).slice(0, 10);
    res.type('html').send(proposalPage(doc as ProposalDoc, others as ProposalDoc[], Flash.parse(req.query).message));
  });

  router.post('/proposals/:id/note', async (req, res) => {
    const form = NoteForm.parse(req.body ?? {});
    await proposalFor(req);
    const saved = await editNote(proposals, req.params.id, form.note ?? '', by(req));
    back(res, `/console/proposals/${encodeURIComponent(req.params.id)}`, saved ? 'Notitie bewaard.' : 'Dit voorstel is al beslist; de notitie is niet meer te wijzigen.');
  });

  const decide = (decision: 'approved' | 'rejected') =>
    router.post(`/proposals/:id/${decision === 'approved' ? 'approve' : 'reject'}`, async (req, res) => {
      const form = NoteForm.parse(req.body ?? {});
      if (decision === 'rejected' && !form.note) throw new HttpProblem(400, 'Reden ontbreekt', 'Geef een reden op om een voorstel af te wijzen.');
      await proposalFor(req);
      try {
        await decideProposal(proposals, req.params.id, { decision, decidedBy: by(req), note: form.note || undefined });
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
    await proposalFor(req);
    const asked = await requestResend(proposals, { matchId: req.params.id, recipient, kind, by: by(req) });
    if (asked) publishSoon();
    back(res, '/console/mails', asked ? 'De mail wordt opnieuw verstuurd.' : 'Deze mail stond niet (meer) als mislukt.');
  });

  router.get('/mails', async (req, res) => {
    const failed = { $or: ['school', 'provider'].flatMap((r) => ['approved', 'confirmed'].map((k) => ({ [`mails.${r}_${k}.status`]: 'failed' }))) };
    const items = await proposals.find(withinScope(failed, req.consoleUser!)).sort({ updatedAt: -1 }).limit(200).lean();
    res.type('html').send(failedMailsPage(items as ProposalDoc[], Flash.parse(req.query).message));
  });

  router.get('/policies', async (req, res) => {
    const list = await policies.find({}).sort({ _id: 1 }).lean();
    res.type('html').send(policiesPage(list as PolicyDoc[], REGIONS, Flash.parse(req.query).message));
  });

  router.post('/policies', async (req, res) => {
    const form = PolicyForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console/policies', 'De drempel moet een getal tussen 0 en 100 zijn.');
    await savePolicy(policies, form.data, by(req));
    back(res, '/console/policies', `Regel voor ${form.data.region} bewaard.`);
  });

  return router;
}
