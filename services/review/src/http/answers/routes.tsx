import { Router } from 'express';
import { z } from 'zod';
import { verifyAnswerToken } from '@koppel/answer-links';
import type { ReviewDeps } from '../../app/deps';
import { answerLinkState, recordAnswer } from '../../app/record-answer';
import type { ProposalDoc } from '../../store/proposal-doc';
import { renderPage } from '@koppel/http';
import { AnswerFormPage, AnswerResultPage, languageOf } from '../views/answers/answer-pages';

const AnswerForm = z.object({ reason: z.string().trim().max(2000).optional() });

/**
 * The targets of the answer links in the mails. GET only shows the answer and
 * a button: mail scanners and link previews fetch links on their own, and
 * must not answer for anyone. POST records it, once.
 */
export function answerRoutes(
  deps: Pick<ReviewDeps, 'proposals' | 'publishSoon' | 'logger'>,
  options: {
    /** ANSWER_LINK_SECRET: verifies the links the notifier signs. */
    secret: string;
    /** Fault injection (REVIEW_FAULT_CRASH_AFTER_ANSWER): runs between recording an answer and settling the match. */
    afterAnswerWrite?: (answered: ProposalDoc) => void;
  },
): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const check = verifyAnswerToken(req.params.token, options.secret);
    if (!check.ok)
      return res
        .status(400)
        .type('html')
        .send(renderPage(<AnswerResultPage lang="nl" kind="invalid" />));
    const state = await answerLinkState(deps, check.claims.m, check.claims.s);
    if (state.kind === 'missing')
      return res
        .status(404)
        .type('html')
        .send(renderPage(<AnswerResultPage lang="nl" kind="invalid" />));
    const lang = languageOf(state.match, check.claims.s);
    if (state.kind === 'already-answered')
      return res
        .status(409)
        .type('html')
        .send(renderPage(<AnswerResultPage lang={lang} kind="already" answer={state.answer} />));
    res
      .type('html')
      .send(renderPage(<AnswerFormPage match={state.match} side={check.claims.s} answer={check.claims.a} token={req.params.token} />));
  });

  router.post('/:token', async (req, res) => {
    const check = verifyAnswerToken(req.params.token, options.secret);
    if (!check.ok) {
      deps.logger.warn('answer link refused', { reason: check.reason });
      return res
        .status(400)
        .type('html')
        .send(renderPage(<AnswerResultPage lang="nl" kind="invalid" />));
    }
    const form = AnswerForm.parse(req.body ?? {});
    const { m: matchId, s: side, a: answer } = check.claims;
    const outcome = await recordAnswer(
      deps,
      { matchId, side, answer, reason: answer === 'not_interested' ? form.reason || undefined : undefined, via: check.tokenId },
      { afterAnswerWrite: options.afterAnswerWrite },
    );
    if (outcome.kind === 'missing')
      return res
        .status(404)
        .type('html')
        .send(renderPage(<AnswerResultPage lang="nl" kind="invalid" />));
    const lang = languageOf(outcome.kind === 'recorded' ? outcome.proposal.match : outcome.match, side);
    if (outcome.kind === 'already-answered')
      return res
        .status(409)
        .type('html')
        .send(renderPage(<AnswerResultPage lang={lang} kind="already" answer={outcome.answer} />));
    if (outcome.kind === 'not-open')
      return res
        .status(409)
        .type('html')
        .send(renderPage(<AnswerResultPage lang={lang} kind="not-open" />));
    deps.logger.info('match answered', { matchId, side, answer, tokenId: check.tokenId, confirmed: outcome.confirmed });
    res.type('html').send(renderPage(<AnswerResultPage lang={lang} kind="recorded" answer={answer} confirmed={outcome.confirmed} />));
  });

  return router;
}
