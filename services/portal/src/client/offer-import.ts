/// <reference lib="dom" />
import type { Language } from '@koppel/contracts';
import type { PortalCopy } from '../copy';
import { columnGuideView, ColumnGuideSchema } from '../provider/column-guide';
import { type ImportErrorRow, type ImportView, importContentType, importViewOf } from '../provider/import-result';
import { el } from './dom';
import type { Session } from './session';
import { signInAgain } from './signed-out';

/**
 * The provider page's offer import (issue #13): the chosen file goes as it is to
 * intake's `POST /offers/imports?mode=all|valid-rows` (CSV or JSON Lines by its
 * extension), and the answer becomes a sentence (a polite live region; focus moves to
 * the result's heading) and, when lines are wrong, a table of line, field and what is
 * wrong. The explanation of the columns is intake's public `GET /offers/imports/columns`.
 */
export interface OfferImportOptions {
  intake: string;
  lang: Language;
  copy: PortalCopy;
  session: Session;
  /** Called when offers were written: the page lists the provider's offers again. */
  onImported: () => void;
}

/** intake's answer as status and parsed JSON (undefined when there is none); status 0 when it cannot be reached. */
async function sendFile(url: string, file: File, type: string, token: string): Promise<{ status: number; body: unknown }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body: file });
    const text = await res.text();
    try {
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    } catch {
      return { status: res.status, body: undefined };
    }
  } catch {
    return { status: 0, body: undefined };
  }
}

function errorTable(rows: ImportErrorRow[], copy: PortalCopy, lang: Language): HTMLElement {
  const t = copy.providerTools.import;
  return el(
    'table',
    {},
    el('caption', {}, t.errorsCaption),
    el(
      'thead',
      {},
      el('tr', {}, ...[t.errorColumns.line, t.errorColumns.field, t.errorColumns.problem].map((name) => el('th', { scope: 'col' }, name))),
    ),
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          { 'data-line': row.line },
          el('th', { scope: 'row' }, row.line, ...(row.offer ? [el('span', { class: 'muted' }, ` (${t.offerId(row.offer)})`)] : [])),
          el('td', {}, row.field),
          // intake's own message is English: said so, for screen readers' pronunciation.
          el('td', row.problemLang === lang ? {} : { lang: row.problemLang }, row.problem),
        ),
      ),
    ),
  );
}

async function loadColumnGuide(options: OfferImportOptions): Promise<void> {
  const body = document.getElementById('import-columns-body');
  if (!body) return;
  const t = options.copy.providerTools.import;
  let guide: unknown;
  try {
    const res = await fetch(`${options.intake}/offers/imports/columns`);
    guide = res.ok ? await res.json() : undefined;
  } catch {
    guide = undefined;
  }
  const parsed = ColumnGuideSchema.safeParse(guide);
  if (!parsed.success) {
    body.replaceChildren(el('p', {}, t.columnsFailed));
    return;
  }
  const view = columnGuideView(parsed.data, options.copy, options.lang);
  const facts = el('dl', { class: 'facts' });
  for (const [label, text] of view.facts) facts.append(el('dt', {}, label), el('dd', {}, text));
  const h = t.columnHeaders;
  body.replaceChildren(
    facts,
    el(
      'table',
      {},
      el('caption', { class: 'visually-hidden' }, t.columnsCaption),
      el('thead', {}, el('tr', {}, ...[h.name, h.required, h.meaning, h.example].map((name) => el('th', { scope: 'col' }, name)))),
      el(
        'tbody',
        {},
        ...view.rows.map((row) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, el('code', {}, row.name)),
            el('td', {}, row.required),
            el('td', {}, row.meaning),
            el('td', {}, el('code', {}, row.example)),
          ),
        ),
      ),
    ),
  );
}

export function offerImport(options: OfferImportOptions): void {
  const form = document.getElementById('offer-import-form') as HTMLFormElement | null;
  if (!form) return;
  const { copy, lang } = options;
  const t = copy.providerTools.import;
  const input = form.elements.namedItem('importFile') as HTMLInputElement;
  const fieldBox = input.closest('.field') as HTMLElement;
  const fieldError = document.getElementById(`${input.id}-error`) as HTMLElement;
  const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
  const heading = document.getElementById('h-import-result') as HTMLElement;
  const status = document.getElementById('import-status') as HTMLElement;
  const errors = document.getElementById('import-errors') as HTMLElement;

  const showFieldError = (message: string | undefined) => {
    fieldError.textContent = message ?? '';
    fieldError.hidden = !message;
    fieldBox.classList.toggle('has-error', Boolean(message));
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  const show = (view: Pick<ImportView, 'failed' | 'sentence' | 'errors'>) => {
    heading.hidden = false;
    status.classList.toggle('import-failed', view.failed);
    status.textContent = view.sentence;
    errors.replaceChildren(...(view.errors.length ? [el('div', { class: 'import-errors' }, errorTable(view.errors, copy, lang))] : []));
    heading.focus();
  };

  input.addEventListener('change', () => showFieldError(undefined));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      showFieldError(t.noFile);
      input.focus();
      return;
    }
    const type = importContentType(file.name, file.type);
    if (!type) {
      showFieldError(t.wrongType);
      input.focus();
      return;
    }
    showFieldError(undefined);
    const mode = (form.elements.namedItem('importMode') as RadioNodeList).value === 'valid-rows' ? 'valid-rows' : 'all';
    button.disabled = true;
    status.classList.remove('import-failed');
    status.textContent = t.busy;
    errors.replaceChildren();
    const answer = await sendFile(`${options.intake}/offers/imports?mode=${mode}`, file, type, options.session.token);
    button.disabled = false;
    const view = importViewOf(answer.status, answer.body, copy, lang);
    if (view.signedOut) return signInAgain();
    show(view);
    if (view.imported) options.onImported();
  });
  void loadColumnGuide(options);
}
