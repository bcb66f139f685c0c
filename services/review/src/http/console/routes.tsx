import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { OrganisationStanding } from '@koppel/auth';
import { MailKindSchema, MatchSideSchema } from '@koppel/contracts';
import { crossOriginProtection, HttpProblem, principalOf, rememberPageLanguage, renderPage } from '@koppel/http';
import { approveMany } from '../../app/approve-many';
import { policiesManagedBy, savePolicy } from '../../app/auto-approval-policies';
import { decideProposal } from '../../app/decide-proposal';
import type { ReviewDeps } from '../../app/deps';
import { editNote } from '../../app/edit-note';
import { insightsFor } from '../../app/insights/insights-summary';
import { periodChoices } from '../../app/insights/period';
import { insightRegionsFor } from '../../app/insights/scope';
import { mayManagePolicy, policyRegionsFor } from '../../app/policies/policy-scope';
import { otherCandidates, proposalsPage, proposalsWithFailedMails, visibleProposal } from '../../app/proposal-queries';
import { REGIONS } from '../../app/regions/province-of-postcode';
import { requestResend } from '../../app/request-resend';
import type { ProposalDoc } from '../../store/proposal-doc';
import { consoleInsightsQueryOf, type InsightsQueryInput, InsightsQuerySchema } from '../insights/query';
import { pageViewOf } from '../page-view';
import { requireConsoleSession } from '../sign-in/console-session';
import { type SignInOptions, signInRoutes } from '../sign-in/routes';
import { regionLabel } from '../views/console/labels';
import { INSIGHT_TABLES, InsightsPage } from '../views/console/insights-page';
import { type DeadLetterRow, FailedMailsPage } from '../views/console/mails-page';
import { PoliciesPage } from '../views/console/policies-page';
import { ProposalPage } from '../views/console/proposal-page';
import { QueuePage } from '../views/console/queue-page';
import { type Flash, flashOf, flashQuery } from './flash';
import { insightsCsv } from './insights-csv';
import { PolicyForm } from './policy-form';
import { queueFilterOf, QueueQuerySchema } from './queue-query';
import { signUpRoutes } from './sign-ups';

const PAGE_SIZE = 20;
const NoteForm = z.object({ note: z.string().trim().max(2000).optional() });
const BulkForm = z.object({
  ids: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string().min(1)).min(1).max(100)),
  note: z.string().trim().max(2000).optional(),
});

/**
 * The insights form's filters: an empty field is no filter, and a value that cannot be
 * read (a half-typed date) is left out instead of failing the page, as the queue does.
 */
function insightsFiltersOf(raw: Record<string, unknown>): InsightsQueryInput {
  const candidate = consoleInsightsQueryOf(raw);
  const parsed = InsightsQuerySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const again = InsightsQuerySchema.safeParse(Object.fromEntries(Object.entries(candidate).filter(([k]) => !bad.has(k))));
  return again.success ? again.data : {};
}

const InsightsCsvQuery = z.object({ table: z.enum(INSIGHT_TABLES) });

/** Post/redirect/get: the next page says what happened, in the reader's language (see flash.ts). */
function back(res: Response, to: string, flash: Flash): void {
  res.redirect(303, `${to}${to.includes('?') ? '&' : '?'}${flashQuery(flash)}`);
}

export interface ConsoleOptions {
  signIn: SignInOptions;
  /** Whether a session's organisation may still act (a withdrawn one's sessions are refused). */
  standing: OrganisationStanding;
  /** Counts of the dead-letter topics, shown to admins on the mails page. */
  deadLetters?: () => Promise<DeadLetterRow[]>;
}

/**
 * The broker console: plain server-rendered HTML forms, so it works without
 * JavaScript and with a screen reader. Every page needs a session (a one-time
 * link by mail, see sign-in/); the signed-in broker's `sub` is recorded as who
 * decided, and a broker sees only the matches in its regions (admins see all).
 * Pages speak Dutch, French or English by the shared page-language rules.
 */
export function consoleRoutes(
  deps: Pick<ReviewDeps, 'proposals' | 'policies' | 'policyLookup' | 'publishSoon' | 'insights' | 'signUps' | 'publishSignUpSoon'>,
  options: ConsoleOptions,
): Router {
  const router = Router();
  // The console is authenticated by a cookie: no form may be posted to it from another site (CSRF).
  router.use(crossOriginProtection());
  // First, so a ?lang= is remembered on every console page, the sign-in pages and the redirects to them included.
  router.use(rememberPageLanguage());
  router.use(signInRoutes(options.signIn));
  router.use(requireConsoleSession(options.signIn.sessions, options.standing, options.signIn.secret));
  const by = (req: Request) => principalOf(req).sub;
  /** The proposal if it exists and the user may handle it; otherwise a 404, as if it did not exist. */
  const proposalFor = async (req: Request): Promise<ProposalDoc> => {
    const doc = await visibleProposal(deps, String(req.params.id), principalOf(req));
    if (!doc) {
      const { notFound } = pageViewOf(req).copy.problems;
      throw new HttpProblem(404, notFound.title, notFound.detail(String(req.params.id)));
    }
    return doc;
  };

  router.get('/', async (req, res) => {
    const query = QueueQuerySchema.parse(req.query);
    const { items, total } = await proposalsPage(
      deps,
      queueFilterOf(query),
      { sort: query.sort, offset: query.offset, limit: PAGE_SIZE },
      principalOf(req),
    );
    res
      .type('html')
      .send(
        renderPage(
          <QueuePage
            view={pageViewOf(req)}
            items={items}
            total={total}
            query={query}
            limit={PAGE_SIZE}
            regions={REGIONS}
            flash={flashOf(req.query)}
          />,
        ),
      );
  });

  router.post('/bulk-approve', async (req, res) => {
    const form = BulkForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console', { key: 'bulk-none-ticked' });
    // Only the ticked proposals this broker may handle; the others count as not found.
    const outcome = await approveMany(deps, form.data.ids, principalOf(req), form.data.note || undefined);
    back(res, '/console', {
      key: 'bulk-approved',
      approved: outcome.approved.length,
      skipped: outcome.alreadyDecided.length + outcome.missing.length,
    });
  });

  router.get('/proposals/:id', async (req, res) => {
    const doc = await proposalFor(req);
    const others = await otherCandidates(deps, doc);
    res.type('html').send(renderPage(<ProposalPage view={pageViewOf(req)} proposal={doc} others={others} flash={flashOf(req.query)} />));
  });

  router.post('/proposals/:id/note', async (req, res) => {
    const form = NoteForm.parse(req.body ?? {});
    await proposalFor(req);
    const saved = await editNote(deps, req.params.id, form.note ?? '', by(req));
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
      const outcome = await decideProposal(deps, req.params.id, { decision, decidedBy: by(req), note: form.note || undefined });
      if (outcome.kind === 'already-decided') return back(res, '/console', { key: 'already-decided' });
      if (outcome.kind === 'missing') throw new HttpProblem(404, 'Not found', `No proposal with id '${req.params.id}'.`);
      back(res, '/console', { key: decision });
    });
  decide('approved');
  decide('rejected');

  router.post('/proposals/:id/mails/:recipient/:kind/resend', async (req, res) => {
    const recipient = MatchSideSchema.parse(req.params.recipient);
    const kind = MailKindSchema.parse(req.params.kind);
    await proposalFor(req);
    const asked = await requestResend(deps, { matchId: req.params.id, recipient, kind, by: by(req) });
    back(res, '/console/mails', { key: asked ? 'resend-requested' : 'resend-not-failed' });
  });

  // Organisations that signed up themselves, approved or rejected by a broker of their region (issue #13).
  router.use('/sign-ups', signUpRoutes(deps));

  router.get('/mails', async (req, res) => {
    const items = await proposalsWithFailedMails(deps, principalOf(req));
    // Operations data across all regions: admins only. The broker may be away: the page still renders.
    const deadLetters =
      principalOf(req).role === 'admin' && options.deadLetters ? await options.deadLetters().catch(() => null) : undefined;
    res
      .type('html')
      .send(renderPage(<FailedMailsPage view={pageViewOf(req)} items={items} flash={flashOf(req.query)} deadLetters={deadLetters} />));
  });

  router.get('/policies', async (req, res) => {
    const user = principalOf(req);
    const policies = await policiesManagedBy(deps, user);
    res
      .type('html')
      .send(
        renderPage(
          <PoliciesPage
            view={pageViewOf(req)}
            policies={policies}
            regions={policyRegionsFor(user)}
            scopedToBroker={user.role !== 'admin'}
            flash={flashOf(req.query)}
          />,
        ),
      );
  });

  router.post('/policies', async (req, res) => {
    const user = principalOf(req);
    const region = String(req.body?.region ?? '');
    // Authorisation before validation: another region's policy is refused whatever else the form says.
    if (!mayManagePolicy(user, region)) {
      const view = pageViewOf(req);
      const { policyForbidden } = view.copy.problems;
      throw new HttpProblem(403, policyForbidden.title, policyForbidden.detail(regionLabel(view.copy, region.slice(0, 100))));
    }
    const form = PolicyForm.safeParse(req.body ?? {});
    if (!form.success) return back(res, '/console/policies', { key: 'policy-invalid' });
    await savePolicy(deps, form.data, by(req));
    back(res, '/console/policies', { key: 'policy-saved', region: form.data.region });
  });

  /** The insights of the page's filters, or the 403 of a region the broker's ranges do not reach. */
  const insightsOfRequest = async (req: Request) => {
    const user = principalOf(req);
    const filters = insightsFiltersOf(req.query as Record<string, unknown>);
    const outcome = await insightsFor(deps, filters, user);
    if (outcome.kind === 'forbidden') {
      const view = pageViewOf(req);
      const { insightsForbidden } = view.copy.problems;
      throw new HttpProblem(403, insightsForbidden.title, insightsForbidden.detail(regionLabel(view.copy, outcome.region)));
    }
    return { user, filters, summary: outcome.summary, inventory: outcome.inventory };
  };

  router.get('/insights', async (req, res) => {
    const { user, filters, summary } = await insightsOfRequest(req);
    res
      .type('html')
      .send(
        renderPage(
          <InsightsPage
            view={pageViewOf(req)}
            summary={summary}
            filters={filters}
            regions={insightRegionsFor(user)}
            periods={periodChoices(new Date())}
            scopedToBroker={user.role !== 'admin'}
          />,
        ),
      );
  });

  router.get('/insights.csv', async (req, res) => {
    const table = InsightsCsvQuery.safeParse(req.query);
    if (!table.success) throw new HttpProblem(400, 'Bad request', `table must be one of ${INSIGHT_TABLES.join(', ')}.`);
    const { filters, summary, inventory } = await insightsOfRequest(req);
    const name = ['koppel', table.data.table, filters.region ?? 'all', filters.period, filters.from, filters.to]
      .filter(Boolean)
      .join('-')
      .replace(/[^A-Za-z0-9._-]+/g, '_');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.type('text/csv; charset=utf-8').send(insightsCsv(pageViewOf(req), table.data.table, summary, inventory));
  });

  return router;
}
