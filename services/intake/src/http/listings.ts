import { type Response, Router } from 'express';
import type { z } from 'zod';
import { ListingQuerySchema, WithdrawInputSchema } from '@koppel/contracts';
import { HttpProblem, parseOrThrow, principalOf } from '@koppel/http';
import { kindAccess } from '../app/listings/access';
import { type CreateListingResult, createListing, earlierListing, type ListingState } from '../app/listings/create-listing';
import type { ListingDeps } from '../app/listings/kinds';
import { findListings, findVisibleListing } from '../app/listings/read-listings';
import { replaceListing, replaceRefusal } from '../app/listings/replace-listing';
import { withdrawListing } from '../app/listings/withdraw-listing';
import type { Principal } from '../app/principal';
import type { Listing } from '../store/models';
import { assertSameId, expectedRevision, idempotencyOf, parseInput, pathId } from './parse';
import { keyReused, refusalProblem } from './problems';

/** Public view of a stored listing: the listing and its lifecycle, never the outbox or index fields. */
export function listingView<T>(doc: ListingState<T>) {
  return {
    ...doc.data,
    status: doc.status,
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    withdrawnAt: doc.withdrawnAt,
    // Its organisation awaits a broker's approval: stored, published once approved (issue #13).
    ...(doc.held ? { awaitingApproval: true } : {}),
  };
}

/** `/offers` or `/requests`: create, list, read, replace (If-Match) and withdraw listings of one kind. */
export function listingRoutes<T extends Listing, I extends { id?: string }>(deps: ListingDeps<T, I>, inputSchema: z.ZodType<I>): Router {
  const router = Router();
  const { name } = deps.kind;
  const notFound = (id: string) => new HttpProblem(404, 'Not found', `No ${name} with id '${id}'.`);
  const mayTouch = (principal: Principal, write: boolean) => {
    const denied = kindAccess(principal, name, write);
    if (denied) throw refusalProblem(denied);
  };

  /** 201 with the listing made (now or by an earlier request with the same Idempotency-Key), or the problem. */
  const answerCreate = (res: Response, baseUrl: string, result: CreateListingResult<T>) => {
    if (result.kind === 'created' || result.kind === 'replayed') {
      res.status(201).location(`${baseUrl}/${encodeURIComponent(result.doc._id)}`);
      if (result.kind === 'replayed') res.setHeader('Idempotent-Replayed', 'true');
      res.json(listingView(result.doc));
      return;
    }
    if (result.kind === 'key-reused') throw keyReused();
    if (result.kind === 'exists') throw new HttpProblem(409, 'Already exists', `A ${name} with id '${result.id}' already exists.`);
    throw refusalProblem(result);
  };

  router.post('/', async (req, res) => {
    const principal = principalOf(req);
    mayTouch(principal, true);
    const idempotency = idempotencyOf(req, principal);
    // A retry is answered before its body is parsed: the first request's result, or a 409 for another body.
    const earlier = idempotency && (await earlierListing(deps, idempotency, req.body));
    if (earlier) return answerCreate(res, req.baseUrl, earlier);
    const input = parseInput(inputSchema, req.body);
    answerCreate(res, req.baseUrl, await createListing(deps, principal, input, idempotency));
  });

  router.get('/', async (req, res) => {
    const principal = principalOf(req);
    mayTouch(principal, false);
    const query = parseOrThrow(ListingQuerySchema, req.query, 'query string');
    const page = await findListings(deps, principal, query);
    if (page.kind === 'bad-cursor')
      throw new HttpProblem(400, 'Validation failed', 'The cursor is not valid for this sort.', {
        errors: [{ path: 'cursor', message: 'use nextCursor of the previous page, with the same sort' }],
      });
    res.json({ items: page.items.map(listingView), nextCursor: page.nextCursor, limit: page.limit });
  });

  router.get('/:id', async (req, res) => {
    const principal = principalOf(req);
    mayTouch(principal, false);
    const id = pathId(req, name);
    const doc = await findVisibleListing(deps, principal, id);
    if (!doc) throw notFound(id);
    res.setHeader('ETag', `"${doc.revision}"`);
    res.json(listingView(doc));
  });

  router.put('/:id', async (req, res) => {
    const principal = principalOf(req);
    mayTouch(principal, true);
    const id = pathId(req, name);
    const current = await findVisibleListing(deps, principal, id);
    if (!current) throw notFound(id);
    const refused = replaceRefusal(current, expectedRevision(req));
    if (refused?.kind === 'withdrawn')
      throw new HttpProblem(409, 'Withdrawn', `The ${name} '${id}' was withdrawn and can no longer change.`);
    if (refused?.kind === 'stale')
      throw new HttpProblem(
        412,
        'Precondition failed',
        `The ${name} is at revision ${refused.revision}, not ${refused.wanted}; read it again.`,
      );
    const input = parseInput(inputSchema, req.body);
    assertSameId(input, id);
    const result = await replaceListing(deps, principal, current, input);
    if (result.kind === 'changed-meanwhile')
      throw new HttpProblem(409, 'Changed meanwhile', `The ${name} '${id}' changed while this update was made; read it again.`);
    if (result.kind !== 'replaced') throw refusalProblem(result);
    res.setHeader('ETag', `"${result.doc.revision}"`);
    res.json(listingView(result.doc));
  });

  router.post('/:id/withdraw', async (req, res) => {
    const principal = principalOf(req);
    mayTouch(principal, true);
    const id = pathId(req, name);
    const body = parseInput(WithdrawInputSchema, req.body ?? {});
    const result = await withdrawListing(deps, principal, id, body.reason);
    if (result.kind === 'not-found') throw notFound(id);
    if (result.kind === 'already-withdrawn') throw new HttpProblem(409, 'Already withdrawn', `The ${name} '${id}' was already withdrawn.`);
    res.json(listingView(result.doc));
  });

  return router;
}
