import { Router } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { verifyAnswerToken } from '@koppel/answer-links';
import type { Logger } from '@koppel/logging';
import type { ProposalDoc } from '../store/proposals';
import { answerFormPage, answerResultPage, languageOf } from './pages';
import { recordAnswer } from './record-answer';

const AnswerForm = z.object({ reason: z.string().trim().max(2000).optional() });

/**
 * The targets of the answer links in the mails. GET only shows the answer and
 * a button: mail scanners and link previews fetch links on their own, and
 * must not answer for anyone. POST records it, once.
 */
export function answerRoutes(deps: {
  proposals: Model<ProposalDoc>;
  secret: string;
  publishSoon: (matchId: string) => void;
  logger: Logger;
  afterAnswerWrite?: (answered: ProposalDoc) => void;
}): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const check = verifyAnswerToken(req.params.token, deps.secret);
    if (!check.ok)
      return res
        .status(400)
        .type('html')
        .send(answerResultPage({ lang: 'nl', kind: 'invalid' }));
    const doc = await deps.proposals.findById(check.claims.m).lean();
    if (!doc)
      return res
        .status(404)
        .type('html')
        .send(answerResultPage({ lang: 'nl', kind: 'invalid' }));
    const lang = languageOf(doc.match, check.claims.s);
    const previous = doc.answers?.[check.claims.s];
    if (previous)
      return res
        .status(409)
        .type('html')
        .send(answerResultPage({ lang, kind: 'already', answer: previous.answer }));
    res.type('html').send(answerFormPage({ match: doc.match, side: check.claims.s, answer: check.claims.a, token: req.params.token }));
  });

  router.post('/:token', async (req, res) => {
    const check = verifyAnswerToken(req.params.token, deps.secret);
    if (!check.ok) {
      deps.logger.warn('answer link refused', { reason: check.reason });
      return res
        .status(400)
        .type('html')
        .send(answerResultPage({ lang: 'nl', kind: 'invalid' }));
    }
    const form = AnswerForm.parse(req.body ?? {});
    const { m: matchId, s: side, a: answer } = check.claims;
    const outcome = await recordAnswer(
      deps.proposals,
      { matchId, side, answer, reason: answer === 'not_interested' ? form.reason || undefined : undefined, via: check.tokenId },
      { afterAnswerWrite: deps.afterAnswerWrite },
    );
    if (outcome.kind === 'missing')
      return res
        .status(404)
        .type('html')
        .send(answerResultPage({ lang: 'nl', kind: 'invalid' }));
    const doc = await deps.proposals.findById(matchId).lean();
    const lang = doc ? languageOf(doc.match, side) : 'nl';
    if (outcome.kind === 'already-answered')
      return res
        .status(409)
        .type('html')
        .send(answerResultPage({ lang, kind: 'already', answer: outcome.answer }));
    if (outcome.kind === 'not-open')
      return res
        .status(409)
        .type('html')
        .send(answerResultPage({ lang, kind: 'not-open' }));
    deps.publishSoon(matchId);
    deps.logger.info('match answered', { matchId, side, answer, tokenId: check.tokenId, confirmed: outcome.confirmed });
    res.type('html').send(answerResultPage({ lang, kind: 'recorded', answer, confirmed: outcome.confirmed }));
  });

  return router;
}
