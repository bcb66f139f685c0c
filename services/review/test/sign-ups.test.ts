import type { Claims, Region } from '@koppel/auth';
import { createEnvelope, parseEvent, type SignUpConfirmedPayload, TOPICS } from '@koppel/contracts';
import { reasonProblem } from '../src/app/sign-ups/decide-sign-up';
import { newSignUpOf } from '../src/app/sign-ups/record-sign-up';
import { mayHandleSignUp } from '../src/app/sign-ups/sign-up-scope';
import { reviewEventHandlers } from '../src/events/review-events';
import { flashOf, flashQuery } from '../src/http/console/flash';
import type { ReviewDeps } from '../src/app/deps';

const confirmed = (place: Partial<SignUpConfirmedPayload['place']> = {}): SignUpConfirmedPayload => ({
  organisationId: 'org-linde',
  type: 'school',
  name: 'Basisschool De Linde',
  place: { municipality: 'Kortrijk', postcode: '8500', country: 'BE', lat: 50.83, lon: 3.26, ...place },
  duplicates: [{ organisationId: 'org-old', name: 'De Linde', why: 'name_and_place' }],
  confirmedAt: '2026-03-01T10:00:00.000Z',
});

const broker = (...regions: Region[]): Pick<Claims, 'role' | 'regions'> => ({ role: 'broker', regions });
const westFlanders: Region = { country: 'BE', postcodeFrom: 8000, postcodeTo: 8999 };

describe('a confirmed sign-up as review keeps it', () => {
  it('waits in the province of its postcode, with the postcode number a broker’s regions filter on', () => {
    const received = new Date('2026-03-01T10:00:05Z');
    expect(newSignUpOf(confirmed(), received)).toEqual({
      _id: 'org-linde',
      type: 'school',
      name: 'Basisschool De Linde',
      municipality: 'Kortrijk',
      postcode: '8500',
      country: 'BE',
      postcodeNumber: 8500,
      region: 'West-Vlaanderen',
      schoolLevels: [],
      memberOf: [],
      duplicates: [{ organisationId: 'org-old', name: 'De Linde', why: 'name_and_place' }],
      confirmedAt: new Date('2026-03-01T10:00:00Z'),
      receivedAt: received,
      status: 'waiting',
    });
  });

  it('reads the postcode in its own country: a Dutch 3511 AB is Utrecht, a French 59000 is Nord', () => {
    expect(newSignUpOf(confirmed({ postcode: '3511 AB', country: 'NL' }), new Date())).toMatchObject({
      region: 'Utrecht',
      postcodeNumber: 3511,
    });
    expect(newSignUpOf(confirmed({ postcode: '59000', country: 'FR' }), new Date())).toMatchObject({ region: 'Nord (FR)' });
  });
});

describe('who may decide a sign-up', () => {
  const kortrijk = { country: 'BE', postcode: '8500' };
  it('an admin every one, a broker only those in its regions (country and postcode range)', () => {
    expect(mayHandleSignUp({ role: 'admin' }, kortrijk)).toBe(true);
    expect(mayHandleSignUp(broker(westFlanders), kortrijk)).toBe(true);
    expect(mayHandleSignUp(broker({ country: 'BE', postcodeFrom: 9000, postcodeTo: 9999 }), kortrijk)).toBe(false);
    expect(mayHandleSignUp(broker({ country: 'NL', postcodeFrom: 8000, postcodeTo: 8999 }), kortrijk)).toBe(false);
    expect(mayHandleSignUp(broker(), kortrijk)).toBe(false);
  });
});

describe('the reason of a decision', () => {
  it('is required to reject, and at most 2000 characters', () => {
    expect(reasonProblem({ decision: 'rejected' })).toBe('missing');
    expect(reasonProblem({ decision: 'rejected', reason: '  \n ' })).toBe('missing');
    expect(reasonProblem({ decision: 'rejected', reason: 'x'.repeat(2001) })).toBe('too-long');
    expect(reasonProblem({ decision: 'rejected', reason: ` ${'x'.repeat(2000)} ` })).toBeUndefined();
    expect(reasonProblem({ decision: 'approved' })).toBeUndefined();
  });
});

describe('sign-up events in review’s table', () => {
  const handlers = reviewEventHandlers({} as ReviewDeps);

  it('records a confirmed sign-up and passes over the decisions review publishes itself', () => {
    expect(handlers['signup.confirmed']).toBeDefined();
    expect(handlers['signup.decided']).toBeUndefined();
  });

  it('publishes decisions the contract accepts, and a rejection needs its reason there too', () => {
    const decided = (payload: object) =>
      parseEvent(TOPICS.signUps, createEnvelope({ type: 'signup.decided', key: 'org-linde', payload })).ok;
    expect(decided({ organisationId: 'org-linde', decision: 'approved', decidedBy: 'sam@example.org' })).toBe(true);
    expect(decided({ organisationId: 'org-linde', decision: 'rejected', reason: 'Geen school', decidedBy: 'sam@example.org' })).toBe(true);
    expect(decided({ organisationId: 'org-linde', decision: 'rejected', decidedBy: 'sam@example.org' })).toBe(false);
  });
});

describe('the flash after a decision', () => {
  it('carries only its key through the redirect', () => {
    for (const key of ['sign-up-approved', 'sign-up-rejected', 'sign-up-already-decided'] as const)
      expect(flashOf(Object.fromEntries(new URLSearchParams(flashQuery({ key }))))).toEqual({ key });
  });
});
