import { randomUUID } from 'node:crypto';
import type { OrganisationInput } from '@koppel/contracts';
import type { IdempotencyRecord, StoredOrganisation } from '../../store/models';
import { createdWithKey, findsEarlierByKey, idFromIdempotency, type Replay, replayOf } from '../idempotency';
import type { Invalid } from '../results';
import { changedEvent, type OrganisationDeps } from './deps';
import { organisationFromInput, umbrellaProblems } from './from-input';

/** What a client sees of a stored organisation: the organisation and its lifecycle. */
export type OrganisationState = Pick<
  StoredOrganisation,
  '_id' | 'data' | 'status' | 'revision' | 'createdAt' | 'updatedAt' | 'withdrawnAt' | 'erasedAt'
>;

export type CreateOrganisationResult =
  | { kind: 'created'; doc: OrganisationState }
  | Replay<StoredOrganisation>
  | { kind: 'exists'; id: string }
  | Invalid;

/** What an earlier create with the same Idempotency-Key made, when only its key can find it (the body names its id); undefined: none. */
export async function earlierOrganisation(
  deps: OrganisationDeps,
  idempotency: IdempotencyRecord,
  body: unknown,
): Promise<Replay<StoredOrganisation> | undefined> {
  if (!findsEarlierByKey(body)) return undefined;
  const existing = await deps.store.findByIdempotency(idempotency);
  return existing ? replayOf(existing, idempotency) : undefined;
}

/** Creates an organisation (an admin's act) and stores its `organisation.created` event with it. */
export async function createOrganisation(
  deps: OrganisationDeps,
  input: OrganisationInput,
  idempotency: IdempotencyRecord | undefined,
): Promise<CreateOrganisationResult> {
  const id = input.id ?? (idempotency ? idFromIdempotency('org', idempotency) : `org-${randomUUID()}`);
  const built = organisationFromInput(input, id);
  if (built.kind !== 'built') return built;
  const { organisation } = built;
  const umbrellas = await umbrellaProblems(organisation, (umbrellaId) => deps.store.findById(umbrellaId));
  if (umbrellas) return umbrellas;
  const now = new Date();
  const inserted = await deps.store.insertWithOutbox(organisation, now, idempotency, [
    changedEvent('organisation.created', organisation, 1),
  ]);
  if (inserted.kind === 'duplicate') {
    const existing = await deps.store.findById(id);
    if (idempotency && existing && createdWithKey(existing, idempotency)) return replayOf(existing, idempotency);
    return { kind: 'exists', id };
  }
  deps.publication.publishSoon(inserted.events);
  return { kind: 'created', doc: { _id: id, data: organisation, status: 'active', revision: 1, createdAt: now, updatedAt: now } };
}
