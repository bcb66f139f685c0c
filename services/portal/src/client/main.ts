/// <reference lib="dom" />
import {
  MailPreferenceInputSchema,
  OfferInputSchema,
  OfferViewSchema,
  OrganisationViewSchema,
  pageOf,
  RequestViewSchema,
  SessionViewSchema,
  SuggestionListSchema,
  SuggestionViewSchema,
  type SuggestionView,
} from '@koppel/contracts';
import { copyFor } from '../copy';
import { callApi } from './api';
import {
  type AskedOffer,
  askedOfferId,
  cataloguePage,
  forgetAskedOffer,
  offerPage,
  prefillFromOffer,
  rememberAskedOffer,
  schoolPageAfterSignIn,
} from './catalogue';
import { demandSection } from './demand';
import { announce, el } from './dom';
import { fillForm, offerBodyFromForm, requestBodyFromForm, type Body } from './form-values';
import { requestFormWording } from './leisure';
import { fieldErrorsOfProblem, validateAsYouType } from './live-validation';
import { offerImport } from './offer-import';
import { pageLanguage } from './page-language';
import { problemText } from './problem-text';
import { currentSession, endSession, saveSession, type Session } from './session';
import { confirmSignUpPage, signUpPage } from './sign-up';

/**
 * The portal's browser script. The page says which page it is and where the
 * APIs are (data attributes on <body>); everything the visitor does goes
 * straight from the browser to intake (offers, requests, sign-in) or review
 * (suggestions), with the session token as bearer. Every text it writes
 * comes from the copy of the page's language (`<html lang>`).
 */
const body = document.body;
const INTAKE = body.dataset.intake as string;
const REVIEW = body.dataset.review as string;
const lang = pageLanguage();
const copy = copyFor(lang);
const t = copy.client;

const dateText = (iso: string) => new Date(iso).toLocaleDateString(copy.locale, { day: 'numeric', month: 'long', year: 'numeric' });

/** The signed-in session of the right role, or a message with the way to sign in. */
function sessionFor(role: Session['role']): Session | undefined {
  const session = currentSession();
  if (session && session.role === role) {
    const who = document.getElementById('who');
    if (who) who.textContent = t.signedInAs(session.organisationId ?? '');
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
    if (!result.ok) return announce('sign-in-status', t.signInLinkFailed);
    saveSession(result.data);
    // A school that asked for a catalogue offer before signing in goes back to that request.
    location.assign(
      result.data.role === 'provider' ? '/aanbieder' : result.data.role === 'requester' ? schoolPageAfterSignIn() : '/school',
    );
    return;
  }
  const form = document.getElementById('sign-in-form') as HTMLFormElement;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const result = await callApi(`${INTAKE}/auth/sign-in-links`, { method: 'POST', body: { email }, schema: SessionViewSchema.partial() });
    announce('sign-in-status', result.ok || result.status === 202 ? t.signInLinkSent : t.signInFailed);
  });
}

// ---- suggestions (both sides) ------------------------------------------------

function suggestionCard(s: SuggestionView, session: Session, reload: () => void): HTMLElement {
  const isSchool = s.side === 'school';
  const title = isSchool ? s.offer.title : s.request.title;
  const other = isSchool ? s.providerName : s.schoolName;
  const headingId = `sg-${s.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const card = el('article', { class: 'card suggestion', 'aria-labelledby': headingId, 'data-suggestion': s.id });
  card.append(el('h3', { id: headingId }, title));
  const facts = el('dl', { class: 'facts' });
  const fact = (k: string, v: string, attrs: Record<string, string> = {}) => facts.append(el('dt', {}, k), el('dd', attrs, v));
  const ts = t.suggestion;
  fact(isSchool ? ts.provider : ts.school, other);
  fact(ts.statusLabel, `${ts.status[s.status]}${s.yourAnswer ? ` · ${ts.yourAnswer[s.yourAnswer]}` : ''}`);
  fact(
    isSchool ? ts.where : ts.pupils,
    isSchool ? s.offer.municipality : ts.pupilsText(s.request.pupils, s.request.ageMin, s.request.ageMax, s.request.municipality),
  );
  // Review sends the sentence in each page language (from the matcher's explanation).
  fact(ts.why, s.summaries[lang]);
  if (s.note) fact(ts.note, s.note);
  // Match events carry no addresses (issue #11): the confirmation mail has them.
  if (s.contact) fact(ts.contact, s.contact.email ? `${s.contact.name} <${s.contact.email}>` : `${s.contact.name} (${ts.contactInMail})`);
  card.append(facts);
  if (s.status === 'approved' && !s.yourAnswer) {
    const reasonId = `${headingId}-reason`;
    const form = el('form', { class: 'answer', 'aria-label': ts.answerFormLabel(title) });
    form.append(
      el('button', { type: 'submit', class: 'primary', name: 'answer', value: 'interested' }, ts.interested),
      ' ',
      el('button', { type: 'submit', class: 'reject', name: 'answer', value: 'not_interested' }, ts.notInterested),
      el('label', { for: reasonId }, ts.reason),
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
      if (!result.ok) return announce('suggestions-status', result.status === 409 ? ts.alreadyAnswered : ts.answerFailed);
      announce('suggestions-status', result.data.status === 'confirmed' ? ts.confirmed : ts.answerSaved);
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
    list.replaceChildren(el('p', {}, t.suggestion.loadFailed));
    return;
  }
  list.replaceChildren(
    ...(result.data.items.length
      ? result.data.items.map((s) => suggestionCard(s, session, () => void loadSuggestions(session)))
      : [el('p', { class: 'muted' }, t.suggestion.none)]),
  );
}

// ---- listings (requests of a school, offers of a provider) -------------------

type ListingKind = 'offers' | 'requests';

async function loadListings(
  kind: ListingKind,
  session: Session,
  onEdit?: (listing: Body & { id: string; revision: number }) => void,
): Promise<void> {
  const table = document.getElementById(kind) as HTMLElement;
  const tl = t.listing;
  const schema = pageOf(kind === 'offers' ? OfferViewSchema : RequestViewSchema);
  const result = await callApi(`${INTAKE}/${kind}?limit=100`, { token: session.token, schema });
  if (!result.ok) {
    table.replaceChildren(el('p', {}, tl.loadFailed));
    return;
  }
  if (!result.data.items.length) {
    table.replaceChildren(el('p', { class: 'muted' }, kind === 'offers' ? tl.noOffers : tl.noRequests));
    return;
  }
  const rows = result.data.items.map((item) => {
    const actions = el('td');
    if (item.status === 'active') {
      if (onEdit) {
        const edit = el('button', { type: 'button' }, tl.edit, el('span', { class: 'visually-hidden' }, `: ${item.title}`));
        edit.addEventListener('click', () => onEdit(item as unknown as Body & { id: string; revision: number }));
        actions.append(edit, ' ');
      }
      const withdraw = el(
        'button',
        { type: 'button', class: 'reject' },
        tl.withdraw,
        el('span', { class: 'visually-hidden' }, `: ${item.title}`),
      );
      withdraw.addEventListener('click', async () => {
        const done = await callApi(`${INTAKE}/${kind}/${encodeURIComponent(item.id)}/withdraw`, {
          method: 'POST',
          token: session.token,
          body: {},
          schema: schema.shape.items.element,
        });
        announce(`${kind}-status`, done.ok ? tl.withdrawn(item.title) : tl.withdrawFailed);
        void loadListings(kind, session, onEdit);
      });
      actions.append(withdraw);
    }
    return el(
      'tr',
      { 'data-listing': item.id },
      el('td', {}, item.title),
      el('td', {}, tl.status[item.status === 'active' ? 'active' : 'withdrawn']),
      el('td', {}, dateText(item.updatedAt)),
      actions,
    );
  });
  table.replaceChildren(
    el(
      'table',
      {},
      el('caption', { class: 'visually-hidden' }, kind === 'offers' ? copy.provider.listHeading : copy.school.listHeading),
      el('thead', {}, el('tr', {}, ...Object.values(tl.columns).map((name) => el('th', { scope: 'col' }, name)))),
      el('tbody', {}, ...rows),
    ),
  );
}

// ---- the two pages ------------------------------------------------------------

function problemErrors(
  form: HTMLFormElement,
  problem: { status: number; title: string; errors?: { path: string; message: string }[] },
  labels?: Readonly<Record<string, string>>,
) {
  if (problem.errors?.length) return fieldErrorsOfProblem(form, problem.errors, lang, labels);
  return [{ field: '', message: problemText(problem, copy) }];
}

function schoolPage(): void {
  const offerId = askedOfferId();
  const session = sessionFor('requester');
  if (!session) {
    if (offerId) rememberAskedOffer(offerId); // back to this offer after signing in (signInPage)
    return;
  }
  const form = document.getElementById('request-form') as HTMLFormElement;
  // A requester that is not a school asks by ages for a group in its free time (issue #13): the form's words follow.
  const wording = requestFormWording({ intake: INTAKE, copy }, form);
  // "Vraag dit aanbod aan": the request names the offer, and takes its ages when the school picks no grade.
  let asked: AskedOffer | undefined;
  const toBody = (requestForm: HTMLFormElement): Body => {
    const requestBody = requestBodyFromForm(requestForm);
    if (!asked) return requestBody;
    const grades = (requestBody.grades as string[] | undefined) ?? [];
    const pupils = (requestBody.pupils as Body | undefined) ?? {};
    return {
      ...requestBody,
      ...(grades.length ? {} : { pupils: { ...asked.ages, ...pupils } }), // ages typed in (leisure time) win
      askedForOfferId: asked.id,
    };
  };
  const validation = validateAsYouType({
    form,
    summary: document.getElementById('request-errors') as HTMLElement,
    schema: wording.schema,
    toBody,
    lang,
    labels: wording.labels,
    submit: async (requestBody) => {
      const result = await callApi(`${INTAKE}/requests`, {
        method: 'POST',
        token: session.token,
        body: requestBody,
        headers: { 'idempotency-key': crypto.randomUUID() },
        schema: RequestViewSchema.partial(),
      });
      if (!result.ok) return problemErrors(form, result.problem, wording.labels);
      form.reset();
      validation.reset();
      if (asked) {
        asked = undefined;
        forgetAskedOffer();
      }
      announce('requests-status', t.requestSubmitted);
      await loadListings('requests', session);
    },
  });
  if (offerId)
    void prefillFromOffer({ intake: INTAKE, lang, copy }, form, offerId).then((found) => {
      asked = found;
      wording.offerAges(found?.ages);
    });
  void wording.learn(session);
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
    heading.textContent = copy.provider.formHeading;
    submitButton.textContent = copy.provider.submit;
  };
  const validation = validateAsYouType({
    form,
    summary: document.getElementById('offer-errors') as HTMLElement,
    schema: OfferInputSchema,
    toBody: offerBodyFromForm,
    lang,
    submit: async (offerBody) => {
      const result = editing
        ? await callApi(`${INTAKE}/offers/${encodeURIComponent(editing.id)}`, {
            method: 'PUT',
            token: session.token,
            body: offerBody,
            headers: { 'if-match': `"${editing.revision}"` },
            schema: OfferViewSchema.partial(),
          })
        : await callApi(`${INTAKE}/offers`, {
            method: 'POST',
            token: session.token,
            body: offerBody,
            headers: { 'idempotency-key': crypto.randomUUID() },
            schema: OfferViewSchema.partial(),
          });
      if (!result.ok) return problemErrors(form, result.problem);
      announce('offers-status', editing ? t.offerUpdated : t.offerPublished);
      form.reset();
      validation.reset();
      stopEditing();
      await loadListings('offers', session, onEdit);
    },
  });
  const onEdit = (offer: Body & { id: string; revision: number }) => {
    fillForm(form, offer);
    editing = { id: offer.id, revision: offer.revision };
    heading.textContent = t.editHeading(String(offer.title));
    submitButton.textContent = t.saveChanges;
    heading.scrollIntoView();
    (form.elements.namedItem('title') as HTMLInputElement).focus();
  };
  void loadListings('offers', session, onEdit);
  void loadSuggestions(session);
  void mailPreferenceForm(session);
  // Issue #13: offers imported from a file, and what schools in the provider's reach ask for.
  offerImport({ intake: INTAKE, lang, copy, session, onImported: () => void loadListings('offers', session, onEdit) });
  demandSection({ review: REVIEW, lang, copy, session });
}

/** Shows the provider's current mail preference and saves a new choice (intake publishes it to the notifier). */
async function mailPreferenceForm(session: Session): Promise<void> {
  const form = document.getElementById('mail-preference-form') as HTMLFormElement | null;
  if (!form || !session.organisationId) return;
  const url = `${INTAKE}/organisations/${encodeURIComponent(session.organisationId)}`;
  const check = (value: string) => {
    const radio = form.querySelector<HTMLInputElement>(`input[name=mailPreference][value="${value}"]`);
    if (radio) radio.checked = true;
  };
  const current = await callApi(url, { token: session.token, schema: OrganisationViewSchema.partial() });
  check(current.ok ? (current.data.mailPreference ?? 'each') : 'each');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = MailPreferenceInputSchema.safeParse({
      mailPreference: (form.elements.namedItem('mailPreference') as RadioNodeList).value,
    });
    if (!chosen.success) return;
    const result = await callApi(`${url}/mail-preference`, {
      method: 'PUT',
      token: session.token,
      body: chosen.data,
      schema: OrganisationViewSchema.partial(),
    });
    announce('mail-preference-status', result.ok ? t.mailPreferenceSaved : problemText(result.problem, copy));
  });
}

document.getElementById('sign-out')?.addEventListener('click', () => {
  endSession();
  location.assign('/aanmelden');
});

const pages: Record<string, () => void | Promise<void>> = {
  'sign-in': signInPage,
  school: schoolPage,
  provider: providerPage,
  catalogue: () => cataloguePage({ intake: INTAKE, lang, copy }),
  offer: () => offerPage({ intake: INTAKE, lang, copy }),
  'sign-up': () => signUpPage({ intake: INTAKE, lang, copy }),
  'confirm-sign-up': () => confirmSignUpPage({ intake: INTAKE, lang, copy }),
};
void pages[body.dataset.page ?? '']?.();
