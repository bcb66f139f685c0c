import { escapeHtml } from './layout';

/**
 * Form fields the client's live validation understands: the wrapper carries
 * `data-field` (the body path), the error slot is `.field-error`, and hint and
 * error are tied to the control with aria-describedby.
 */
const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

export function inputField(options: { name: string; label: string; type?: 'text' | 'number' | 'email'; hint?: string; required?: boolean; attrs?: string; value?: string; keepEmpty?: boolean }): string {
  const id = idOf(options.name);
  const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return `<div class="field" data-field="${options.name}">
  <label for="${id}">${escapeHtml(options.label)}${options.required ? '' : ' <span class="muted">(niet verplicht)</span>'}</label>
  ${options.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(options.hint)}</p>` : ''}
  <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}"${options.type === 'number' ? ' inputmode="decimal" step="any"' : ''} aria-describedby="${describedBy}"${options.required ? ' aria-required="true"' : ''}${options.value !== undefined ? ` value="${escapeHtml(options.value)}"` : ''}${options.keepEmpty ? ' data-keep-empty' : ''} ${options.attrs ?? ''}>
  <p class="field-error" id="${id}-error" hidden></p>
</div>`;
}

export function textareaField(options: { name: string; label: string; hint?: string; required?: boolean }): string {
  const id = idOf(options.name);
  const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return `<div class="field" data-field="${options.name}">
  <label for="${id}">${escapeHtml(options.label)}${options.required ? '' : ' <span class="muted">(niet verplicht)</span>'}</label>
  ${options.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(options.hint)}</p>` : ''}
  <textarea id="${id}" name="${options.name}" rows="5" aria-describedby="${describedBy}" data-keep-empty></textarea>
  <p class="field-error" id="${id}-error" hidden></p>
</div>`;
}

export function selectField(options: { name: string; label: string; choices: [string, string][]; hint?: string; value?: string; placeholder?: string }): string {
  const id = idOf(options.name);
  const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const choices = [...(options.placeholder ? [['', options.placeholder] as [string, string]] : []), ...options.choices];
  return `<div class="field" data-field="${options.name}">
  <label for="${id}">${escapeHtml(options.label)}</label>
  ${options.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(options.hint)}</p>` : ''}
  <select id="${id}" name="${options.name}" aria-describedby="${describedBy}">${choices
    .map(([value, label]) => `<option value="${escapeHtml(value)}"${value === options.value ? ' selected' : ''}>${escapeHtml(label)}</option>`)
    .join('')}</select>
  <p class="field-error" id="${id}-error" hidden></p>
</div>`;
}

/** A group of checkboxes whose checked values become one array (`data-multi`). */
export function checkboxGroup(options: { name: string; legend: string; choices: [string, string][]; hint?: string }): string {
  const id = idOf(options.name);
  const describedBy = [options.hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  return `<fieldset class="field" data-field="${options.name}" aria-describedby="${describedBy}">
  <legend>${escapeHtml(options.legend)}</legend>
  ${options.hint ? `<p class="hint" id="${id}-hint">${escapeHtml(options.hint)}</p>` : ''}
  ${options.choices
    .map(([value, label], i) => `<span class="option"><input type="checkbox" id="${id}-${i}" name="${options.name}" value="${escapeHtml(value)}" data-multi><label for="${id}-${i}">${escapeHtml(label)}</label></span>`)
    .join('\n  ')}
  <p class="field-error" id="${id}-error" hidden></p>
</fieldset>`;
}
