import { Router, type Request as HttpRequest } from 'express';
import type { Model } from 'mongoose';
import type { z } from 'zod';
import {
  createEnvelope,
  ListingQuerySchema,
  OfferInputSchema,
  RequestInputSchema,
  TOPICS,
  WithdrawInputSchema,
  type EventType,
  type Offer,
  type Organisation,
  type Request,
  type TopicName,
} from '@koppel/contracts';
import { postcodeNumberOf } from '@koppel/auth';
import { placeKey } from '@koppel/gazetteer';
import { HttpProblem, parseOrThrow } from '@koppel/http';
import { appendToOutbox, initialOutbox, outboxEntry, pendingIn, type PendingEvent } from '@koppel/messaging';
import { principalOf, type Principal } from '../auth/authenticate';
import { assertKindAccess, canSee, visibilityFilter, type ListingName } from '../auth/listing-access';
import { unknownFieldErrors } from '../http/input-guard';
import { offerFromInput, requestFromInput } from '../places/resolve-listing';
import { assertSameBody, findByIdempotency, idempotencyOf, idFromIdempotency } from '../store/idempotency';
import type { ActiveOrganisations } from '../store/active-organisations';
import type { ListingIndexFields, StoredListing } from '../store/models';
import { cursorFilter, encodeCursor, sortOf } from './cursor';

/** What differs between offers and requests; the routes are otherwise the same. */
export interface ListingKind<T extends { id: string }, I> {
  name: ListingName;
  idPrefix: string;
  topic: TopicName;
  inputSchema: z.ZodType<I>;
  fromInput: (input: I, principal: Principal, organisation: Organisation | undefined, id?: string) => T;
  /** The organisation an admin's or broker's body names (the provider or the school), if any. */
  partyIdOf: (input: I) => string | undefined;
  indexFieldsOf: (entity: T) => ListingIndexFields;
  payloadOf: (entity: T) => Record<string, unknown>;
}

export const offerKind: ListingKind<Offer, z.infer<typeof OfferInputSchema>> = {
  name: 'offer',
  idPrefix: 'off',
  topic: TOPICS.offers,
  inputSchema: OfferInputSchema,
  fromInput: offerFromInput,
  partyIdOf: (input) => input.provider?.id,
  indexFieldsOf: (o) => ({
    ownerId: o.provider.id,
    country: o.location.country,
    postcodeNumber: postcodeNumberOf(o.location.postcode),
    municipalityKey: placeKey(o.location.municipality),
    ageMin: o.audience.ageMin,
    ageMax: o.audience.ageMax,
    disciplines: o.disciplines,
  }),
  payloadOf: (offer) => ({ offer }),
};

export const requestKind: ListingKind<Request, z.infer<typeof RequestInputSchema>> = {
  name: 'request',
  idPrefix: 'req',
  topic: TOPICS.requests,
  inputSchema: RequestInputSchema,
  fromInput: requestFromInput,
  partyIdOf: (input) => input.school?.id,
  indexFieldsOf: (r) => ({
    ownerId: r.school.id,
    country: r.school.country,
    postcodeNumber: postcodeNumberOf(r.school.postcode),
    municipalityKey: placeKey(r.school.municipality),
    ageMin: r.pupils.ageMin,
    ageMax: r.pupils.ageMax,
    disciplines: r.disciplines,
  }),
  payloadOf: (request) => ({ request }),
};

export interface ListingHooks {
  /** Called after the write is durable and before the event is published (fault injection lives here). */
  afterWrite: () => void;
  /** Asks the outbox relay to publish this document's events now; `handed`: the events the write stored (`pendingIn`). */
  publishSoon: (modelName: string, id: string, handed?: Record<string, PendingEvent>) => void;
}

/** Public view of a stored listing: the entity and its lifecycle, never the outbox or index fields. */
export function listingView<T>(doc: StoredListing<T>) {
  return {
    ...doc.data,
    status: doc.status,
    revision: doc.revision,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    withdrawnAt: doc.withdrawnAt,
  };
}

/** Parses a body with the input schema and rejects unknown fields at any depth. */
export function parseInput<I>(schema: z.ZodType<I>, body: unknown): I {
  const input = parseOrThrow(schema, body);
  const unknown = unknownFieldErrors(body, input);
  if (unknown.length)
    throw new HttpProblem(400, 'Validation failed', `The request body has ${unknown.length} invalid field(s).`, { errors: unknown });
  return input;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
/** A path id that cannot exist is a 404 without asking the database. */
export function pathId(req: HttpRequest, what: string): string {
  const id = String(req.params.id);
  if (!ID.test(id)) throw new HttpProblem(404, 'Not found', `No ${what} with id '${id.slice(0, 100)}'.`);
  return id;
}

/** `If-Match: "3"` (or 3): the revision the client last saw. */
function expectedRevision(req: HttpRequest): number | undefined {
  const header = req.get('if-match');
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new HttpProblem(400, 'Invalid If-Match', 'If-Match must be the revision, e.g. "3".');
  return Number(match[1]);
}

export function listingRoutes<T extends { id: string }, I>(
  kind: ListingKind<T, I>,
  typedModel: Model<StoredListing<T>>,
  organisations: ActiveOrganisations,
  hooks: ListingHooks,
): Router {
  const router = Router();
  // mongoose's filter types do not resolve over a generic document type; the shapes are checked by StoredListing.
  const model = typedModel as unknown as Model<any>;
  const eventType = (change: 'created' | 'updated' | 'withdrawn') => `${kind.name}.${change}` as EventType;
  const notFound = (id: string) => new HttpProblem(404, 'Not found', `No ${kind.name} with id '${id}'.`);

  /** A provider's or requester's own organisation; for an admin or broker, the organisation the body names, when it is one. */
  const organisationOf = async (principal: Principal, input: I): Promise<Organisation | undefined> => {
    if (principal.role === 'provider' || principal.role === 'requester')
      return principal.org ? organisations.get(principal.org) : undefined;
    const partyId = kind.partyIdOf(input);
    return partyId ? organisations.get(partyId) : undefined;
  };

  /** Loads a listing the principal may see, or 404 (another's listing is indistinguishable from none). */
  const visible = async (principal: Principal, id: string): Promise<StoredListing<T>> => {
    const doc = (await model.findById(id).lean()) as StoredListing<T> | null;
    if (!doc || !canSee(principal, doc)) throw notFound(id);
    return doc;
  };

  router.post('/', async (req, res) => {
    const principal = principalOf(req);
    assertKindAccess(principal, kind.name, true);
    const idempotency = idempotencyOf(req, principal);
    const replay = async (existing: StoredListing<T> | null) => {
      if (!existing) return false;
      assertSameBody(existing.idempotency, idempotency!);
      res
        .status(201)
        .location(`${req.baseUrl}/${encodeURIComponent(existing._id)}`)
        .setHeader('Idempotent-Replayed', 'true');
      res.json(listingView(existing));
      return true;
    };
    if (idempotency && (await replay(await findByIdempotency(model, idempotency, req.body)))) return;

    const input = parseInput(kind.inputSchema, req.body);
    const organisation = await organisationOf(principal, input);
    const entity = kind.fromInput(
      input,
      principal,
      organisation,
      (input as { id?: string }).id ?? (idempotency ? idFromIdempotency(kind.idPrefix, idempotency) : undefined),
    );
    const now = new Date();
    const event = createEnvelope({ type: eventType('created'), key: entity.id, payload: kind.payloadOf(entity) });
    const outbox = initialOutbox([outboxEntry(kind.topic, event)]);
    try {
      await model.create({
        _id: entity.id,
        data: entity,
        status: 'active',
        revision: 1,
        createdAt: now,
        updatedAt: now,
        ...kind.indexFieldsOf(entity),
        ...(idempotency ? { idempotency } : {}),
        ...outbox,
      });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      // A concurrent retry with the same key won the insert: answer with its result.
      const existing = (await model.findById(entity.id).lean()) as StoredListing<T> | null;
      if (
        idempotency &&
        existing?.idempotency?.scope === idempotency.scope &&
        existing.idempotency.key === idempotency.key &&
        (await replay(existing))
      )
        return;
      throw new HttpProblem(409, 'Already exists', `A ${kind.name} with id '${entity.id}' already exists.`);
    }
    hooks.afterWrite();
    hooks.publishSoon(model.modelName, entity.id, pendingIn(outbox));
    res
      .status(201)
      .location(`${req.baseUrl}/${encodeURIComponent(entity.id)}`)
      .json({ ...entity, status: 'active', revision: 1, createdAt: now, updatedAt: now });
  });

  router.get('/', async (req, res) => {
    const principal = principalOf(req);
    assertKindAccess(principal, kind.name, false);
    const query = parseOrThrow(ListingQuerySchema, req.query, 'query string');
    const conditions: Record<string, unknown>[] = [visibilityFilter(principal)];
    if (query.status) conditions.push({ status: query.status });
    if (query.discipline) conditions.push({ disciplines: query.discipline });
    if (query.municipality) conditions.push({ municipalityKey: placeKey(query.municipality) });
    if (query.age !== undefined) conditions.push({ ageMin: { $lte: query.age } }, { ageMax: { $gte: query.age } });
    if (query.cursor) conditions.push(cursorFilter(query.cursor, query.sort));
    const sort = sortOf(query.sort);
    const docs = (await model
      .find({ $and: conditions })
      .sort(sort)
      .limit(query.limit + 1)
      .lean()) as StoredListing<T>[];
    const page = docs.slice(0, query.limit);
    const last = page[page.length - 1];
    res.json({
      items: page.map(listingView),
      nextCursor: docs.length > query.limit && last ? encodeCursor(query.sort, last) : null,
      limit: query.limit,
    });
  });

  router.get('/:id', async (req, res) => {
    const principal = principalOf(req);
    assertKindAccess(principal, kind.name, false);
    const doc = await visible(principal, pathId(req, kind.name));
    res.setHeader('ETag', `"${doc.revision}"`);
    res.json(listingView(doc));
  });

  router.put('/:id', async (req, res) => {
    const principal = principalOf(req);
    assertKindAccess(principal, kind.name, true);
    const id = pathId(req, kind.name);
    const current = await visible(principal, id);
    const wanted = expectedRevision(req);
    if (current.status === 'withdrawn')
      throw new HttpProblem(409, 'Withdrawn', `The ${kind.name} '${id}' was withdrawn and can no longer change.`);
    if (wanted !== undefined && wanted !== current.revision) {
      throw new HttpProblem(
        412,
        'Precondition failed',
        `The ${kind.name} is at revision ${current.revision}, not ${wanted}; read it again.`,
      );
    }
    const input = parseInput(kind.inputSchema, req.body);
    if ((input as { id?: string }).id !== undefined && (input as { id?: string }).id !== id) {
      throw new HttpProblem(400, 'Validation failed', 'The body names another id.', {
        errors: [{ path: 'id', message: `must be '${id}' or absent` }],
      });
    }
    const entity = kind.fromInput(input, principal, await organisationOf(principal, input), id);
    const event = createEnvelope({ type: eventType('updated'), key: id, payload: kind.payloadOf(entity) });
    const outbox = appendToOutbox([outboxEntry(kind.topic, event)]);
    const now = new Date();
    // Compare-and-set on the revision: a concurrent change in between makes this a 409, never a lost update.
    const doc = (await model
      .findOneAndUpdate(
        { _id: id, status: 'active', revision: current.revision },
        {
          ...outbox,
          $set: { ...outbox.$set, data: entity, ...kind.indexFieldsOf(entity), updatedAt: now },
          $inc: { ...outbox.$inc, revision: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean()) as StoredListing<T> | null;
    if (!doc)
      throw new HttpProblem(409, 'Changed meanwhile', `The ${kind.name} '${id}' changed while this update was made; read it again.`);
    hooks.afterWrite();
    hooks.publishSoon(model.modelName, id, pendingIn(outbox));
    res.setHeader('ETag', `"${doc.revision}"`);
    res.json(listingView(doc));
  });

  router.post('/:id/withdraw', async (req, res) => {
    const principal = principalOf(req);
    assertKindAccess(principal, kind.name, true);
    const id = pathId(req, kind.name);
    const body = parseInput(WithdrawInputSchema, req.body ?? {});
    await visible(principal, id);
    const event = createEnvelope({ type: eventType('withdrawn'), key: id, payload: { [`${kind.name}Id`]: id, reason: body.reason } });
    const outbox = appendToOutbox([outboxEntry(kind.topic, event)]);
    const now = new Date();
    // Only an active listing can be withdrawn, and only once: the filter makes it atomic.
    const doc = (await model
      .findOneAndUpdate(
        { _id: id, status: 'active' },
        {
          ...outbox,
          $set: { ...outbox.$set, status: 'withdrawn', withdrawnAt: now, updatedAt: now },
          $inc: { ...outbox.$inc, revision: 1 },
        },
        { returnDocument: 'after' },
      )
      .lean()) as StoredListing<T> | null;
    if (!doc) throw new HttpProblem(409, 'Already withdrawn', `The ${kind.name} '${id}' was already withdrawn.`);
    hooks.afterWrite();
    hooks.publishSoon(model.modelName, id, pendingIn(outbox));
    res.json(listingView(doc));
  });

  return router;
}
