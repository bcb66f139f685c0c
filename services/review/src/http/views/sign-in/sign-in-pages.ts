import { escapeHtml } from '@koppel/http';
import { layout } from '../layout';
import { switcherOf, type PageView } from '../page-view';

/** Why the sign-in page was opened (from the session guard or sign-out). */
export type SignInReason = 'invalid' | 'role' | 'signed-out';

function noScript(view: PageView): string {
  return `<noscript><p class="warn">${escapeHtml(view.copy.signIn.noScript)}</p></noscript>`;
}

/**
 * What the browser script says, in the page's language: a JSON data block
 * (not executed, so a strict script-src still holds) the script reads.
 * `<` is escaped so no text can close the element.
 */
function scriptMessages(view: PageView): string {
  const json = JSON.stringify(view.copy.signIn.script).replace(/</g, '\\u003c');
  return `<script type="application/json" id="sign-in-messages">${json}</script>`;
}

/**
 * The sign-in pages carry the language switcher except the callback page:
 * its address holds the one-time token, which a link to the same page in
 * another language would copy; the reader's choice is remembered from the
 * sign-in page anyway.
 */
function signInLayout(view: PageView, title: string, body: string, withSwitcher = true): string {
  return layout({ title, lang: view.lang, siteName: view.copy.siteName, languages: withSwitcher ? switcherOf(view) : undefined }, body);
}

/**
 * The email form. The browser posts the address to intake's
 * /auth/sign-in-links itself (review does not call intake: services talk only
 * through Kafka); intake mails a one-time link to the console's callback page.
 */
export function signInPage(view: PageView, options: { intakeUrl: string; reason?: SignInReason }): string {
  const c = view.copy.signIn;
  const reason = options.reason ? c.reasons[options.reason] : undefined;
  return signInLayout(
    view,
    c.title,
    `<h1>${escapeHtml(c.heading)}</h1>
${reason ? `<p class="${options.reason === 'signed-out' ? 'ok' : 'warn'}">${escapeHtml(reason)}</p>` : ''}
<p>${escapeHtml(c.intro)}</p>
${noScript(view)}
<form id="sign-in-request" method="post" action="/console/sign-in" data-intake="${escapeHtml(options.intakeUrl)}" novalidate>
<p><label for="email">${escapeHtml(c.email)}</label><br><input id="email" name="email" type="email" autocomplete="email" required maxlength="254" size="40"></p>
<p><button class="primary" type="submit">${escapeHtml(c.send)}</button></p>
</form>
<p id="sign-in-status" role="status" aria-live="polite"></p>
${scriptMessages(view)}
<script src="/console/sign-in/script.js" defer></script>`,
  );
}

/**
 * Where the mailed link lands. Opening it changes nothing (mail scanners open
 * links too); the button exchanges the one-time token at intake, from the
 * browser, and hands the session token to review.
 */
export function callbackPage(view: PageView, options: { intakeUrl: string }): string {
  const c = view.copy.signIn;
  return signInLayout(
    view,
    c.confirmTitle,
    `<h1>${escapeHtml(c.confirmTitle)}</h1>
<p>${escapeHtml(c.confirmIntro)}</p>
${noScript(view)}
<form id="sign-in-confirm" method="post" action="/console/sign-in/callback" data-intake="${escapeHtml(options.intakeUrl)}">
<p><button class="primary" type="submit">${escapeHtml(c.confirm)}</button></p>
</form>
<p id="sign-in-status" role="status" aria-live="polite"></p>
<p><a href="/console/sign-in">${escapeHtml(c.newLink)}</a></p>
${scriptMessages(view)}
<script src="/console/sign-in/script.js" defer></script>`,
    false,
  );
}

/** What a post without JavaScript gets: the forms above only work with the script. */
export function noScriptPage(view: PageView): string {
  const c = view.copy.signIn;
  return signInLayout(
    view,
    c.title,
    `<h1>${escapeHtml(c.title)}</h1><p class="warn">${escapeHtml(c.needsScript)} <a href="/console/sign-in">${escapeHtml(c.tryAgain)}</a></p>`,
  );
}
