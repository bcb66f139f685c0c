import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { Model } from 'mongoose';
import {
  createEnvelope,
  MailPreferenceInputSchema,
  OrganisationInputSchema,
  OrganisationQuerySchema,
  roleOfType,
  TOPICS,
  WithdrawInputSchema,
  type Organisation,
  type OrganisationInput,
} from '@koppel/contracts';
import { HttpProblem, parseOrThrow } from '@koppel/http';
import { appendToOutbox, initialOutbox, outboxEntry, type OutboxEntry } from '@koppel/messaging';
import { principalOf, requireRole, type Principal } from '../auth/authenticate';
import { eraseOrganisation, type ErasureDeps } from '../erasure/erase-organisation';
import { placeFromInput } from '../places/resolve-place';
import type { ActiveOrganisations } from '../store/active-organisations';
import { assertSameBody, findByIdempotency, idempotencyOf, idFromIdempotency } from '../store/idempotency';
import type { StoredOrganisation } from '../store/models';
import { parseInput, pathId, type ListingHooks } from './listings';

/** Public view: the organisation and its lifecycle, never sign-in links or the outbox. */
export function organisationView(doc: StoredOrganisation) {
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

function organisationFromInput(input: OrganisationInput, id: string): Organisation {
  let place: Organisation['place'];
  if (input.place) {
    const resolved = placeFromInput(input.place, 'place');
    if ('errors' in resolved)
      throw new HttpProblem(400, 'Validation failed', `The request body has ${resolved.errors.length} invalid field(s).`, {
        errors: resolved.errors,
      });
    place = resolved.place;
  }
  return {
    id,
    type: input.type,
    role: roleOfType(input.type),
    name: input.name,
    contacts: input.contacts,
    ...(place ? { place } : {}),
    ...(input.regions ? { regions: input.regions } : {}),
    ...(input.mailPreference ? { mailPreference: input.mailPreference } : {}),
  };
}

function changedEvent(type: 'organisation.created' | 'organisation.updated', organisation: Organisation, revision: number): OutboxEntry {
  return outboxEntry(TOPICS.organisations, createEnvelope({ type, key: organisation.id, payload: { organisation, revision } }));
}

const contactEmailsOf = (o: Organisation) => [...new Set(o.contacts.map((c) => c.email.toLowerCase()))];

/**
 * Organisations are managed by admins; an organisation's own token may read it,
 * and a provider chooses its own mail preference. Each change publishes its
 * event (created, updated, withdrawn) through the document's outbox; the
 * notifier reads providers' mail preferences from them.
 */
export function organisationRoutes(
  model: Model<StoredOrganisation>,
  active: ActiveOrganisations,
  hooks: ListingHooks,
  listings: Pick<ErasureDeps, 'offers' | 'requests'>,
): Router {
  const router = Router();
  const m = model as unknown as Model<any>;
  const notFound = (id: string) => new HttpProblem(404, 'Not found', `No organisation with id '${id}'.`);

  const canRead = (principal: Principal, id: string) => principal.role === 'admin' || principal.org === id;

  /**
   * Changes an active organisation and appends its event in one conditional
   * write. The condition on the revision read makes the event's revision the
   * stored one even when two admins save at once (the loser reads again).
   */
  const changeActive = async (
    id: string,
    change: (current: Organisation, revision: number) => { data?: Organisation; set?: Record<string, unknown>; event: OutboxEntry },
  ): Promise<StoredOrganisation> => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = (await m.findById(id).lean()) as StoredOrganisation | null;
      if (!current) throw notFound(id);
      if (current.status !== 'active') throw new HttpProblem(409, 'Withdrawn', `The organisation '${id}' was withdrawn.`);
      const next = change(current.data, current.revision + 1);
      const outbox = appendToOutbox([next.event]);
      const data = next.data ? { data: next.data, contactEmails: contactEmailsOf(next.data) } : {};
      const updated = (await m
        .findOneAndUpdate(
          { _id: id, status: 'active', revision: current.revision },
          { $set: { ...outbox.$set, ...data, ...next.set, revision: current.revision + 1, updatedAt: new Date() }, $inc: outbox.$inc },
          { returnDocument: 'after' },
        )
        .lean()) as StoredOrganisation | null;
      if (updated) {
        active.forget(id);
        hooks.publishSoon(m.modelName, id);
        return updated;
      }
    }
    throw new HttpProblem(409, 'Changed concurrently', `The organisation '${id}' kept changing; try again.`);
  };

  router.post('/', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const idempotency = idempotencyOf(req, principal);
    const replay = (existing: StoredOrganisation | null) => {
      if (!existing) return false;
      assertSameBody(existing.idempotency, idempotency!);
      res
        .status(201)
        .location(`${req.baseUrl}/${encodeURIComponent(existing._id)}`)
        .setHeader('Idempotent-Replayed', 'true');
      res.json(organisationView(existing));
      return true;
    };
    if (idempotency && replay(await findByIdempotency(m, idempotency, req.body))) return;
    const input = parseInput(OrganisationInputSchema, req.body);
    const id = input.id ?? (idempotency ? idFromIdempotency('org', idempotency) : `org-${randomUUID()}`);
    const organisation = organisationFromInput(input, id);
    const now = new Date();
    try {
      await m.create({
        _id: id,
        data: organisation,
        status: 'active',
        revision: 1,
        createdAt: now,
        updatedAt: now,
        contactEmails: contactEmailsOf(organisation),
        signInLinks: [],
        signInRevision: 0,
        ...(idempotency ? { idempotency } : {}),
        ...initialOutbox([changedEvent('organisation.created', organisation, 1)]),
      });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const existing = (await m.findById(id).lean()) as StoredOrganisation | null;
      if (
        idempotency &&
        existing?.idempotency?.key === idempotency.key &&
        existing.idempotency.scope === idempotency.scope &&
        replay(existing)
      )
        return;
      throw new HttpProblem(409, 'Already exists', `An organisation with id '${id}' already exists.`);
    }
    hooks.publishSoon(m.modelName, id);
    res
      .status(201)
      .location(`${req.baseUrl}/${encodeURIComponent(id)}`)
      .json({ ...organisation, status: 'active', revision: 1, createdAt: now, updatedAt: now });
  });

  router.get('/', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const query = parseOrThrow(OrganisationQuerySchema, req.query, 'query string');
    const filter: Record<string, unknown> = {};
    if (query.role) filter['data.role'] = query.role;
    if (query.cursor) filter._id = { $gt: Buffer.from(query.cursor, 'base64url').toString('utf8') };
    const docs = (await m
      .find(filter)
      .sort({ _id: 1 })
      .limit(query.limit + 1)
      .lean()) as StoredOrganisation[];
    const page = docs.slice(0, query.limit);
    const last = page[page.length - 1];
    res.json({
      items: page.map(organisationView),
      nextCursor: docs.length > query.limit && last ? Buffer.from(last._id).toString('base64url') : null,
      limit: query.limit,
    });
  });

  router.get('/:id', async (req, res) => {
    const principal = principalOf(req);
    const id = pathId(req, 'organisation');
    if (!canRead(principal, id)) throw notFound(id);
    const doc = (await m.findById(id).lean()) as StoredOrganisation | null;
    if (!doc) throw notFound(id);
    res.json(organisationView(doc));
  });

  router.put('/:id', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const id = pathId(req, 'organisation');
    const input = parseInput(OrganisationInputSchema, req.body);
    if (input.id !== undefined && input.id !== id)
      throw new HttpProblem(400, 'Validation failed', 'The body names another id.', {
        errors: [{ path: 'id', message: `must be '${id}' or absent` }],
      });
    const organisation = organisationFromInput(input, id);
    const doc = await changeActive(id, (_current, revision) => ({
      data: organisation,
      event: changedEvent('organisation.updated', organisation, revision),
    }));
    res.json(organisationView(doc));
  });

  router.put('/:id/mail-preference', async (req, res) => {
    const principal = principalOf(req);
    const id = pathId(req, 'organisation');
    if (principal.role !== 'admin' && !(principal.role === 'provider' && principal.org === id)) {
      if (canRead(principal, id)) throw new HttpProblem(403, 'Forbidden', 'Only a provider chooses how match mails arrive.');
      throw notFound(id);
    }
    const input = parseInput(MailPreferenceInputSchema, req.body);
    const doc = await changeActive(id, (current, revision) => {
      if (current.role !== 'provider') {
        throw new HttpProblem(400, 'Validation failed', 'Only a provider chooses how match mails arrive.', {
          errors: [{ path: 'mailPreference', message: `'${id}' is not a provider` }],
        });
      }
      const data = { ...current, mailPreference: input.mailPreference };
      return { data, event: changedEvent('organisation.updated', data, revision) };
    });
    res.json(organisationView(doc));
  });

  router.post('/:id/withdraw', async (req, res) => {
    const principal = principalOf(req);
    requireRole(principal, 'admin');
    const id = pathId(req, 'organisation');
    parseInput(WithdrawInputSchema, req.body ?? {});
    const existing = (await m.findById(id).lean()) as StoredOrganisation | null;
    if (existing && existing.status !== 'active')
      throw new HttpProblem(409, 'Already withdrawn', `The organisation '${id}' was already withdrawn.`);
    const now = new Date();
    const doc = await changeActive(id, (_current, revision) => ({
      set: { status: 'withdrawn', withdrawnAt: now, signInLinks: [] },
      event: outboxEntry(
        TOPICS.organisations,
        createEnvelope({ type: 'organisation.withdrawn', key: id, payload: { organisationId: id, revision } }),
      ),
    }));
    res.json(organisationView(doc));
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
    const doc = await eraseOrganisation({ organisations: model, ...listings, hooks }, id);
    active.forget(id);
    res.json(organisationView(doc));
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
