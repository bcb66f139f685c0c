import { sha256Hex } from '@koppel/auth';
import { createEnvelope, type SignUpConfirmedPayload, TOPICS } from '@koppel/contracts';
import { outboxEntry } from '@koppel/messaging';
import type { StoredOrganisation } from '../../store/models';
import type { SignUpDeps } from './deps';

export type ConfirmSignUpResult =
  /** Confirmed now, or before (opening the link twice changes nothing): where it stands. */
  | { kind: 'confirmed'; organisationId: string; status: StoredOrganisation['status'] }
  /** No sign-up has this link, or it expired before it was used. */
  | { kind: 'refused' };

/** The brokers' view of a confirmed sign-up: what it is and where, and what it may duplicate; no contact. */
function confirmedPayload(doc: StoredOrganisation, now: Date): SignUpConfirmedPayload {
  const { data } = doc;
  return {
    organisationId: doc._id,
    type: data.type,
    name: data.name,
    place: data.place!,
    ...(data.schoolLevels ? { schoolLevels: data.schoolLevels } : {}),
    ...(data.memberOf ? { memberOf: data.memberOf } : {}),
    duplicates: doc.signUp?.duplicates ?? [],
    confirmedAt: now.toISOString(),
  };
}

/**
 * The contact opened the sign-up's link (issue #13): the address is confirmed, and the
 * sign-up goes to the brokers of its region as `signup.confirmed` (one conditional write
 * with its event). An expired link confirms nothing.
 */
export async function confirmSignUp(deps: SignUpDeps, token: string): Promise<ConfirmSignUpResult> {
  const doc = await deps.store.findBySignUpHash(sha256Hex(token));
  if (!doc?.signUp) return { kind: 'refused' };
  if (doc.status !== 'unconfirmed') return { kind: 'confirmed', organisationId: doc._id, status: doc.status };
  const now = new Date();
  if (new Date(doc.signUp.expiresAt) <= now) return { kind: 'refused' };
  const event = outboxEntry(
    TOPICS.signUps,
    createEnvelope({ type: 'signup.confirmed', key: doc._id, payload: confirmedPayload(doc, now) }),
  );
  const written = await deps.store.confirmSignUp(doc._id, now, [event]);
  if (!written) {
    // Confirmed at the same moment by another click: where it stands now.
    const current = await deps.store.findById(doc._id);
    return { kind: 'confirmed', organisationId: doc._id, status: current?.status ?? 'awaiting_approval' };
  }
  deps.publication.publishSoon(written.events);
  deps.logger.info('sign-up confirmed', { organisation: doc._id });
  return { kind: 'confirmed', organisationId: doc._id, status: written.doc.status };
}
