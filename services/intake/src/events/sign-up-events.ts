import type { EventHandlers } from '@koppel/messaging';
import { applySignUpDecision } from '../app/sign-ups/apply-decision';
import type { SignUpDeps } from '../app/sign-ups/deps';

/** What intake follows on koppel.signups.v1: the brokers' decisions (its own `signup.confirmed` passes by). */
export function signUpEventHandlers(deps: SignUpDeps): EventHandlers {
  return {
    'signup.decided': (event) => applySignUpDecision(deps, event.payload),
  };
}
