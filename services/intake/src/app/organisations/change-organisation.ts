import { createEnvelope, type MailPreferenceInput, type Organisation, type OrganisationInput, TOPICS } from '@koppel/contracts';
import { type OutboxEntry, outboxEntry } from '@koppel/messaging';
import type { StoredOrganisation } from '../../store/models';
import type { OrganisationChange } from '../../store/organisation-store';
import type { Principal } from '../principal';
import { type Forbidden, forbidden, type Invalid } from '../results';
import { changedEvent, type OrganisationDeps } from './deps';
import { organisationFromInput, umbrellaProblems } from './from-input';
import { canRead } from './read-organisations';

/** Why an active organisation could not be changed: none, withdrawn, or it kept changing under five attempts. */
export type ChangeRefusal = { kind: 'not-found' } | { kind: 'withdrawn' } | { kind: 'kept-changing' };

export type ChangeResult<Refusal = never> = { kind: 'changed'; doc: StoredOrganisation } | ChangeRefusal | Refusal;

/** A change to make of the current organisation at the revision it makes, with its event; or why it cannot be made. */
type Change<Refusal> = (current: Organisation, revision: number) => { change: OrganisationChange; event: OutboxEntry } | Refusal;

/**
 * Changes an active organisation and stores its event in one conditional write.
 * The condition on the revision read makes the event's revision the stored one even
 * when two admins save at once (the loser reads again, up to five times).
 */
async function changeActive<Refusal extends { kind: string } = never>(
  deps: OrganisationDeps,
  id: string,
  change: Change<Refusal>,
): Promise<ChangeResult<Refusal>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.store.findById(id);
    if (!current) return { kind: 'not-found' };
    if (current.status !== 'active') return { kind: 'withdrawn' };
    const next = change(current.data, current.revision + 1);
    if (!('change' in next)) return next;
    const written = await deps.store.changeIfRevision(id, current.revision, next.change, [next.event]);
    if (written) {
      deps.active.forget(id);
      deps.publication.publishSoon(written.events);
      return { kind: 'changed', doc: written.doc };
    }
  }
  return { kind: 'kept-changing' };
}

/** Replaces an organisation (an admin's act) with the parsed input; publishes `organisation.updated`. */
export async function replaceOrganisation(deps: OrganisationDeps, id: string, input: OrganisationInput): Promise<ChangeResult | Invalid> {
  const built = organisationFromInput(input, id);
  if (built.kind !== 'built') return built;
  const { organisation } = built;
  const umbrellas = await umbrellaProblems(organisation, (umbrellaId) => deps.store.findById(umbrellaId));
  if (umbrellas) return umbrellas;
  return changeActive<never>(deps, id, (_current, revision) => ({
    change: { data: organisation },
    event: changedEvent('organisation.updated', organisation, revision),
  }));
}

/**
 * Who may choose an organisation's mail preference: an admin, or the provider itself.
 * Refused: forbidden for another role's own organisation, 'not-found' for anyone else's
 * (which it may not even see). Undefined when allowed.
 */
export function mailPreferenceAccess(principal: Principal, id: string): Forbidden | { kind: 'not-found' } | undefined {
  if (principal.role === 'admin' || (principal.role === 'provider' && principal.org === id)) return undefined;
  return canRead(principal, id) ? forbidden('Only a provider chooses how match mails arrive.') : { kind: 'not-found' };
}

/** A provider's choice of match mails (one each, or a daily digest); publishes `organisation.updated`. */
export function chooseMailPreference(
  deps: OrganisationDeps,
  id: string,
  input: MailPreferenceInput,
): Promise<ChangeResult<{ kind: 'not-a-provider' }>> {
  return changeActive<{ kind: 'not-a-provider' }>(deps, id, (current, revision) => {
    if (current.role !== 'provider') return { kind: 'not-a-provider' };
    const data = { ...current, mailPreference: input.mailPreference };
    return { change: { data }, event: changedEvent('organisation.updated', data, revision) };
  });
}

/** Withdraws an organisation (an admin's act): its sign-in links go, its tokens stop working; publishes `organisation.withdrawn`. */
export async function withdrawOrganisation(deps: OrganisationDeps, id: string): Promise<ChangeResult<{ kind: 'already-withdrawn' }>> {
  const existing = await deps.store.findById(id);
  if (existing && existing.status !== 'active') return { kind: 'already-withdrawn' };
  const now = new Date();
  return changeActive<never>(deps, id, (_current, revision) => ({
    change: { withdrawnAt: now },
    event: outboxEntry(
      TOPICS.organisations,
      createEnvelope({ type: 'organisation.withdrawn', key: id, payload: { organisationId: id, revision } }),
    ),
  }));
}
