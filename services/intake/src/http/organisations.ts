import { Router } from 'express';
import { z } from 'zod';
import { MailPreferenceInputSchema, OrganisationInputSchema, OrganisationQuerySchema, WithdrawInputSchema } from '@koppel/contracts';
import { HttpProblem, parseOrThrow, principalOf } from '@koppel/http';
import {
  type ChangeRefusal,
  chooseMailPreference,
  mailPreferenceAccess,
  replaceOrganisation,
  withdrawOrganisation,
} from '../app/organisations/change-organisation';
import { createOrganisation, earlierOrganisation, type OrganisationState } from '../app/organisations/create-organisation';
import type { OrganisationDeps } from '../app/organisations/deps';
import { eraseOrganisation } from '../app/organisations/erase-organisation';
import { findOrganisations, readOrganisation } from '../app/organisations/read-organisations';
import { requireRole } from './require-role';
import { assertSameId, idempotencyOf, parseInput, pathId } from './parse';
import { keyReused, refusalProblem } from './problems';

/** Public view: the organisation and its lifecycle, never sign-in links or the outbox. */
export function organisationView(doc: OrganisationState) {
  return {
    ...doc.data,
    status: doc.status,
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    withdrawnAt: doc.withdrawnAt,
    erasedAt: doc.erasedAt,
  };
}

const notFound = (id: string) => new HttpProblem(404, 'Not found', `No organisation with id '${id}'.`);

/** The problem of a change that could not be made to an active organisation. */
function changeProblem(id: string, refusal: ChangeRefusal): HttpProblem {
  if (refusal.kind === 'not-found') return notFound(id);
  if (refusal.kind === 'withdrawn') return new HttpProblem(409, 'Withdrawn', `The organisation '${id}' was withdrawn.`);
  return new HttpProblem(409, 'Changed concurrently', `The organisation '${id}' kept changing; try again.`);
}

/**
 * Organisations are managed by admins; an organisation's own token may read it,
 * and a provider chooses its own mail preference. Each change publishes its
 * event (created, updated, withdrawn) through the document's outbox; the
 * notifier reads providers' mail preferences from them.
 */
export function organisationRoutes(deps: OrganisationDeps): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const idempotency = idempotencyOf(req, principal);
    const earlier = idempotency && (await earlierOrganisation(deps, idempotency, req.body));
    const result = earlier || (await createOrganisation(deps, parseInput(OrganisationInputSchema, req.body), idempotency));
    if (result.kind === 'key-reused') throw keyReused();
    if (result.kind === 'exists') throw new HttpProblem(409, 'Already exists', `An organisation with id '${result.id}' already exists.`);
    if (result.kind === 'invalid') throw refusalProblem(result);
    res.status(201).location(`${req.baseUrl}/${encodeURIComponent(result.doc._id)}`);
    if (result.kind === 'replayed') res.setHeader('Idempotent-Replayed', 'true');
    res.json(organisationView(result.doc));
  });

  router.get('/', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const query = parseOrThrow(OrganisationQuerySchema, req.query, 'query string');
    const page = await findOrganisations(deps, query);
    res.json({ items: page.items.map(organisationView), nextCursor: page.nextCursor, limit: page.limit });
  });

  router.get('/:id', async (req, res) => {
    const principal = principalOf(req);
    const id = pathId(req, 'organisation');
    const doc = await readOrganisation(deps, principal, id);
    if (!doc) throw notFound(id);
    res.json(organisationView(doc));
  });

  router.put('/:id', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const id = pathId(req, 'organisation');
    const input = parseInput(OrganisationInputSchema, req.body);
    assertSameId(input, id);
    const result = await replaceOrganisation(deps, id, input);
    if (result.kind === 'invalid') throw refusalProblem(result);
    if (result.kind !== 'changed') throw changeProblem(id, result);
    res.json(organisationView(result.doc));
  });

  router.put('/:id/mail-preference', async (req, res) => {
    const principal = principalOf(req);
    const id = pathId(req, 'organisation');
    const denied = mailPreferenceAccess(principal, id);
    if (denied?.kind === 'not-found') throw notFound(id);
    if (denied) throw refusalProblem(denied);
    const input = parseInput(MailPreferenceInputSchema, req.body);
    const result = await chooseMailPreference(deps, id, input);
    if (result.kind === 'not-a-provider')
      throw new HttpProblem(400, 'Validation failed', 'Only a provider chooses how match mails arrive.', {
        errors: [{ path: 'mailPreference', message: `'${id}' is not a provider` }],
      });
    if (result.kind !== 'changed') throw changeProblem(id, result);
    res.json(organisationView(result.doc));
  });

  router.post('/:id/withdraw', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const id = pathId(req, 'organisation');
    parseInput(WithdrawInputSchema, req.body ?? {});
    const result = await withdrawOrganisation(deps, id);
    if (result.kind === 'already-withdrawn')
      throw new HttpProblem(409, 'Already withdrawn', `The organisation '${id}' was already withdrawn.`);
    if (result.kind !== 'changed') throw changeProblem(id, result);
    res.json(organisationView(result.doc));
  });

  // Erasure (issue #11): `?erase=true` says the caller means it; a plain DELETE would be ambiguous (withdraw is a POST).
  router.delete('/:id', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const id = pathId(req, 'organisation');
    const query = parseOrThrow(EraseQuerySchema, req.query, 'query');
    if (!query.erase)
      throw new HttpProblem(
        400,
        'Validation failed',
        'Deleting an organisation erases its people everywhere: add ?erase=true to confirm.',
        { errors: [{ path: 'erase', message: "must be 'true'" }] },
      );
    const result = await eraseOrganisation(deps, id);
    if (result.kind === 'not-found') throw notFound(id);
    if (result.kind === 'changed-meanwhile')
      throw new HttpProblem(409, 'Changed meanwhile', `The organisation '${id}' changed while it was being erased; erase it again.`);
    res.json(organisationView(result.doc));
  });

  return router;
}

const EraseQuerySchema = z
  .object({
    erase: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();
