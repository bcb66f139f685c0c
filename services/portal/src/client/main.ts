/// <reference lib="dom" />
import { OfferInputSchema, OfferViewSchema, pageOf, RequestInputSchema, RequestViewSchema, SessionViewSchema, SuggestionListSchema, SuggestionViewSchema, type SuggestionView } from '@koppel/contracts';
import { callApi } from './api';
import { fillForm, offerBodyFromForm, requestBodyFromForm, type Body } from './form-values';
import type { UiLanguage } from './issue-messages';
import { fieldErrorsOfProblem, validateAsYouType } from './live-validation';
import { currentSession, endSession, saveSession, type Session } from './session';

/**
 * The portal's browser script. The page says which page it is and where the
 * APIs are (data attributes on <body>); everything the visitor does goes
 * straight from the browser to intake (offers, requests, sign-in) or review
 * (suggestions), with the session token as bearer.
 */
const body = document.body;
const INTAKE = body.dataset.intake as string;
const REVIEW = body.dataset.review as string;
const lang = (document.documentElement.lang || 'nl') as UiLanguage;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function announce(id: string, text: string): void {
  const status = document.getElementById(id);
  if (status) status.textContent = text;
}

const dateText = (iso: string) => new Date(iso).toLocaleDateString('nl-BE', { day: 'numeric', month: 'long', year: 'numeric' });

/** The signed-in session of the right role, or a message with the way to sign in. */
function sessionFor(role: Session['role']): Session | undefined {
  const session = currentSession();
  if (session && session.role === role) {
    const who = document.getElementById('who');
    if (who) who.textContent = `Aangemeld als ${session.organisationId ?? ''}`;
    return session;
  }
  document.getElementById('signed-out')?.removeAttribute('hidden');
  document.getElementById('signed-in')?.setAttribute('hidden', '');
  return undefined;
}

// ---- sign-in ---------------------------------------------------------------

async function signInPage(): Promise<void> {
  const linkToken = new URLSearchParams(location.search).get('token');
  if (linkToken) {
    history.replaceState(null, '', location.pathname); // the link secret should not linger in the address bar
    const result = await callApi(`${INTAKE}/auth/sessions`, { method: 'POST', body: { token: linkToken }, schema: SessionViewSchema });
    if (!result.ok) return announce('sign-in-status', 'Deze aanmeldlink werkt niet (meer). Vraag hieronder een nieuwe aan.');
    saveSession(result.data);
    location.assign(result.data.role === 'provider' ? '/aanbieder' : '/school');
    return;
  }
  const form = document.getElementById('sign-in-form') as HTMLFormElement;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const result = await callApi(`${INTAKE}/auth/sign-in-links`, { method: 'POST', body: { email }, schema: SessionViewSchema.partial() });
    announce('sign-in-status', result.ok || result.status === 202 ? 'Als dit adres bij ons bekend is, staat er nu een aanmeldlink in uw mailbox.' : 'Dat lukte niet. Probeer het zo opnieuw.');
  });
}

// ---- suggestions (both sides) ------------------------------------------------

const STATUS_TEXT: Record<SuggestionView['status'], string> = { approved: 'Wacht op antwoord', confirmed: 'Bevestigd', declined: 'Niet doorgegaan' };
const ANSWER_TEXT = { interested: 'U bent geïnteresseerd', not_interested: 'U bent niet geïnteresseerd' } as const;

function suggestionCard(s: SuggestionView, session: Session, reload: () => void): HTMLElement {
  const isSchool = s.side === 'school';
  const title = isSchool ? s.offer.title : s.request.title;
  const other = isSchool ? s.providerName : s.schoolName;
  const headingId = `sg-${s.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const card = el('article', { class: 'card suggestion', 'aria-labelledby': headingId, 'data-suggestion': s.id });
  card.append(el('h3', { id: headingId }, title));
  const facts = el('dl', { class: 'facts' });
  const fact = (k: string, v: string) => facts.append(el('dt', {}, k), el('dd', {}, v));
  fact(isSchool ? 'Aanbieder' : 'School', other);
  fact('Status', `${STATUS_TEXT[s.status]}${s.yourAnswer ? ` · ${ANSWER_TEXT[s.yourAnswer]}` : ''}`);
  fact(isSchool ? 'Waar' : 'Leerlingen', isSchool ? s.offer.municipality : `${s.request.pupils} (${s.request.ageMin}–${s.request.ageMax} jaar), ${s.request.municipality}`);
  fact('Waarom dit past', s.summary);
  if (s.note) fact('Notitie van de bemiddelaar', s.note);
  if (s.contact) fact('Contact', `${s.contact.name} <${s.contact.email}>`);
  card.append(facts);
  if (s.status === 'approved' && !s.yourAnswer) {
    const reasonId = `${headingId}-reason`;
    const form = el('form', { class: 'answer', 'aria-label': `Antwoord op ${title}` });
    form.append(
      el('button', { type: 'submit', class: 'primary', name: 'answer', value: 'interested' }, 'Geïnteresseerd'),
      ' ',
      el('button', { type: 'submit', class: 'reject', name: 'answer', value: 'not_interested' }, 'Niet geïnteresseerd'),
      el('label', { for: reasonId }, 'Reden als u niet geïnteresseerd bent (niet verplicht)'),
      el('textarea', { id: reasonId, name: 'reason', rows: '2', maxlength: '2000' }),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = ((event as SubmitEvent).submitter as HTMLButtonElement).value as 'interested' | 'not_interested';
      const reason = (form.elements.namedItem('reason') as HTMLTextAreaElement).value.trim();
      const result = await callApi(`${REVIEW}/suggestions/${encodeURIComponent(s.id)}/answer`, {
        method: 'POST',
        token: session.token,
        body: { answer, ...(answer === 'not_interested' && reason ? { reason } : {}) },
        schema: SuggestionViewSchema,
      });
      if (!result.ok) return announce('suggestions-status', result.status === 409 ? 'Hierop werd al geantwoord.' : 'Uw antwoord kon niet worden bewaard. Probeer het opnieuw.');
      announce('suggestions-status', result.data.status === 'confirmed' ? 'Bedankt! Beide kanten zijn geïnteresseerd: de match is bevestigd. U krijgt een mail met de contactgegevens.' : 'Bedankt, uw antwoord is bewaard.');
      reload();
    });
    card.append(form);
  }
  return card;
}

async function loadSuggestions(session: Session): Promise<void> {
  const list = document.getElementById('suggestions') as HTMLElement;
  const result = await callApi(`${REVIEW}/suggestions`, { token: session.token, schema: SuggestionListSchema });
  if (!result.ok) {
    list.replaceChildren(el('p', {}, 'De voorstellen konden niet worden geladen.'));
    return;
  }
  list.replaceChildren(...(result.data.items.length ? result.data.items.map((s) => suggestionCard(s, session, () => void loadSuggestions(session))) : [el('p', { class: 'muted' }, 'Nog geen voorstellen. Zodra een bemiddelaar een match goedkeurt, staat ze hier.')]));
}

// ---- listings (requests of a school, offers of a provider) -------------------

type ListingKind = 'offers' | 'requests';

async function loadListings(kind: ListingKind, session: Session, onEdit?: (listing: Body & { id: string; revision: number }) => void): Promise<void> {
  const table = document.getElementById(kind) as HTMLElement;
  const schema = pageOf(kind === 'offers' ? OfferViewSchema : RequestViewSchema);
  const result = await callApi(`${INTAKE}/${kind}?limit=100`, { token: session.token, schema });
  if (!result.ok) {
    table.replaceChildren(el('p', {}, 'De lijst kon niet worden geladen.'));
    return;
  }
  if (!result.data.items.length) {
    table.replaceChildren(el('p', { class: 'muted' }, kind === 'offers' ? 'U hebt nog geen aanbod gepubliceerd.' : 'U hebt nog geen aanvragen ingediend.'));
    return;
  }
  const rows = result.data.items.map((item) => {
    const actions = el('td');
    if (item.status === 'active') {
      if (onEdit) {
        const edit = el('button', { type: 'button' }, 'Bewerken', el('span', { class: 'visually-hidden' }, `: ${item.title}`));
        edit.addEventListener('click', () => onEdit(item as unknown as Body & { id: string; revision: number }));
        actions.append(edit, ' ');
      }
      const withdraw = el('button', { type: 'button', class: 'reject' }, 'Intrekken', el('span', { class: 'visually-hidden' }, `: ${item.title}`));
      withdraw.addEventListener('click', async () => {
        const done = await callApi(`${INTAKE}/${kind}/${encodeURIComponent(item.id)}/withdraw`, { method: 'POST', token: session.token, body: {}, schema: schema.shape.items.element });
        announce(`${kind}-status`, done.ok ? `"${item.title}" is ingetrokken.` : 'Intrekken lukte niet.');
        void loadListings(kind, session, onEdit);
      });
      actions.append(withdraw);
    }
    return el('tr', { 'data-listing': item.id }, el('td', {}, item.title), el('td', {}, item.status === 'active' ? 'Actief' : 'Ingetrokken'), el('td', {}, dateText(item.updatedAt)), actions);
  });
  table.replaceChildren(
    el('table', {}, el('caption', { class: 'visually-hidden' }, kind === 'offers' ? 'Uw aanbod' : 'Uw aanvragen'), el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Titel'), el('th', { scope: 'col' }, 'Status'), el('th', { scope: 'col' }, 'Laatst gewijzigd'), el('th', { scope: 'col' }, 'Acties'))), el('tbody', {}, ...rows)),
  );
}

// ---- the two pages ------------------------------------------------------------

function problemErrors(form: HTMLFormElement, problem: { title: string; detail?: string; errors?: { path: string; message: string }[] }) {
  if (problem.errors?.length) return fieldErrorsOfProblem(form, problem.errors, lang);
  return [{ field: '', message: problem.detail ?? problem.title }];
}

function schoolPage(): void {
  const session = sessionFor('requester');
  if (!session) return;
  const form = document.getElementById('request-form') as HTMLFormElement;
  const validation = validateAsYouType({
    form,
    summary: document.getElementById('request-errors') as HTMLElement,
    schema: RequestInputSchema,
    toBody: requestBodyFromForm,
    lang,
    submit: async (requestBody) => {
      const result = await callApi(`${INTAKE}/requests`, { method: 'POST', token: session.token, body: requestBody, headers: { 'idempotency-key': crypto.randomUUID() }, schema: RequestViewSchema.partial() });
      if (!result.ok) return problemErrors(form, result.problem);
      form.reset();
      validation.reset();
      announce('requests-status', 'Uw aanvraag is ingediend. U ziet hieronder voorstellen zodra een bemiddelaar er een goedkeurt.');
      await loadListings('requests', session);
    },
  });
  void loadListings('requests', session);
  void loadSuggestions(session);
}

function providerPage(): void {
  const session = sessionFor('provider');
  if (!session) return;
  const form = document.getElementById('offer-form') as HTMLFormElement;
  const heading = document.getElementById('h-offer-form') as HTMLElement;
  const submitButton = form.querySelector('button[type=submit]') as HTMLButtonElement;
  let editing: { id: string; revision: number } | undefined;
  const stopEditing = () => {
    editing = undefined;
    heading.textContent = 'Nieuw aanbod publiceren';
    submitButton.textContent = 'Publiceren';
  };
  const validation = validateAsYouType({
    form,
    summary: document.getElementById('offer-errors') as HTMLElement,
    schema: OfferInputSchema,
    toBody: offerBodyFromForm,
    lang,
    submit: async (offerBody) => {
      const result = editing
        ? await callApi(`${INTAKE}/offers/${encodeURIComponent(editing.id)}`, { method: 'PUT', token: session.token, body: offerBody, headers: { 'if-match': `"${editing.revision}"` }, schema: OfferViewSchema.partial() })
        : await callApi(`${INTAKE}/offers`, { method: 'POST', token: session.token, body: offerBody, headers: { 'idempotency-key': crypto.randomUUID() }, schema: OfferViewSchema.partial() });
      if (!result.ok) return problemErrors(form, result.problem);
      announce('offers-status', editing ? 'Uw aanbod is bijgewerkt.' : 'Uw aanbod is gepubliceerd.');
      form.reset();
      validation.reset();
      stopEditing();
      await loadListings('offers', session, onEdit);
    },
  });
  const onEdit = (offer: Body & { id: string; revision: number }) => {
    fillForm(form, offer);
    editing = { id: offer.id, revision: offer.revision };
    heading.textContent = `Aanbod bewerken: ${String(offer.title)}`;
    submitButton.textContent = 'Wijzigingen bewaren';
    heading.scrollIntoView();
    (form.elements.namedItem('title') as HTMLInputElement).focus();
  };
  void loadListings('offers', session, onEdit);
  void loadSuggestions(session);
}

document.getElementById('sign-out')?.addEventListener('click', () => {
  endSession();
  location.assign('/aanmelden');
});

const pages: Record<string, () => void | Promise<void>> = { 'sign-in': signInPage, school: schoolPage, provider: providerPage };
void pages[body.dataset.page ?? '']?.();
