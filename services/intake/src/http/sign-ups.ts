import { Router } from 'express';
import { SignUpConfirmationInputSchema, SignUpInputSchema } from '@koppel/contracts';
import { HttpProblem } from '@koppel/http';
import { confirmSignUp } from '../app/sign-ups/confirm-sign-up';
import type { SignUpDeps } from '../app/sign-ups/deps';
import { signUp } from '../app/sign-ups/sign-up';
import { parseInput } from './parse';
import { refusalProblem } from './problems';

/**
 * Sign-up without an account (issue #13): an organisation registers itself, its contact
 * confirms the address by the mailed link, a broker of its region then approves it.
 * Both routes are public and rate-limited per client address (intake-api.ts).
 */
export function signUpRoutes(deps: SignUpDeps): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const input = parseInput(SignUpInputSchema, req.body);
    const result = await signUp(deps, input);
    if (result.kind !== 'received') throw refusalProblem(result);
    // The id only: nothing about other organisations (a duplicate is for the broker to see).
    res.status(202).json({
      status: 'confirmation-sent',
      organisationId: result.organisationId,
      detail: 'A link to confirm the address is on its way to the contact; a broker of the region reviews the sign-up after that.',
    });
  });

  router.post('/confirmations', async (req, res) => {
    const { token } = parseInput(SignUpConfirmationInputSchema, req.body);
    const result = await confirmSignUp(deps, token);
    if (result.kind === 'refused')
      throw new HttpProblem(404, 'Not found', 'This confirmation link is unknown or expired: sign up again to get a new one.');
    res.status(200).json({ organisationId: result.organisationId, status: result.status });
  });

  return router;
}
