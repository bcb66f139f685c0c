/// <reference lib="dom" />
import { endSession } from './session';

/**
 * The page's sign-in-again behaviour when an API answers 401 (the session was revoked
 * or has run out): the session is forgotten, and the page shows what it shows without
 * one, "U bent niet aangemeld" with the link to sign in, where focus goes.
 */
export function signInAgain(): void {
  endSession();
  document.getElementById('signed-in')?.setAttribute('hidden', '');
  const signedOut = document.getElementById('signed-out');
  if (!signedOut) return;
  signedOut.removeAttribute('hidden');
  signedOut.setAttribute('tabindex', '-1');
  signedOut.focus();
}
