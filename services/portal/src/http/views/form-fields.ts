import type { PortalCopy } from '../../copy';
import type { Choices } from './choices';
import { escapeHtml } from '@koppel/http';

/**
 * Form fields the client's live validation understands: the wrapper carries
 * `data-field` (the body path), the error slot is `.field-error`, and hint and
 * error are tied to the control with aria-describedby.
 */
const idOf = (name: string) => `f-${name.replace(/\./g, '-')}`;

export interface InputOptions {
  name: string;
  label: string;
  type?: 'text' | 'number' | 'email';
  hint?: string;
  required?: boolean;
  attrs?: string;
  value?: string;
  keepEmpty?: boolean;
}
export interface TextareaOptions {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}
export interface SelectOptions {
  name: string;
  label: string;
  choices: Choices;
  hint?: string;
  value?: string;
  placeholder?: string;
}
export interface CheckboxGroupOptions {
  name: string;
  legend: string;
  choices: Choices;
  hint?: string;
}

function describedByOf(id: string, hint: string | undefined): string {
  return [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
}

function hintHtml(id: string, hint: string | undefined): string {
  return hint ? `<p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>` : '';
}

/** The field builders in the page's language (it says which fields are optional). */
export function fieldsFor(copy: PortalCopy) {
  const labelHtml = (id: string, label: string, required: boolean | undefined) =>
    `<label for="${id}">${escapeHtml(label)}${required ? '' : ` <span class="muted">(${escapeHtml(copy.form.optional)})</span>`}</label>`;

  function inputField(options: InputOptions): string {
    const id = idOf(options.name);
    return `<div class="field" data-field="${options.name}">
  ${labelHtml(id, options.label, options.required)}
  ${hintHtml(id, options.hint)}
  <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}"${options.type === 'number' ? ' inputmode="decimal" step="any"' : ''} aria-describedby="${describedByOf(id, options.hint)}"${options.required ? ' aria-required="true"' : ''}${options.value !== undefined ? ` value="${escapeHtml(options.value)}"` : ''}${options.keepEmpty ? ' data-keep-empty' : ''} ${options.attrs ?? ''}>
  <p class="field-error" id="${id}-error" hidden></p>
</div>`;
  }

  function textareaField(options: TextareaOptions): string {
    const id = idOf(options.name);
    return `<div class="field" data-field="${options.name}">
  ${labelHtml(id, options.label, options.required)}
  ${hintHtml(id, options.hint)}
  <textarea id="${id}" name="${options.name}" rows="5" aria-describedby="${describedByOf(id, options.hint)}" data-keep-empty></textarea>
  <p class="field-error" id="${id}-error" hidden></p>
</div>`;
  }

  function selectField(options: SelectOptions): string {
    const id = idOf(options.name);
    const choices: Choices = [...(options.placeholder ? [['', options.placeholder] as [string, string]] : []), ...options.choices];
    return `<div class="field" data-field="${options.name}">
  <label for="${id}">${escapeHtml(options.label)}</label>
  ${hintHtml(id, options.hint)}
  <select id="${id}" name="${options.name}" aria-describedby="${describedByOf(id, options.hint)}">${choices
    .map(
      ([value, label]) => `<option value="${escapeHtml(value)}"${value === options.value ? ' selected' : ''}>${escapeHtml(label)}</option>`,
    )
    .join('')}</select>
  <p class="field-error" id="${id}-error" hidden></p>
</div>`;
  }

  /** A group of checkboxes whose checked values become one array (`data-multi`). */
  function checkboxGroup(options: CheckboxGroupOptions): string {
    const id = idOf(options.name);
    return `<fieldset class="field" data-field="${options.name}" aria-describedby="${describedByOf(id, options.hint)}">
  <legend>${escapeHtml(options.legend)}</legend>
  ${hintHtml(id, options.hint)}
  ${options.choices
    .map(
      ([value, label], i) =>
        `<span class="option"><input type="checkbox" id="${id}-${i}" name="${options.name}" value="${escapeHtml(value)}" data-multi><label for="${id}-${i}">${escapeHtml(label)}</label></span>`,
    )
    .join('\n  ')}
  <p class="field-error" id="${id}-error" hidden></p>
</fieldset>`;
  }

  return { inputField, textareaField, selectField, checkboxGroup };
}
