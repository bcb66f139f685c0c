import { DISCIPLINE_LABELS, FORMAT_LABELS } from '@koppel/contracts';

/** Dutch labels for the contract's codes (shared with the console and mails); the value sent is always the code. */
export const DISCIPLINE_CHOICE_LABELS = DISCIPLINE_LABELS.nl;
export const FORMAT_CHOICE_LABELS = FORMAT_LABELS.nl;

/**
 * Grades a teacher picks instead of ages; intake turns the words into ages
 * with the matching taxonomy (Flemish kleuterklas/leerjaar/secundair, Dutch groepen).
 */
export const GRADE_CHOICES: [string, string][] = [
  ...['1ste', '2de', '3de'].map((o): [string, string] => [`${o} kleuterklas`, `${o} kleuterklas`]),
  ...['1ste', '2de', '3de', '4de', '5de', '6de'].map((o): [string, string] => [`${o} leerjaar`, `${o} leerjaar`]),
  ...['1ste', '2de', '3de', '4de', '5de', '6de'].map((o): [string, string] => [`${o} jaar secundair`, `${o} jaar secundair`]),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((g): [string, string] => [`groep ${g}`, `groep ${g} (NL)`]),
];

export const LANGUAGE_CHOICES: [string, string][] = [['nl', 'Nederlands'], ['fr', 'Frans'], ['en', 'Engels']];
export const COUNTRY_CHOICES: [string, string][] = [['BE', 'België'], ['NL', 'Nederland']];
export const REACH_CHOICES: [string, string][] = [['on_site', 'Bij ons'], ['at_school', 'Op school'], ['both', 'Bij ons of op school'], ['online', 'Online']];
