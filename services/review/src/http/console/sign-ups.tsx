import { type Request, type Response, Router } from 'express';
import { HttpProblem, principalOf, renderPage } from '@koppel/http';
import type { ReviewDeps } from '../../app/deps';
import { decideSignUp } from '../../app/sign-ups/decide-sign-up';
import { signUpsFor } from '../../app/sign-ups/sign-up-queries';
import { pageViewOf } from '../page-view';
import { pageView } from '../views/page-view';
import { type SignUpFormError, SignUpsPage } from '../views/console/sign-ups-page';
import { type Flash, flashOf, flashQuery } from './flash';

const PAGE = '/console/sign-ups';

/** A form field as posted: text, or nothing (a repeated field or anything else counts as not given). */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The sign-ups page of the console (issue #13), mounted under `/console/sign-ups` behind
 * the console's session and cross-origin protection: the list, and a form post per
 * decision (post/redirect/get with a flash). A broker sees and decides only the sign-ups
 * in its regions; another region's is a 404, as if it did not exist. A rejection without
 * a reason is the page again with status 400 and the error with the field.
 */
export function signUpRoutes(deps: Pick<ReviewDeps, 'signUps' | 'publishSignUpSoon'>): Router {
  const router = Router();

  const render = async (req: Request, res: Response, extra: { flash?: Flash; error?: SignUpFormError } = {}) => {
    const user = principalOf(req);
    const lists = await signUpsFor(deps, user);
    // After a post, the language switcher links to the page, not to the form's address.
    const view = req.method === 'GET' ? pageViewOf(req) : pageView(pageViewOf(req).lang, PAGE);
    res.type('html').send(renderPage(<SignUpsPage view={view} {...lists} scopedToBroker={user.role !== 'admin'} {...extra} />));
  };

  router.get('/', (req, res) => render(req, res, { flash: flashOf(req.query) }));

  const decide = (decision: 'approved' | 'rejected') =>
    router.post(`/:id/${decision === 'approved' ? 'approve' : 'reject'}`, async (req, res) => {
      const organisationId = String(req.params.id);
      const reason = textOf(req.body?.reason);
      const outcome = await decideSignUp(deps, organisationId, { decision, reason }, principalOf(req));
      if (outcome.kind === 'missing') {
        const { signUpNotFound } = pageViewOf(req).copy.problems;
        throw new HttpProblem(404, signUpNotFound.title, signUpNotFound.detail(organisationId));
      }
      if (outcome.kind === 'invalid') {
        res.status(400);
        return render(req, res, { error: { organisationId, problem: outcome.problem, reason } });
      }
      const flash: Flash =
        outcome.kind === 'already-decided'
          ? { key: 'sign-up-already-decided' }
          : { key: decision === 'approved' ? 'sign-up-approved' : 'sign-up-rejected' };
      res.redirect(303, `${PAGE}?${flashQuery(flash)}`);
    });
  decide('approved');
  decide('rejected');

  return router;
}
