/// <reference lib="dom" />
import { OrganisationViewSchema } from '@koppel/contracts';
import type { PortalCopy } from '../copy';
import { type RequestWording, requestFormTexts, requestIssueLabels, requestSchemaFor, requestWordingOf } from '../leisure/wording';
import { callApi } from './api';
import type { Session } from './session';

/**
 * The request form on `/school` in the words of the signed-in requester (issue #13):
 * served with a school's (grades, pupils, the class), switched to ages, participants and
 * the group's free time once the organisation turns out to be childcare, youth work, a
 * sports club… (leisure/wording.ts). Labels and hints change, not just placeholders; the
 * grades are hidden and not sent, the ages shown and required.
 */
export interface RequestFormWording {
  /** The schema to check the form with as one types (asks the current wording each time). */
  schema: ReturnType<typeof requestSchemaFor>;
  /** Field names for error sentences; changed in place when the wording switches. */
  labels: Record<string, string>;
  /** Asks intake what the organisation is, and switches the words if it asks for leisure time. */
  learn(session: Session): Promise<void>;
  /** The ages of an offer asked for from the catalogue: the ages fields take them when empty. */
  offerAges(ages: { ageMin: number; ageMax: number } | undefined): void;
}

/** A label's own text, keeping what follows it (the "(niet verplicht)" of an optional field). */
function setLabel(form: HTMLFormElement, id: string, text: string): void {
  const label = form.querySelector<HTMLLabelElement>(`label[for="${id}"]`);
  if (!label) return;
  const first = label.firstChild;
  const rest = label.children.length ? ' ' : '';
  if (first && first.nodeType === Node.TEXT_NODE) first.textContent = `${text}${rest}`;
  else label.prepend(`${text}${rest}`);
}

function setText(id: string, text: string): void {
  const node = document.getElementById(id);
  if (node) node.textContent = text;
}

export function requestFormWording(env: { intake: string; copy: PortalCopy }, form: HTMLFormElement): RequestFormWording {
  let wording: RequestWording = 'school';
  let askedAges: { ageMin: number; ageMax: number } | undefined;
  const labels: Record<string, string> = {};
  const grades = form.querySelector<HTMLElement>('[data-field="grades"]');
  const ages = document.getElementById('leisure-ages');
  const ageInput = (name: 'ageMin' | 'ageMax') => form.elements.namedItem(`pupils.${name}`) as HTMLInputElement | null;

  const fillAges = () => {
    if (wording !== 'leisure' || !askedAges) return;
    for (const name of ['ageMin', 'ageMax'] as const) {
      const input = ageInput(name);
      if (input && input.value === '') input.value = String(askedAges[name]);
    }
  };

  const apply = (next: RequestWording) => {
    wording = next;
    const leisure = next === 'leisure';
    const texts = requestFormTexts(env.copy, next);
    setText('f-title-hint', texts.whatHint);
    setText('f-description-hint', texts.descriptionHint);
    setText('f-school-postcode-hint', texts.postcodeHint);
    setLabel(form, 'f-pupils-count', texts.pupils);
    setLabel(form, 'f-budgetPerPupil', texts.budgetPerPupil);
    // Grades out of sight and out of the body; the ages in both.
    if (grades) {
      grades.hidden = leisure;
      for (const box of Array.from(grades.querySelectorAll('input'))) box.disabled = leisure;
    }
    if (ages) {
      ages.hidden = !leisure;
      for (const input of Array.from(ages.querySelectorAll('input'))) input.disabled = !leisure;
    }
    document.getElementById('leisure-note')?.toggleAttribute('hidden', !leisure);
    // "Kiest u geen leerjaar…" under an asked-for offer speaks of grades this form does not have.
    document.querySelector('#asked-offer p.hint')?.toggleAttribute('hidden', leisure);
    for (const key of Object.keys(labels)) delete labels[key];
    Object.assign(labels, requestIssueLabels(env.copy, next));
    fillAges();
  };
  apply('school');

  return {
    schema: requestSchemaFor(() => wording),
    labels,
    async learn(session) {
      if (!session.organisationId) return;
      const result = await callApi(`${env.intake}/organisations/${encodeURIComponent(session.organisationId)}`, {
        token: session.token,
        schema: OrganisationViewSchema.partial(),
      });
      // Unknown (an error, an admin's session): the school's words stay.
      if (result.ok) apply(requestWordingOf(result.data.type));
    },
    offerAges(found) {
      askedAges = found;
      apply(wording);
    },
  };
}
