import { postcodeNumberOf } from '@koppel/auth';
import type { SignUpConfirmedPayload } from '@koppel/contracts';
import type { NewSignUp } from '../../store/sign-ups';
import type { ReviewDeps } from '../deps';
import { regionOf } from '../regions/province-of-postcode';

export type RecordSignUpOutcome = { kind: 'recorded' } | { kind: 'known' };

/** What review keeps of a confirmed sign-up: where it is (and so whose region), what it is, what it may duplicate. */
export function newSignUpOf(payload: SignUpConfirmedPayload, receivedAt: Date): NewSignUp {
  const { place } = payload;
  return {
    _id: payload.organisationId,
    type: payload.type,
    name: payload.name,
    municipality: place.municipality,
    postcode: place.postcode,
    country: place.country,
    postcodeNumber: postcodeNumberOf(place.postcode),
    region: regionOf(place.country, place.postcode),
    schoolLevels: payload.schoolLevels ?? [],
    memberOf: payload.memberOf ?? [],
    duplicates: payload.duplicates,
    confirmedAt: new Date(payload.confirmedAt),
    receivedAt,
    status: 'waiting',
  };
}

/**
 * A sign-up whose contact confirmed the address (`signup.confirmed`), now waiting for
 * a broker of its region. Stored once: a redelivered event, or one for an organisation
 * already decided, changes nothing.
 */
export async function recordSignUp(
  deps: Pick<ReviewDeps, 'signUps' | 'logger'>,
  payload: SignUpConfirmedPayload,
  now = new Date(),
): Promise<RecordSignUpOutcome> {
  const doc = newSignUpOf(payload, now);
  if (!(await deps.signUps.insertNew(doc))) return { kind: 'known' };
  deps.logger.info('sign-up waiting for a broker', {
    organisationId: doc._id,
    region: doc.region,
    duplicates: doc.duplicates.length,
  });
  return { kind: 'recorded' };
}
