import type { PortalCopy } from '../copy';
import { SIGN_UP_FIELDS, type SignUpField, signUpFieldOf } from './form';

/** An error as the form shows it: the field (its `data-field`, '' for the form as a whole) and the sentence. */
export interface SignUpError {
  field: SignUpField | '';
  message: string;
}

/** What the visitor reads as a field's name in an error: the label on the page. */
export function signUpLabels(copy: PortalCopy): Record<SignUpField, string> {
  const t = copy.signUp.form;
  return {
    type: t.type,
    name: t.name,
    schoolLevels: t.schoolLevels,
    memberOf: t.memberOf,
    'place.postcode': copy.provider.postcode,
    'place.municipality': t.municipality,
    'place.country': t.country,
    'contact.name': t.contactName,
    'contact.email': t.email,
    'contact.language': t.language,
  };
}

/** The umbrella id an error names: from the body sent (`memberOf.<i>`), else from intake's English sentence. */
function umbrellaIdOf(path: string, message: string, sent: Record<string, unknown> | undefined): string {
  const index = Number(path.split('.')[1]);
  const ids = Array.isArray(sent?.memberOf) ? (sent.memberOf as unknown[]) : [];
  const fromBody = Number.isInteger(index) ? ids[index] : undefined;
  if (typeof fromBody === 'string') return fromBody;
  return /has the id (\S+)/.exec(message)?.[1] ?? '';
}

/** One of intake's errors (`{path, message}`, English for developers) as a sentence in the page's language. */
function sentenceOf(error: { path: string; message: string }, field: SignUpField | '', copy: PortalCopy, sent?: Record<string, unknown>) {
  const t = copy.signUp.form.errors;
  const { path, message } = error;
  if (field === 'place.postcode' || field === 'place.municipality') {
    if (/^unknown (postcode|municipality)/.test(message)) return t.unknownPlace;
    if (/postcode is not in the gazetteer/.test(message)) return t.municipalityNeeded;
    if (/no postcode known/.test(message)) return t.postcodeNeeded;
  }
  if (field === 'memberOf') {
    if (/no other organisation has the id/.test(message)) return t.unknownUmbrella(umbrellaIdOf(path, message, sent));
    if (/school board or a cultural hub/.test(message)) return t.notAnUmbrella(umbrellaIdOf(path, message, sent));
  }
  if (field === 'contact.email') return t.invalidEmail;
  if (field === 'schoolLevels' && /only a school/.test(message)) return t.schoolLevels;
  const label = field ? signUpLabels(copy)[field] : (path.split('.').pop() ?? path);
  return t.check(label);
}

/**
 * Intake's 400 on a sign-up (`errors: [{path, message}]` of its problem document) as the
 * form shows it: each error at the field its path belongs to (`contact.email` → the email
 * field, `place` → the postcode, `memberOf.1` → the umbrella field), one per field, in the
 * form's order, told in the page's language. `sent` is the body that was sent (it names
 * the umbrella ids).
 */
export function signUpErrorsOf(
  errors: readonly { path: string; message: string }[],
  copy: PortalCopy,
  sent?: Record<string, unknown>,
): SignUpError[] {
  const byField = new Map<SignUpField | '', string>();
  for (const error of errors) {
    const field = signUpFieldOf(error.path);
    if (!byField.has(field)) byField.set(field, sentenceOf(error, field, copy, sent));
  }
  const order = (field: SignUpField | '') => (field === '' ? SIGN_UP_FIELDS.length : SIGN_UP_FIELDS.indexOf(field));
  return [...byField.entries()].map(([field, message]) => ({ field, message })).sort((a, b) => order(a.field) - order(b.field));
}
