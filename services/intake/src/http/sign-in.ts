import { Router } from 'express';
import { SessionInputSchema, SignInLinkInputSchema } from '@koppel/contracts';
import { HttpProblem } from '@koppel/http';
import type { StartSessionResult } from '../app/sign-in/start-session';
import { parseInput } from './parse';

/** The sign-in use cases the routes call. */
export interface SignInUseCases {
  /** Takes a request for a link at once; the work follows (see `signInLinkRequests`). */
  requestLink(email: string): void;
  startSession(token: string): Promise<StartSessionResult>;
}

/**
 * Sign-in by one-time link. A request always answers 202, whether or not the
 * address is known (no account enumeration); the notifier mails the link.
 * Exchanging the link's secret (once, before it expires) gives a session token.
 */
export function signInRoutes(signIn: SignInUseCases): Router {
  const router = Router();

  // The answer goes first, the same for every address; the work follows it (issue #11).
  router.post('/sign-in-links', (req, res) => {
    const { email } = parseInput(SignInLinkInputSchema, req.body);
    res.status(202).json({ status: 'accepted', detail: 'If the address belongs to a contact, a sign-in link is on its way.' });
    signIn.requestLink(email);
  });

  router.post('/sessions', async (req, res) => {
    const { token } = parseInput(SessionInputSchema, req.body);
    const result = await signIn.startSession(token);
    if (result.kind === 'refused')
      throw new HttpProblem(401, 'Unauthorized', 'The sign-in link is unknown, used or expired; ask for a new one.');
    if (result.kind === 'changed-meanwhile')
      throw new HttpProblem(409, 'Try again', 'The sign-in link changed while it was used; try once more.');
    res.status(201).json({ token: result.token, expiresAt: result.expiresAt, role: result.role, organisationId: result.organisationId });
  });

  return router;
}
