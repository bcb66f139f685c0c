import { type Request, Router } from 'express';
import type { Claims, OrganisationStanding } from '@koppel/auth';
import { LANGUAGES, type MatchSide, SuggestionAnswerInputSchema, type SuggestionView } from '@koppel/contracts';
import { authenticate, corsFor, HttpProblem, parseOrThrow, principalOf } from '@koppel/http';
import { describeStoredExplanation } from '@koppel/matching';
import type { ReviewDeps } from '../app/deps';
import { answerSuggestion, suggestionsOf } from '../app/suggestions';
import type { ProposalDoc } from '../store/proposal-doc';

export interface SuggestionsOptions {
  /** AUTH_TOKEN_SECRET: verifies the session tokens intake issues. */
  secret: string;
  /** REVIEW_CORS_ORIGINS: the origins of the pages allowed to call /suggestions from a browser (the portal). */
  corsOrigins: string[];
  /** Whether a token's organisation may still act (a withdrawn one's tokens are refused). */
  standing: OrganisationStanding;
}

/** The side a token acts for: a requester is the school side, a provider the provider side; others have none. */
function sideOf(claims: Claims): MatchSide | undefined {
  if (!claims.org) return undefined;
  if (claims.role === 'requester') return 'school';
  if (claims.role === 'provider') return 'provider';
  return undefined;
}

/** The view of one match for one side: the other side's contact only once confirmed. */
export function suggestionViewOf(doc: ProposalDoc, side: MatchSide): SuggestionView {
  const other = side === 'school' ? doc.match.provider : doc.match.school;
  return {
    id: doc._id,
    status: doc.status as SuggestionView['status'],
    side,
    yourAnswer: doc.answers?.[side]?.answer ?? null,
    summary: doc.match.summary,
    summaries: Object.fromEntries(
      LANGUAGES.map((lang) => [lang, describeStoredExplanation(doc.match.explanation, doc.match.summary, lang)]),
    ) as SuggestionView['summaries'],
    score: doc.score,
    ...(doc.note ? { note: doc.note } : {}),
    request: doc.match.request,
    offer: doc.match.offer,
    schoolName: doc.match.school.name,
    providerName: doc.match.provider.name,
    ...(doc.status === 'confirmed' ? { contact: other } : {}),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}

/**
 * `/suggestions` for schools and providers signed in with an intake session
 * token: `GET /` lists the approved matches of the token's organisation
 * (`match.school.id` or `match.provider.id` = `org`), `POST /:id/answer`
 * records "interested" / "not interested" through the same conditional
 * update as the mail links (app/record-answer.ts), so a page answer and a
 * link answer can never both count.
 */
export function suggestionRoutes(deps: Pick<ReviewDeps, 'proposals' | 'publishSoon' | 'logger'>, options: SuggestionsOptions): Router {
  const router = Router();
  router.use(corsFor({ origins: options.corsOrigins, methods: ['GET', 'POST'], headers: ['authorization', 'content-type'] }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store'); // personal data: never cached
    next();
  });

  const notASide = 'Only a school (requester) or a provider organisation has suggestions.';
  const again = 'A valid bearer token is needed (sign in again).';
  router.use(
    authenticate({
      secret: options.secret,
      standing: options.standing,
      roles: ['requester', 'provider'],
      messages: { missing: again, invalid: again, expired: again, role: notASide },
    }),
  );
  /** The caller's side of a match: a school or a provider organisation. */
  const authenticated = (req: Request): { claims: Claims; side: MatchSide; org: string } => {
    const claims = principalOf(req);
    const side = sideOf(claims);
    if (!side) throw new HttpProblem(403, 'Forbidden', notASide);
    return { claims, side, org: claims.org as string };
  };

  router.get('/', async (req, res) => {
    const { side, org } = authenticated(req);
    const docs = await suggestionsOf(deps, side, org);
    res.json({ items: docs.map((d) => suggestionViewOf(d, side)) });
  });

  router.post('/:id/answer', async (req, res) => {
    const { claims, side, org } = authenticated(req);
    const input = parseOrThrow(SuggestionAnswerInputSchema, req.body ?? {});
    const outcome = await answerSuggestion(deps, {
      matchId: req.params.id,
      side,
      organisationId: org,
      answer: input.answer,
      reason: input.answer === 'not_interested' ? input.reason || undefined : undefined,
      // Stored instead of a link's hash: who answered on the page (the token id, never the token).
      via: `page:${claims.jti}`,
    });
    // Another organisation's match answers as if it did not exist.
    if (outcome.kind === 'missing') throw new HttpProblem(404, 'Not found', 'No such suggestion.');
    if (outcome.kind === 'already-answered')
      throw new HttpProblem(409, 'Already answered', `This side already answered (${outcome.answer}).`);
    if (outcome.kind === 'not-open') throw new HttpProblem(409, 'Not open', 'This match cannot be answered.');
    deps.logger.info('match answered on the page', {
      matchId: outcome.proposal._id,
      side,
      answer: input.answer,
      jti: claims.jti,
      confirmed: outcome.confirmed,
    });
    res.json(suggestionViewOf(outcome.proposal, side));
  });

  return router;
}
