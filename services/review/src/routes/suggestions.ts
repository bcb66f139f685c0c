import { Router, type Request } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { bearerTokenOf, verifyToken, type Claims, type OrganisationStanding } from '@koppel/auth';
import { loadConfig } from '@koppel/config';
import { LANGUAGES, SuggestionAnswerInputSchema, type MatchSide, type SuggestionView } from '@koppel/contracts';
import { corsFor, HttpProblem, parseOrThrow } from '@koppel/http';
import type { Logger } from '@koppel/logging';
import { describeStoredExplanation } from '@koppel/matching';
import { recordAnswer } from '../answers/record-answer';
import type { ProposalDoc } from '../store/proposals';

/**
 * What this router reads from the environment, on its own so that mounting it
 * is one line: the token secret intake signs sessions with, and the origins of
 * the pages allowed to call it from a browser (the portal).
 */
export const suggestionsEnvSchema = z.object({
  AUTH_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters (the same secret intake uses)'),
  /** Comma-separated origins (`http://host:port`) whose pages may call /suggestions; empty: none. */
  REVIEW_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
});
export type SuggestionsConfig = z.infer<typeof suggestionsEnvSchema>;

/** Suggestions are the approved matches: a proposal the broker has not approved is not shown to either side. */
const VISIBLE = ['approved', 'confirmed', 'declined'] as const;

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
 * update as the mail links (answers/record-answer.ts), so a page answer and a
 * link answer can never both count.
 */
export function suggestionRoutes(deps: {
  proposals: Model<ProposalDoc>;
  publishSoon: (matchId: string) => void;
  logger: Logger;
  standing: OrganisationStanding;
  config?: SuggestionsConfig;
}): Router {
  const config = deps.config ?? loadConfig(suggestionsEnvSchema);
  const router = Router();
  router.use(corsFor({ origins: config.REVIEW_CORS_ORIGINS, methods: ['GET', 'POST'], headers: ['authorization', 'content-type'] }));
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store'); // personal data: never cached
    next();
  });

  const authenticated = async (req: Request): Promise<{ claims: Claims; side: MatchSide; org: string }> => {
    const token = bearerTokenOf(req.get('authorization'));
    const check = token ? verifyToken(config.AUTH_TOKEN_SECRET, token) : undefined;
    if (!check?.ok) throw new HttpProblem(401, 'Unauthorized', 'A valid bearer token is needed (sign in again).');
    if (check.claims.org && !(await deps.standing(check.claims.org)))
      throw new HttpProblem(401, 'Unauthorized', 'The organisation of this token was withdrawn; its tokens no longer work.');
    const side = sideOf(check.claims);
    if (!side) throw new HttpProblem(403, 'Forbidden', 'Only a school (requester) or a provider organisation has suggestions.');
    return { claims: check.claims, side, org: check.claims.org as string };
  };

  router.get('/', async (req, res) => {
    const { side, org } = await authenticated(req);
    const docs = await deps.proposals
      .find({ status: { $in: VISIBLE }, [`match.${side}.id`]: org })
      .sort({ updatedAt: -1 })
      .limit(100)
      .lean();
    res.json({ items: (docs as ProposalDoc[]).map((d) => suggestionViewOf(d, side)) });
  });

  router.post('/:id/answer', async (req, res) => {
    const { claims, side, org } = await authenticated(req);
    const input = parseOrThrow(SuggestionAnswerInputSchema, req.body ?? {});
    const doc = await deps.proposals.findById(req.params.id).lean();
    // Another organisation's match answers as if it did not exist.
    if (!doc || doc.match[side].id !== org || !(VISIBLE as readonly string[]).includes(doc.status))
      throw new HttpProblem(404, 'Not found', 'No such suggestion.');
    const outcome = await recordAnswer(deps.proposals, {
      matchId: doc._id,
      side,
      answer: input.answer,
      reason: input.answer === 'not_interested' ? input.reason || undefined : undefined,
      // Stored instead of a link's hash: who answered on the page (the token id, never the token).
      via: `page:${claims.jti}`,
    });
    if (outcome.kind === 'missing') throw new HttpProblem(404, 'Not found', 'No such suggestion.');
    if (outcome.kind === 'already-answered')
      throw new HttpProblem(409, 'Already answered', `This side already answered (${outcome.answer}).`);
    if (outcome.kind === 'not-open') throw new HttpProblem(409, 'Not open', 'This match cannot be answered.');
    deps.publishSoon(doc._id);
    deps.logger.info('match answered on the page', {
      matchId: doc._id,
      side,
      answer: input.answer,
      jti: claims.jti,
      confirmed: outcome.confirmed,
    });
    res.json(suggestionViewOf(outcome.proposal, side));
  });

  return router;
}
