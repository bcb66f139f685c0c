/// <reference lib="dom" />
import { type Language, SignUpInputSchema } from '@koppel/contracts';
import { z } from 'zod';
import type { PortalCopy } from '../copy';
import { signUpErrorsOf, signUpLabels } from '../sign-up/errors';
import { hasSchoolLevels, signUpBodyOf } from '../sign-up/form';
import { callApi } from './api';
import { el } from './dom';
import { bodyFromForm } from './form-values';
import { validateAsYouType } from './live-validation';
import { problemText } from './problem-text';

/**
 * An organisation signs up itself (issue #13), in the browser: the form at
 * `/registreren` is checked with intake's own `SignUpInputSchema` as one types and
 * posted to intake's `POST /sign-ups`; its 400 is shown at the fields like the other
 * forms' errors. `/registreren/bevestigen` posts the mailed link's token to
 * `POST /sign-ups/confirmations`, only when the button is pressed.
 */
export interface SignUpEnv {
  intake: string;
  lang: Language;
  copy: PortalCopy;
}

const SignUpAcceptedSchema = z.object({ status: z.string(), organisationId: z.string() });
const SignUpConfirmedSchema = z.object({ organisationId: z.string(), status: z.enum(['awaiting_approval', 'active', 'rejected']) });

export function signUpPage(env: SignUpEnv): void {
  const { copy } = env;
  const t = copy.signUp.form;
  const form = document.getElementById('sign-up-form') as HTMLFormElement;
  const summary = document.getElementById('sign-up-errors') as HTMLElement;
  const done = document.getElementById('sign-up-done') as HTMLElement;
  const type = form.elements.namedItem('type') as HTMLSelectElement;
  const levels = form.querySelector<HTMLElement>('[data-field="schoolLevels"]');

  // School levels are for schools and school boards only: out of sight (and not sent) for every other kind.
  const showLevels = () => {
    if (!levels) return;
    const relevant = hasSchoolLevels(type.value);
    levels.hidden = !relevant;
    for (const box of Array.from(levels.querySelectorAll('input'))) box.disabled = !relevant;
  };
  type.addEventListener('change', showLevels);
  showLevels();

  validateAsYouType({
    form,
    summary,
    schema: SignUpInputSchema,
    toBody: (signUpForm) => signUpBodyOf(bodyFromForm(signUpForm)),
    lang: env.lang,
    labels: signUpLabels(copy),
    submit: async (body) => {
      const result = await callApi(`${env.intake}/sign-ups`, { method: 'POST', body, schema: SignUpAcceptedSchema });
      if (!result.ok)
        return result.problem.errors?.length
          ? signUpErrorsOf(result.problem.errors, copy, body)
          : [{ field: '', message: problemText(result.problem, copy) }];
      const email = String((body.contact as { email?: unknown } | undefined)?.email ?? '');
      form.hidden = true;
      done.replaceChildren(el('h2', {}, t.doneHeading), el('p', {}, t.done(email)));
      done.hidden = false;
      done.focus();
    },
  });
}

/** The mailed token, kept in this tab until it is used: a reload or another language does not lose it. */
const TOKEN_KEY = 'koppel.signUpToken';

function keptToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function keepToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without storage the token lives as long as the page.
  }
}

/** The token of the mailed link, taken out of the address bar (a secret should not linger there). */
function tokenFromAddress(): string | null {
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  if (!token) return keptToken();
  keepToken(token);
  params.delete('token');
  const rest = params.toString();
  history.replaceState(null, '', rest ? `${location.pathname}?${rest}` : location.pathname);
  return token;
}

export function confirmSignUpPage(env: SignUpEnv): void {
  const t = env.copy.signUp.confirm;
  const box = document.getElementById('confirm-sign-up') as HTMLElement;
  const button = document.getElementById('confirm-button') as HTMLButtonElement;
  const status = document.getElementById('confirm-status') as HTMLElement;
  const token = tokenFromAddress();
  const say = (...children: (Node | string)[]) => status.replaceChildren(el('p', {}, ...children));
  const signUpAgain = () => el('a', { href: '/registreren' }, t.signUpAgain);
  if (!token) {
    say(t.noToken, ' ', signUpAgain());
    return;
  }
  box.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = t.busy;
    const result = await callApi(`${env.intake}/sign-ups/confirmations`, {
      method: 'POST',
      body: { token },
      schema: SignUpConfirmedSchema,
    });
    if (result.ok) {
      keepToken(null);
      box.hidden = true;
      if (result.data.status === 'active') say(t.active, ' ', el('a', { href: '/aanmelden' }, t.signInLink), '.');
      else say(result.data.status === 'rejected' ? t.rejected : t.confirmed);
      status.focus(); // the button is gone: the answer takes the focus
      return;
    }
    // 404: unknown or expired (400: not a token at all) — a new sign-up is the way on.
    if (result.status === 404 || result.status === 400) {
      keepToken(null);
      box.hidden = true;
      say(t.unknown, ' ', signUpAgain());
      status.focus();
      return;
    }
    button.disabled = false;
    status.textContent = problemText(result.problem, env.copy);
  });
}
