import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Model } from 'mongoose';
import { z } from 'zod';
import { createEnvelope, OfferSchema, RequestSchema, TOPICS, type EventType, type TopicName } from '@koppel/contracts';
import { HttpProblem, parseOrThrow } from '@koppel/http';
import { appendToOutbox, initialOutbox, outboxEntry } from '@koppel/messaging';
import type { StoredListing } from '../store/models';

/** What differs between offers and requests; the routes are otherwise the same. */
interface ListingKind<T extends { id: string }> {
  name: 'offer' | 'request';
  idPrefix: string;
  topic: TopicName;
  /** Body schema for create: the contract entity, `id` optional, unknown top-level fields rejected. */
  createSchema: z.ZodType<Omit<T, 'id'> & { id?: string }>;
  payloadOf: (entity: T) => Record<string, unknown>;
}

export const offerKind: ListingKind<z.infer<typeof OfferSchema>> = {
  name: 'offer',
  idPrefix: 'off',
  topic: TOPICS.offers,
  createSchema: OfferSchema.extend({ id: OfferSchema.shape.id.optional() }).strict(),
  payloadOf: (offer) => ({ offer }),
};

export const requestKind: ListingKind<z.infer<typeof RequestSchema>> = {
  name: 'request',
  idPrefix: 'req',
  topic: TOPICS.requests,
  createSchema: RequestSchema.extend({ id: RequestSchema.shape.id.optional() }).strict(),
  payloadOf: (request) => ({ request }),
};

const ListQuerySchema = z
  .object({
    status: z.enum(['active', 'withdrawn']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const WithdrawSchema = z.object({ reason: z.string().max(500).optional() }).strict();

export interface ListingHooks {
  /** Called after the write is durable and before the event is published (fault injection lives here). */
  afterWrite: () => void;
  /** Asks the outbox relay to publish now rather than at its next tick. */
  publishSoon: () => void;
}

/** Public view of a stored listing: the entity and its lifecycle, never the outbox. */
export function listingView<T>(doc: StoredListing<T>) {
  return { ...doc.data, status: doc.status, revision: doc.revision, createdAt: doc.createdAt, updatedAt: doc.updatedAt, withdrawnAt: doc.withdrawnAt };
}

export function listingRoutes<T extends { id: string }>(kind: ListingKind<T>, typedModel: Model<StoredListing<T>>, hooks: ListingHooks): Router {
  const router = Router();
  // mongoose's filter types do not resolve over a generic document type; the shapes are checked by StoredListing.
  const model = typedModel as unknown as Model<any>;
  const eventType = (change: 'created' | 'updated' | 'withdrawn') => `${kind.name}.${change}` as EventType;

  router.post('/', async (req, res) => {
    const body = parseOrThrow(kind.createSchema, req.body);
    const entity = { ...body, id: body.id ?? `${kind.idPrefix}-${randomUUID()}` } as T;
    const now = new Date();
    const event = createEnvelope({ type: eventType('created'), key: entity.id, payload: kind.payloadOf(entity) });
    try {
      await model.create({ _id: entity.id, data: entity, status: 'active', revision: 1, createdAt: now, updatedAt: now, ...initialOutbox([outboxEntry(kind.topic, event)]) });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) throw new HttpProblem(409, 'Already exists', `A ${kind.name} with id '${entity.id}' already exists.`);
      throw error;
    }
    hooks.afterWrite();
    hooks.publishSoon();
    res.status(201).location(`${req.baseUrl}/${encodeURIComponent(entity.id)}`).json({ ...entity, status: 'active', revision: 1 });
  });

  router.get('/', async (req, res) => {
    const query = parseOrThrow(ListQuerySchema, req.query, 'query string');
    const filter = query.status ? { status: query.status } : {};
    const [items, total] = await Promise.all([
      model.find(filter).sort({ updatedAt: -1, _id: 1 }).skip(query.offset).limit(query.limit).lean(),
      model.countDocuments(filter),
    ]);
    res.json({ items: items.map((d) => listingView(d as StoredListing<T>)), total, limit: query.limit, offset: query.offset });
  });

  router.get('/:id', async (req, res) => {
    const doc = await model.findById(req.params.id).lean();
    if (!doc) throw new HttpProblem(404, 'Not found', `No ${kind.name} with id '${req.params.id}'.`);
    res.json(listingView(doc as StoredListing<T>));
  });

  router.post('/:id/withdraw', async (req, res) => {
    const body = parseOrThrow(WithdrawSchema, req.body ?? {});
    const id = req.params.id;
    const event = createEnvelope({ type: eventType('withdrawn'), key: id, payload: { [`${kind.name}Id`]: id, reason: body.reason } });
    const outbox = appendToOutbox([outboxEntry(kind.topic, event)]);
    const now = new Date();
    // Only an active listing can be withdrawn, and only once: the filter makes it atomic.
    const doc = await model
      .findOneAndUpdate(
        { _id: id, status: 'active' },
        { ...outbox, $set: { ...outbox.$set, status: 'withdrawn', withdrawnAt: now, updatedAt: now }, $inc: { ...outbox.$inc, revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    if (!doc) {
      const exists = await model.exists({ _id: id });
      if (!exists) throw new HttpProblem(404, 'Not found', `No ${kind.name} with id '${id}'.`);
      throw new HttpProblem(409, 'Already withdrawn', `The ${kind.name} '${id}' was already withdrawn.`);
    }
    hooks.afterWrite();
    hooks.publishSoon();
    res.json(listingView(doc as StoredListing<T>));
  });

  return router;
}
