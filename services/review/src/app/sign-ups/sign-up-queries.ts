import type { Claims } from '@koppel/auth';
import type { SignUpDoc } from '../../store/sign-ups';
import type { ReviewDeps } from '../deps';

/** How many waiting sign-ups the console lists at most, and how many of the latest decisions below them. */
export const WAITING_LIMIT = 200;
export const DECIDED_LIMIT = 50;

export interface SignUpLists {
  /** Longest waiting first. */
  waiting: SignUpDoc[];
  /** The latest decisions, latest first. */
  decided: SignUpDoc[];
}

/** The sign-ups a user may see: a broker's within its postcode ranges, an admin's all. */
export async function signUpsFor(deps: Pick<ReviewDeps, 'signUps'>, user: Pick<Claims, 'role' | 'regions'>): Promise<SignUpLists> {
  const [waiting, decided] = await Promise.all([deps.signUps.waiting(user, WAITING_LIMIT), deps.signUps.decided(user, DECIDED_LIMIT)]);
  return { waiting, decided };
}
