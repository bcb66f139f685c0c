import { Router, type Request, type Response } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { MailKindSchema, MatchSideSchema } from '@koppel/contracts';
import { HttpProblem, rememberPageLanguage, crossOriginProtection } from '@koppel/http';
import { approveMany, decideProposal, editNote } from '../decide';
import { requestResend } from '../mails/request-resend';
import { PolicyForm, savePolicy, type PolicyLookup } from '../policies/auto-approval';
import { mayManagePolicy, policyRegionsFor } from '../policies/policy-scope';
import { REGIONS } from '../regions/province-of-postcode';
import type { PolicyDoc } from '../store/policies';
import type { ProposalDoc } from '../store/proposals';
import { requireConsoleSession } from '../sign-in/console-session';
import type { OrganisationStanding } from '@koppel/auth';
import { signInRoutes, type SignInOptions } from '../sign-in/routes';
import { mayHandle, withinScope } from './broker-scope';
import { flashOf, flashQuery, type Flash } from './flash';
import { failedMailsPage, policiesPage, proposalPage, queuePage, regionLabel, type DeadLetterRow } from './pages';
import { queueFilter, QueueQuerySchema, queueSort } from './queue-query';
import { pageViewOf } from './view';

const PAGE_SIZE = 20;
const NoteForm = z.object({ note: z.string().trim().max(2000).optional() });
const BulkForm = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().min(1)).min(1).max(100)),
  note: z.string().trim().max(2000).optional(),
});

/** Post/redirect/get: the next page says what happened, in the reader's language (see flash.ts). */
function back(res: Response, to: string, flash: Flash): void {
  res.redirect(303, `${to}${to.includes('?') ? '&' : '?'}${flashQuery(flash)}`);
}

/**
 * The broker console: plain server-rendered HTML forms, so it works without
 * JavaScript and with a screen reader. Every page needs a session (a one-time
 * link by mail, see sign-in/); the signed-in broker's `sub` is recorded as who
 * decided, and a broker sees only the matches in its regions (admins see all).
 * Pages speak Dutch, French or English by the shared page-language rules.
 */
export function consoleRoutes(deps: {
  proposals: Model<ProposalDoc>;
  policies: Model<PolicyDoc>;
  policyLookup: PolicyLookup;
  publishSoon: (matchId: string) => void;
  signIn: SignInOptions;
  /** Whether a session's organisation may still act (a withdrawn one's sessions are refused). */
  standing: OrganisationStanding;
  /** Counts of the dead-letter topics, shown to admins on the mails page. */
  deadLetters?: () => Promise<DeadLetterRow[]>;
}): Router {
  const { proposals, policies, policyLookup, publishSoon } = deps;
  const router = Router();
  // The console is authenticated by a cookie: no form may be posted to it from another site (CSRF).
  router.use(crossOriginProtection());
  // First, so a ?lang= is remembered on every console page, the sign-in pages and the redirects to them included.
  router.use(rememberPageLanguage());
  router.use(signInRoutes(deps.signIn));
  router.use(requireConsoleSession(deps.signIn.sessions, deps.standing));
  const by = (req: Request) => req.consoleUser!.sub;
  /** The proposal if it exists and the user may handle it; otherwise a 404, as if it did not exist. */
  const proposalFor = async (req: Request): Promise<ProposalDoc> => {
    const doc = (await proposals.findById(req.params.id).lean()) as ProposalDoc | null;
    if (!doc || !mayHandle(req.consoleUser!, doc)) {
      const { notFound } = pageViewOf(req).copy.problems;
      throw new HttpProblem(404, notFound.title, notFound.detail(String(req.params.id)));
    }
    return doc;
  };

  router.get('/', async (req, res) => {
    const query = QueueQuerySchema.parse(req.query);
    const filter = withinScope(queueFilter(query), req.consoleUser!);
    const [items, total] = await Promise.all([
      proposals.find(filter).sort(queueSort(query)).skip(query.offset).limit(PAGE_SIZE).lean(),
      proposals.countDocuments(filter),
    ]);
    res.type('html').send(
      queuePage(pageViewOf(req), {
        items: items as ProposalDoc[],
        total,
        query,
        limit: PAGE_SIZE,
        regions: REGIONS,
        flash: flashOf(req.query),
      }),
    );
  });

  router.post('/bulk-approve', async (req, res) => {
    const form = BulkForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console', { key: 'bulk-none-ticked' });
    // Only the ticked proposals this broker may handle; the others count as not found.
    const found = (await proposals.find({ _id: { $in: form.data.ids } }).lean()) as ProposalDoc[];
    const allowed = found.filter((p) => mayHandle(req.consoleUser!, p)).map((p) => p._id);
    const outcome = await approveMany(proposals, allowed, by(req), form.data.note || undefined);
    outcome.missing.push(...form.data.ids.filter((id) => !allowed.includes(id)));
    for (const id of outcome.approved) publishSoon(id);
    back(res, '/console', {
      key: 'bulk-approved',
      approved: outcome.approved.length,
      skipped: outcome.alreadyDecided.length + outcome.missing.length,
    });
  });

  router.get('/proposals/:id', async (req, res) => {
    const doc = await proposalFor(req);
    // The match itself is dropped here rather than with `_id: {$ne}` in the query, which FerretDB v1 did not apply together with the dotted filter.
    const sameRequest = await proposals.find({ 'match.requestId': doc.match.requestId }).sort({ score: -1 }).limit(11).lean();
    const others = sameRequest.filter((o) => o._id !== doc._id).slice(0, 10);
    res.type('html').send(proposalPage(pageViewOf(req), doc as ProposalDoc, others as ProposalDoc[], flashOf(req.query)));
  });

  router.post('/proposals/:id/note', async (req, res) => {
    const form = NoteForm.parse(req.body ?? {});
    await proposalFor(req);
    const saved = await editNote(proposals, req.params.id, form.note ?? '', by(req));
    back(res, `/console/proposals/${encodeURIComponent(req.params.id)}`, { key: saved ? 'note-saved' : 'note-locked' });
  });

  const decide = (decision: 'approved' | 'rejected') =>
    router.post(`/proposals/:id/${decision === 'approved' ? 'approve' : 'reject'}`, async (req, res) => {
      const form = NoteForm.parse(req.body ?? {});
      if (decision === 'rejected' && !form.note) {
        const { reasonMissing } = pageViewOf(req).copy.problems;
        throw new HttpProblem(400, reasonMissing.title, reasonMissing.detail);
      }
      await proposalFor(req);
      try {
        await decideProposal(proposals, req.params.id, { decision, decidedBy: by(req), note: form.note || undefined });
        publishSoon(req.params.id);
        back(res, '/console', { key: decision });
      } catch (error) {
        if (error instanceof HttpProblem && error.status === 409) return back(res, '/console', { key: 'already-decided' });
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
    if (asked) publishSoon(req.params.id);
    back(res, '/console/mails', { key: asked ? 'resend-requested' : 'resend-not-failed' });
  });

  router.get('/mails', async (req, res) => {
    const failed = {
      $or: ['school', 'provider'].flatMap((r) => ['approved', 'confirmed'].map((k) => ({ [`mails.${r}_${k}.status`]: 'failed' }))),
    };
    const items = await proposals.find(withinScope(failed, req.consoleUser!)).sort({ updatedAt: -1 }).limit(200).lean();
    // Operations data across all regions: admins only. The broker may be away: the page still renders.
    const deadLetters = req.consoleUser!.role === 'admin' && deps.deadLetters ? await deps.deadLetters().catch(() => null) : undefined;
    res.type('html').send(failedMailsPage(pageViewOf(req), items as ProposalDoc[], flashOf(req.query), deadLetters));
  });

  router.get('/policies', async (req, res) => {
    const user = req.consoleUser!;
    // A handful of rows at most (one per region): filtered here with the same rule the POST checks.
    const list = ((await policies.find({}).sort({ _id: 1 }).lean()) as PolicyDoc[]).filter((p) => mayManagePolicy(user, p._id));
    res.type('html').send(
      policiesPage(pageViewOf(req), {
        policies: list,
        regions: policyRegionsFor(user),
        scopedToBroker: user.role !== 'admin',
        flash: flashOf(req.query),
      }),
    );
  });

  router.post('/policies', async (req, res) => {
    const user = req.consoleUser!;
    const region = String(req.body?.region ?? '');
    // Authorisation before validation: another region's policy is refused whatever else the form says.
    if (!mayManagePolicy(user, region)) {
      const view = pageViewOf(req);
      const { policyForbidden } = view.copy.problems;
      throw new HttpProblem(403, policyForbidden.title, policyForbidden.detail(regionLabel(view.copy, region.slice(0, 100))));
    }
    const form = PolicyForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console/policies', { key: 'policy-invalid' });
    await savePolicy(policies, policyLookup, form.data, by(req));
    back(res, '/console/policies', { key: 'policy-saved', region: form.data.region });
  });

  return router;
}
