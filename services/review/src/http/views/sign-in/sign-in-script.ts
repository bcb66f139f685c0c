/**
 * The browser side of both pages, served as a file (no inline script, so a
 * strict Content-Security-Policy stays possible). The one-time token is taken
 * out of the address bar at once, so it stays neither in the history nor on
 * screen. Its sentences come from the page (#sign-in-messages), so one script
 * serves every language.
 */
export const SIGN_IN_SCRIPT = `(() => {
  'use strict';
  const statusLine = document.getElementById('sign-in-status');
  const messages = JSON.parse(document.getElementById('sign-in-messages').textContent);
  const say = (key, status) => { statusLine.textContent = messages[key].replace('{status}', String(status)); };
  const params = new URLSearchParams(location.search);
  const linkToken = params.get('token');
  if (linkToken) history.replaceState(null, '', location.pathname);

  const request = document.getElementById('sign-in-request');
  if (request) {
    request.addEventListener('submit', async (event) => {
      event.preventDefault();
      const email = request.elements.email.value.trim();
      if (!request.elements.email.checkValidity() || !email) { say('invalidEmail'); request.elements.email.focus(); return; }
      say('wait');
      try {
        const res = await fetch(request.dataset.intake + '/auth/sign-in-links', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
        if (res.status === 202) say('linkSent');
        else if (res.status === 429) say('tooMany');
        else say('requestFailed', res.status);
      } catch (e) {
        say('unreachable');
      }
    });
  }

  const confirm = document.getElementById('sign-in-confirm');
  if (confirm) {
    if (!linkToken) say('openFromMail');
    confirm.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!linkToken) return;
      say('signingIn');
      try {
        const exchanged = await fetch(confirm.dataset.intake + '/auth/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: linkToken }) });
        if (exchanged.status === 401) { say('linkUsed'); return; }
        if (!exchanged.ok) { say('signInFailed', exchanged.status); return; }
        const { token } = await exchanged.json();
        const session = await fetch('/console/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
        if (session.status === 403) { say('noAccess'); return; }
        if (!session.ok) { say('signInFailed', session.status); return; }
        say('signedIn');
        location.assign('/console');
      } catch (e) {
        say('unreachable');
      }
    });
  }
})();
`;
