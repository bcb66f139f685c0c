import { DISCIPLINE_LABELS, FORMAT_LABELS, LANGUAGES, type Language } from '@koppel/contracts';
import type { PortalCopy } from '../../copy';

/** A select's or checkbox group's options: [value sent, label shown]. The value never depends on the page language. */
export type Choices = [string, string][];

export type GradeLevel = 'kindergarten' | 'primary' | 'secondary' | 'netherlands';

/**
 * Grades a teacher picks instead of ages. The value is the Dutch word intake
 * turns into ages with the matching taxonomy (Flemish kleuterklas/leerjaar/
 * secundair, Dutch groepen), whatever language the page is in; only the label
 * is translated, so a French page sends exactly what a Dutch one does.
 */
const GRADES: { value: string; level: GradeLevel; year: number }[] = [
  ...['1ste', '2de', '3de'].map((o, i) => ({ value: `${o} kleuterklas`, level: 'kindergarten' as const, year: i + 1 })),
  ...['1ste', '2de', '3de', '4de', '5de', '6de'].map((o, i) => ({ value: `${o} leerjaar`, level: 'primary' as const, year: i + 1 })),
  ...['1ste', '2de', '3de', '4de', '5de', '6de'].map((o, i) => ({
    value: `${o} jaar secundair`,
    level: 'secondary' as const,
    year: i + 1,
  })),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((g) => ({ value: `groep ${g}`, level: 'netherlands' as const, year: g })),
];

export const gradeChoices = (copy: PortalCopy): Choices => GRADES.map((g) => [g.value, copy.choices.grade(g.level, g.year)]);

/** A grade as written in a listing, in the page language when it is one of the form's; else as written. */
export function gradeLabelOf(value: string, copy: PortalCopy): string {
  const grade = GRADES.find((g) => g.value === value.trim().toLowerCase());
  return grade ? copy.choices.grade(grade.level, grade.year) : value;
}

/** Discipline and format labels are the contract's (shared with the console and mails); the value sent is the code. */
export const disciplineChoices = (lang: Language): Choices => Object.entries(DISCIPLINE_LABELS[lang]);
export const formatChoices = (lang: Language): Choices => Object.entries(FORMAT_LABELS[lang]);

export const languageChoices = (copy: PortalCopy): Choices => LANGUAGES.map((l) => [l, copy.choices.languages[l]]);
export const countryChoices = (copy: PortalCopy): Choices => Object.entries(copy.choices.countries);
export const reachChoices = (copy: PortalCopy): Choices => Object.entries(copy.choices.reach);
