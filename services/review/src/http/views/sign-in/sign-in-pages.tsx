import { Page } from '@koppel/http';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { type PageView, Switcher } from '../page-view';
import { STYLESHEET_PATH } from '../stylesheet';

/** Why the sign-in page was opened (from the session guard or sign-out). */
export type SignInReason = 'invalid' | 'role' | 'signed-out';

/** The browser side of both pages, a file from review itself (sign-in-script.ts). */
const SCRIPTS = ['/console/sign-in/script.js'];

function NoScript(props: { view: PageView }) {
  return (
    <noscript>
      <p class="warn">{props.view.copy.signIn.noScript}</p>
    </noscript>
  );
}

/**
 * What the browser script says, in the page's language: a JSON data block
 * (not executed, so a strict script-src still holds) the script reads.
 */
function ScriptMessages(props: { view: PageView }) {
  // raw(): a script element's text is not HTML, so escaping it as HTML would break the JSON. It is safe: the
  // sentences are review's own constant copy, and every `<` becomes \u003c, so no text can close the element.
  const json = JSON.stringify(props.view.copy.signIn.script).replace(/</g, '\\u003c');
  return (
    <script type="application/json" id="sign-in-messages">
      {raw(json)}
    </script>
  );
}

/**
 * The sign-in pages carry the language switcher except the callback page:
 * its address holds the one-time token, which a link to the same page in
 * another language would copy; the reader's choice is remembered from the
 * sign-in page anyway.
 */
function SignInFrame(props: { view: PageView; title: string; withSwitcher?: boolean; scripts?: string[]; children: Child }) {
  const { view } = props;
  return (
    <Page
      lang={view.lang}
      title={props.title}
      siteName={view.copy.siteName}
      languages={props.withSwitcher === false ? undefined : <Switcher view={view} />}
      stylesheet={STYLESHEET_PATH}
      scripts={props.scripts}
    >
      {props.children}
    </Page>
  );
}

/**
 * The email form. The browser posts the address to intake's
 * /auth/sign-in-links itself (review does not call intake: services talk only
 * through Kafka); intake mails a one-time link to the console's callback page.
 */
export function SignInPage(props: { view: PageView; intakeUrl: string; reason?: SignInReason }) {
  const { view } = props;
  const c = view.copy.signIn;
  return (
    <SignInFrame view={view} title={c.title} scripts={SCRIPTS}>
      <h1>{c.heading}</h1>
      {props.reason ? <p class={props.reason === 'signed-out' ? 'ok' : 'warn'}>{c.reasons[props.reason]}</p> : null}
      <p>{c.intro}</p>
      <NoScript view={view} />
      <form id="sign-in-request" method="post" action="/console/sign-in" data-intake={props.intakeUrl} novalidate>
        <p>
          <label for="email">{c.email}</label>
          <br />
          <input id="email" name="email" type="email" autocomplete="email" required maxlength={254} size={40} />
        </p>
        <p>
          <button class="primary" type="submit">
            {c.send}
          </button>
        </p>
      </form>
      <p id="sign-in-status" role="status" aria-live="polite" />
      <ScriptMessages view={view} />
    </SignInFrame>
  );
}

/**
 * Where the mailed link lands. Opening it changes nothing (mail scanners open
 * links too); the button exchanges the one-time token at intake, from the
 * browser, and hands the session token to review.
 */
export function CallbackPage(props: { view: PageView; intakeUrl: string }) {
  const { view } = props;
  const c = view.copy.signIn;
  return (
    <SignInFrame view={view} title={c.confirmTitle} withSwitcher={false} scripts={SCRIPTS}>
      <h1>{c.confirmTitle}</h1>
      <p>{c.confirmIntro}</p>
      <NoScript view={view} />
      <form id="sign-in-confirm" method="post" action="/console/sign-in/callback" data-intake={props.intakeUrl}>
        <p>
          <button class="primary" type="submit">
            {c.confirm}
          </button>
        </p>
      </form>
      <p id="sign-in-status" role="status" aria-live="polite" />
      <p>
        <a href="/console/sign-in">{c.newLink}</a>
      </p>
      <ScriptMessages view={view} />
    </SignInFrame>
  );
}

/** What a post without JavaScript gets: the forms above only work with the script. */
export function NoScriptPage(props: { view: PageView }) {
  const c = props.view.copy.signIn;
  return (
    <SignInFrame view={props.view} title={c.title}>
      <h1>{c.title}</h1>
      <p class="warn">
        {c.needsScript} <a href="/console/sign-in">{c.tryAgain}</a>
      </p>
    </SignInFrame>
  );
}
