import { escapeHtml, layout } from '../web/layout';

const REASONS: Record<string, string> = {
  invalid: 'Je sessie is verlopen of ongeldig. Meld je opnieuw aan.',
  role: 'Met dit adres heb je geen toegang tot de console: die is er voor bemiddelaars.',
  'signed-out': 'Je bent afgemeld.',
};

const NO_SCRIPT = `<noscript><p class="warn">Aanmelden gebeurt in je browser en heeft JavaScript nodig. Zet JavaScript aan voor deze pagina, of vraag een beheerder om toegang.</p></noscript>`;

function signInLayout(title: string, body: string): string {
  return layout({ title, siteName: 'bemiddelingsconsole' }, body);
}

/**
 * The email form. The browser posts the address to intake's
 * /auth/sign-in-links itself (review does not call intake: services talk only
 * through Kafka); intake mails a one-time link to the console's callback page.
 */
export function signInPage(options: { intakeUrl: string; reason?: string }): string {
  const reason = options.reason ? REASONS[options.reason] : undefined;
  return signInLayout(
    'Aanmelden',
    `<h1>Aanmelden bij de bemiddelingsconsole</h1>
${reason ? `<p class="${options.reason === 'signed-out' ? 'ok' : 'warn'}">${escapeHtml(reason)}</p>` : ''}
<p>Geef het e-mailadres waarmee je organisatie bij koppel bekend is. Je krijgt een mail met een link die één keer werkt en een kwartier geldig is.</p>
${NO_SCRIPT}
<form id="sign-in-request" method="post" action="/console/sign-in" data-intake="${escapeHtml(options.intakeUrl)}" novalidate>
<p><label for="email">E-mailadres</label><br><input id="email" name="email" type="email" autocomplete="email" required maxlength="254" size="40"></p>
<p><button class="primary" type="submit">Stuur me een aanmeldlink</button></p>
</form>
<p id="sign-in-status" role="status" aria-live="polite"></p>
<script src="/console/sign-in/script.js" defer></script>`,
  );
}

/**
 * Where the mailed link lands. Opening it changes nothing (mail scanners open
 * links too); the button exchanges the one-time token at intake, from the
 * browser, and hands the session token to review.
 */
export function callbackPage(options: { intakeUrl: string }): string {
  return signInLayout(
    'Aanmelden bevestigen',
    `<h1>Aanmelden bevestigen</h1>
<p>Klik op de knop om je aan te melden bij de bemiddelingsconsole. De link uit je mail werkt één keer.</p>
${NO_SCRIPT}
<form id="sign-in-confirm" method="post" action="/console/sign-in/callback" data-intake="${escapeHtml(options.intakeUrl)}">
<p><button class="primary" type="submit">Aanmelden</button></p>
</form>
<p id="sign-in-status" role="status" aria-live="polite"></p>
<p><a href="/console/sign-in">Een nieuwe link vragen</a></p>
<script src="/console/sign-in/script.js" defer></script>`,
  );
}

/** What a post without JavaScript gets: the forms above only work with the script. */
export function noScriptPage(): string {
  return signInLayout('Aanmelden', `<h1>Aanmelden</h1><p class="warn">Aanmelden heeft JavaScript nodig. Zet JavaScript aan en <a href="/console/sign-in">probeer opnieuw</a>.</p>`);
}

/**
 * The browser side of both pages, served as a file (no inline script, so a
 * strict Content-Security-Policy stays possible). The one-time token is taken
 * out of the address bar at once, so it stays neither in the history nor on screen.
 */
export const SIGN_IN_SCRIPT = `(() => {
  'use strict';
  const status = document.getElementById('sign-in-status');
  const say = (text) => { status.textContent = text; };
  const params = new URLSearchParams(location.search);
  const linkToken = params.get('token');
  if (linkToken) history.replaceState(null, '', location.pathname);

  const request = document.getElementById('sign-in-request');
  if (request) {
    request.addEventListener('submit', async (event) => {
      event.preventDefault();
      const email = request.elements.email.value.trim();
      if (!request.elements.email.checkValidity() || !email) { say('Vul een geldig e-mailadres in.'); request.elements.email.focus(); return; }
      say('Even geduld…');
      try {
        const res = await fetch(request.dataset.intake + '/auth/sign-in-links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
        if (res.status === 202) say('Als dit adres bij koppel bekend is, staat er nu een aanmeldlink in je mailbox. Open hem binnen een kwartier.');
        else if (res.status === 429) say('Te veel pogingen. Wacht een minuut en probeer opnieuw.');
        else say('Dat lukte niet (fout ' + res.status + '). Controleer het adres en probeer opnieuw.');
      } catch (e) {
        say('De aanmeldservice is niet bereikbaar. Probeer het later opnieuw.');
      }
    });
  }

  const confirm = document.getElementById('sign-in-confirm');
  if (confirm) {
    if (!linkToken) say('Deze pagina opent vanuit de link in je mail. Vraag een nieuwe link aan.');
    confirm.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!linkToken) return;
      say('Bezig met aanmelden…');
      try {
        const exchanged = await fetch(confirm.dataset.intake + '/auth/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: linkToken }) });
        if (exchanged.status === 401) { say('Deze link is al gebruikt of verlopen. Vraag een nieuwe link aan.'); return; }
        if (!exchanged.ok) { say('Aanmelden lukte niet (fout ' + exchanged.status + '). Probeer opnieuw.'); return; }
        const { token } = await exchanged.json();
        const session = await fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
        if (session.status === 403) { say('Met dit adres heb je geen toegang tot de console: die is er voor bemiddelaars.'); return; }
        if (!session.ok) { say('Aanmelden lukte niet (fout ' + session.status + '). Probeer opnieuw.'); return; }
        say('Aangemeld. Je gaat naar de console…');
        location.assign('/console');
      } catch (e) {
        say('De aanmeldservice is niet bereikbaar. Probeer het later opnieuw.');
      }
    });
  }
})();
`;
