import { asksForLeisureTime, ORGANISATION_TYPES, type OrganisationType, RequestInputSchema } from '@koppel/contracts';
import { z } from 'zod';
import type { PortalCopy } from '../copy';

/**
 * The request form's words (issue #13): a school asks by grades for its classes; a
 * requester that is not a school (childcare, a playgroup, after-school care, an IKC,
 * youth work, a sports club, welfare, a neighbourhood organisation) asks by ages for a
 * group, in its free time. The page is served with the school's words; the script
 * switches once it knows the organisation's type. Pure: shared by the page, the script
 * and the unit tests.
 */
export type RequestWording = 'school' | 'leisure';

/** The words an organisation of this type reads; anything unknown (or not yet known) reads the school's. */
export function requestWordingOf(type: string | undefined): RequestWording {
  if (!type || !(ORGANISATION_TYPES as readonly string[]).includes(type)) return 'school';
  return asksForLeisureTime(type as OrganisationType) ? 'leisure' : 'school';
}

/** The texts of the request form that differ between the two, by what they are on the page. */
export interface RequestFormTexts {
  /** The hint under "Wat zoekt u?" (`#f-title-hint`). */
  whatHint: string;
  /** The description's hint (`#f-description-hint`). */
  descriptionHint: string;
  /** The label of the number of pupils or participants (`label[for=f-pupils-count]`). */
  pupils: string;
  /** The label of the budget per pupil or participant (`label[for=f-budgetPerPupil]`). */
  budgetPerPupil: string;
  /** The postcode's hint (`#f-school-postcode-hint`). */
  postcodeHint: string;
}

export function requestFormTexts(copy: PortalCopy, wording: RequestWording): RequestFormTexts {
  const school = copy.school;
  const leisure = copy.signUp.leisure;
  const t = wording === 'leisure' ? leisure : school;
  return {
    whatHint: t.whatHint,
    descriptionHint: t.descriptionHint,
    pupils: t.pupils,
    budgetPerPupil: t.budgetPerPupil,
    postcodeHint: t.postcodeHint,
  };
}

/**
 * Field names for the sentences of validation errors (client/issue-messages.ts) where
 * the wording differs from the school's: "Vul aantal deelnemers in." Empty for schools
 * (issue-messages' own labels are the school's).
 */
export function requestIssueLabels(copy: PortalCopy, wording: RequestWording): Record<string, string> {
  if (wording === 'school') return {};
  const t = copy.signUp.leisure;
  return { 'pupils.count': t.pupils, budgetPerPupil: t.budgetPerPupil, 'pupils.ageMin': t.ageMin, 'pupils.ageMax': t.ageMax };
}

/**
 * The request schema the form is checked with as one types: intake's own, and for a
 * leisure-time requester the ages are required instead of "a grade or the ages" (its
 * form has no grades), each missing age reported at its own field. `wording` is asked at
 * every check, so the form can switch once the organisation's type is known.
 */
export function requestSchemaFor(wording: () => RequestWording) {
  return z.unknown().superRefine((body, ctx) => {
    const result = RequestInputSchema.safeParse(body);
    const leisure = wording() === 'leisure';
    const issues = result.success ? [] : result.error.issues;
    const reported = new Set(issues.map((issue) => issue.path.join('.')));
    for (const issue of issues) {
      // "A grade or the ages", or no group at all: said below, field by field.
      if (leisure && issue.path.length === 1 && issue.path[0] === 'pupils') continue;
      ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
    }
    if (!leisure) return;
    // The group's numbers, each missing one at its own field (zod checks the ages' pair only once the rest is right).
    const pupils = (body as { pupils?: Record<string, unknown> } | undefined)?.pupils;
    for (const key of ['count', 'ageMin', 'ageMax'] as const)
      if (pupils?.[key] === undefined && !reported.has(`pupils.${key}`))
        ctx.addIssue({ code: 'invalid_type', expected: 'number', input: undefined, path: ['pupils', key], message: 'received undefined' });
  });
}
