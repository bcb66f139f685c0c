/// <reference lib="dom" />
import type { z } from 'zod';
import { copyFor } from '../copy';
import { fieldLabel, issueMessage, pathKey, type IssueLike, type UiLanguage } from './issue-messages';
import type { Body } from './form-values';

/**
 * Validates a form as the visitor types, with the API's own zod schema.
 * A field shows its error once it was touched (or after a submit attempt);
 * each error is text next to the field, tied with aria-describedby and
 * aria-invalid (never colour alone). On submit with errors, an error summary
 * at the top lists every problem as a link to its field and takes focus.
 */

/** Issues reported on a whole group (a refinement) belong to the field where it is fixed. */
const FIELD_OF_PATH: Record<string, string> = {
  audience: 'grades',
  pupils: 'grades',
  'audience.ageMin': 'grades',
  'audience.ageMax': 'grades',
  'pupils.ageMin': 'grades',
  'pupils.ageMax': 'grades',
  school: 'school.postcode',
  location: 'location.postcode',
};

export interface FieldError {
  field: string;
  message: string;
}

function fieldFor(form: HTMLFormElement, key: string): string {
  // A field of its own that the form shows wins over the mapping (the ages a leisure-time requester gives, issue #13).
  const own = key ? form.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`) : null;
  if (own && !own.closest('[hidden]')) return key;
  const mapped = FIELD_OF_PATH[key] ?? key;
  if (form.querySelector(`[data-field="${CSS.escape(mapped)}"]`)) return mapped;
  // The nearest enclosing field that the form has, else the form as a whole ('').
  const parts = mapped.split('.');
  while (parts.length) {
    parts.pop();
    const candidate = parts.join('.');
    if (candidate && form.querySelector(`[data-field="${CSS.escape(candidate)}"]`)) return candidate;
  }
  return '';
}

/** The errors of a body, one per field, in the order of the form's fields (`labels`: the form's own names of fields, by path). */
export function fieldErrorsOf(
  form: HTMLFormElement,
  issues: readonly IssueLike[],
  lang: UiLanguage,
  labels?: Readonly<Record<string, string>>,
): FieldError[] {
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const field = fieldFor(form, pathKey(issue.path));
    if (!errors.has(field)) errors.set(field, issueMessage(issue, lang, labels));
  }
  const order = Array.from(form.querySelectorAll<HTMLElement>('[data-field]')).map((el) => el.dataset.field as string);
  return [...errors.entries()]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** Server errors (`{path, message}` of a problem document) placed like zod issues; their text gets the field's label in front. */
export function fieldErrorsOfProblem(
  form: HTMLFormElement,
  errors: { path: string; message: string }[],
  lang: UiLanguage,
  labels?: Readonly<Record<string, string>>,
): FieldError[] {
  return errors.map((e) => {
    const path = e.path.split('.');
    const copy = copyFor(lang).client;
    const known = /unknown postcode/.test(e.message)
      ? copy.unknownPostcode
      : /no grade recognised/.test(e.message)
        ? copy.unknownGrades
        : `${fieldLabel(path, lang, labels)}: ${e.message}`;
    return { field: fieldFor(form, e.path), message: known };
  });
}

function focusTargetId(form: HTMLFormElement, field: string): string | undefined {
  const wrapper = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(field)}"]`);
  const control = wrapper?.querySelector<HTMLElement>('input, select, textarea');
  return control?.id || undefined;
}

/** Shows the errors next to their fields (only for `visible` fields) and clears the others. */
export function showFieldErrors(form: HTMLFormElement, errors: FieldError[], visible: (field: string) => boolean): void {
  for (const wrapper of Array.from(form.querySelectorAll<HTMLElement>('[data-field]'))) {
    const field = wrapper.dataset.field as string;
    const error = errors.find((e) => e.field === field && visible(field));
    const slot = wrapper.querySelector<HTMLElement>('.field-error');
    const controls = Array.from(wrapper.querySelectorAll<HTMLElement>('input, select, textarea'));
    if (slot) {
      slot.textContent = error ? error.message : '';
      slot.hidden = !error;
    }
    wrapper.classList.toggle('has-error', Boolean(error));
    for (const control of controls) {
      if (error) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  }
}

/** The summary above the form: a heading and one link per problem, focused so a screen reader reads it. */
export function showErrorSummary(form: HTMLFormElement, summary: HTMLElement, errors: FieldError[], lang: UiLanguage): void {
  summary.replaceChildren();
  summary.hidden = errors.length === 0;
  if (!errors.length) return;
  const heading = document.createElement('h2');
  heading.textContent = copyFor(lang).client.errorSummary(errors.length);
  const list = document.createElement('ul');
  for (const error of errors) {
    const item = document.createElement('li');
    const target = focusTargetId(form, error.field);
    if (target) {
      const link = document.createElement('a');
      link.href = `#${target}`;
      link.textContent = error.message;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      });
      item.append(link);
    } else item.textContent = error.message;
    list.append(item);
  }
  summary.append(heading, list);
  summary.focus();
}

/**
 * Wires live validation to a form. `submit` runs with the parsed body when the
 * schema accepts it, and may return server errors to show the same way.
 */
export function validateAsYouType<S extends z.ZodType>(options: {
  form: HTMLFormElement;
  summary: HTMLElement;
  schema: S;
  toBody: (form: HTMLFormElement) => Body;
  lang: UiLanguage;
  /** The form's own names of fields in error sentences, by path (read at every check, so they may change). */
  labels?: Readonly<Record<string, string>>;
  submit: (body: Body) => Promise<FieldError[] | void>;
}): { reset(): void } {
  const { form, summary, schema, toBody, lang } = options;
  const touched = new Set<string>();
  let submitted = false;
  const check = (): FieldError[] => {
    const result = schema.safeParse(toBody(form));
    return result.success ? [] : fieldErrorsOf(form, result.error.issues as unknown as IssueLike[], lang, options.labels);
  };
  const refresh = () => showFieldErrors(form, check(), (field) => submitted || touched.has(field));
  const touch = (event: Event) => {
    const wrapper = (event.target as HTMLElement).closest<HTMLElement>('[data-field]');
    if (wrapper) touched.add(wrapper.dataset.field as string);
    refresh();
  };
  form.addEventListener('input', touch);
  form.addEventListener('change', touch);
  form.addEventListener('focusout', touch);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submitted = true;
    const errors = check();
    showFieldErrors(form, errors, () => true);
    showErrorSummary(form, summary, errors, lang);
    if (errors.length) return;
    const serverErrors = (await options.submit(toBody(form))) ?? [];
    showFieldErrors(form, serverErrors, () => true);
    showErrorSummary(form, summary, serverErrors, lang);
  });
  return {
    reset: () => {
      touched.clear();
      submitted = false;
      showFieldErrors(form, [], () => false);
      summary.hidden = true;
    },
  };
}
