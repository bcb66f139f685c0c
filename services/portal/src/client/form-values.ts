/// <reference lib="dom" />
/**
 * A form's fields → the JSON body the API takes. Field names are the body's
 * dotted paths (`location.postcode`), so an issue's path leads back to its
 * field. Empty fields become `undefined` (zod then says "required" in the
 * words of issue-messages.ts); checkbox groups marked `data-multi` become arrays.
 */
export type Body = Record<string, unknown>;

function setPath(target: Body, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Body;
  }
  node[path[path.length - 1]] = value;
}

export function bodyFromForm(form: HTMLFormElement): Body {
  const body: Body = {};
  const multi = new Map<string, string[]>();
  for (const element of Array.from(form.elements)) {
    const field = element as HTMLInputElement;
    if (!field.name || field.disabled || field.type === 'submit' || field.dataset.ignore !== undefined) continue;
    if (field.type === 'checkbox' && field.dataset.multi !== undefined) {
      const list = multi.get(field.name) ?? [];
      if (field.checked) list.push(field.value);
      multi.set(field.name, list);
      continue;
    }
    const raw = field.value.trim();
    let value: unknown;
    if (field.type === 'number') value = raw === '' ? undefined : Number(raw);
    else value = raw === '' && field.dataset.keepEmpty === undefined ? undefined : raw;
    if (value !== undefined) setPath(body, field.name.split('.'), value);
  }
  for (const [name, list] of multi) setPath(body, name.split('.'), list);
  return body;
}

/** The offer body for the offer form (the provider comes from the session token). */
export function offerBodyFromForm(form: HTMLFormElement): Body {
  return bodyFromForm(form);
}

/** The request body for the request form: the school's own place is used unless a postcode is given. */
export function requestBodyFromForm(form: HTMLFormElement): Body {
  const body = bodyFromForm(form);
  const school = body.school as Body | undefined;
  if (!school?.postcode) delete body.school;
  return body;
}

/** Fills a form from a listing (the edit flow): the reverse of bodyFromForm for the fields the form has. */
export function fillForm(form: HTMLFormElement, listing: Body): void {
  const valueAt = (path: string): unknown =>
    path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Body)[key] : undefined), listing);
  for (const element of Array.from(form.elements)) {
    const field = element as HTMLInputElement;
    if (!field.name) continue;
    const value = valueAt(field.name);
    if (field.type === 'checkbox' && field.dataset.multi !== undefined) field.checked = Array.isArray(value) && value.includes(field.value);
    else if (field.type !== 'submit') field.value = value === undefined || value === null ? '' : String(value);
  }
}
