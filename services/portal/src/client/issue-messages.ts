/**
 * Zod issues → sentences a teacher or a theatre's planner understands, in
 * Dutch first (French, English). zod's own messages are English and name
 * schema paths ("Too small: expected number to be >=1"); here the path says
 * which field (its label) and the code says what is wrong with it.
 *
 * Pure: bundled into the browser script and unit-tested in node.
 */
export type UiLanguage = 'nl' | 'fr' | 'en';

/** The parts of a zod v4 issue this needs (kept structural, so no zod import is needed to call it). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
  input?: unknown;
  keys?: readonly string[];
}

type Sentences = Record<UiLanguage, string>;

/** Field labels by dotted path (numeric indexes dropped): what the form shows next to the field. */
const LABELS: Record<string, Sentences> = {
  title: { nl: 'Titel', fr: 'Titre', en: 'Title' },
  description: { nl: 'Beschrijving', fr: 'Description', en: 'Description' },
  language: { nl: 'Taal', fr: 'Langue', en: 'Language' },
  disciplines: { nl: 'Disciplines', fr: 'Disciplines', en: 'Disciplines' },
  format: { nl: 'Vorm', fr: 'Format', en: 'Format' },
  grades: { nl: 'Leerjaren', fr: 'Années scolaires', en: 'Grades' },
  audience: { nl: 'Leerjaren of leeftijden', fr: 'Années ou âges', en: 'Grades or ages' },
  'audience.ageMin': { nl: 'Jongste leeftijd', fr: 'Âge minimum', en: 'Youngest age' },
  'audience.ageMax': { nl: 'Oudste leeftijd', fr: 'Âge maximum', en: 'Oldest age' },
  'location.postcode': { nl: 'Postcode', fr: 'Code postal', en: 'Postcode' },
  'location.municipality': { nl: 'Gemeente', fr: 'Commune', en: 'Municipality' },
  'location.country': { nl: 'Land', fr: 'Pays', en: 'Country' },
  'reach.mode': { nl: 'Waar het doorgaat', fr: 'Où cela se passe', en: 'Where it takes place' },
  'reach.maxTravelKm': { nl: 'Hoe ver u zich verplaatst (km)', fr: 'Distance de déplacement (km)', en: 'How far you travel (km)' },
  'groupSize.min': { nl: 'Kleinste groep', fr: 'Groupe minimum', en: 'Smallest group' },
  'groupSize.max': { nl: 'Grootste groep', fr: 'Groupe maximum', en: 'Largest group' },
  pricePerPupil: { nl: 'Prijs per leerling (€)', fr: 'Prix par élève (€)', en: 'Price per pupil (€)' },
  pupils: { nl: 'Leerjaren of leeftijden', fr: 'Années ou âges', en: 'Grades or ages' },
  'pupils.count': { nl: 'Aantal leerlingen', fr: "Nombre d'élèves", en: 'Number of pupils' },
  'pupils.ageMin': { nl: 'Jongste leeftijd', fr: 'Âge minimum', en: 'Youngest age' },
  'pupils.ageMax': { nl: 'Oudste leeftijd', fr: 'Âge maximum', en: 'Oldest age' },
  maxTravelKm: { nl: 'Hoe ver u wilt reizen (km)', fr: 'Distance maximale (km)', en: 'How far you will travel (km)' },
  budgetPerPupil: { nl: 'Budget per leerling (€)', fr: 'Budget par élève (€)', en: 'Budget per pupil (€)' },
  'school.postcode': { nl: 'Postcode', fr: 'Code postal', en: 'Postcode' },
  'school.country': { nl: 'Land', fr: 'Pays', en: 'Country' },
  'school.municipality': { nl: 'Gemeente', fr: 'Commune', en: 'Municipality' },
  reason: { nl: 'Reden', fr: 'Raison', en: 'Reason' },
  email: { nl: 'E-mailadres', fr: 'Adresse e-mail', en: 'Email address' },
};

/**
 * The refinements (zod code `custom`) carry English developer messages; each
 * one is known by the path it reports on, so it gets its own sentence.
 */
const REFINEMENTS: Record<string, Sentences> = {
  audience: {
    nl: 'Kies minstens één leerjaar (of geef de leeftijden).',
    fr: 'Choisissez au moins une année (ou indiquez les âges).',
    en: 'Pick at least one grade (or give the ages).',
  },
  pupils: {
    nl: 'Kies minstens één leerjaar (of geef de leeftijden).',
    fr: 'Choisissez au moins une année (ou indiquez les âges).',
    en: 'Pick at least one grade (or give the ages).',
  },
  'location.postcode': {
    nl: 'Vul een postcode of een gemeente in.',
    fr: 'Indiquez un code postal ou une commune.',
    en: 'Enter a postcode or a municipality.',
  },
  'school.postcode': {
    nl: 'Vul een postcode of een gemeente in.',
    fr: 'Indiquez un code postal ou une commune.',
    en: 'Enter a postcode or a municipality.',
  },
  // An organisation's place on the sign-up form (issue #13).
  'place.postcode': {
    nl: 'Vul een postcode of een gemeente in.',
    fr: 'Indiquez un code postal ou une commune.',
    en: 'Enter a postcode or a municipality.',
  },
  'groupSize.max': {
    nl: 'De grootste groep mag niet kleiner zijn dan de kleinste.',
    fr: 'Le groupe maximum ne peut pas être plus petit que le minimum.',
    en: 'The largest group cannot be smaller than the smallest.',
  },
  ageMax: {
    nl: 'De oudste leeftijd mag niet lager zijn dan de jongste.',
    fr: "L'âge maximum ne peut pas être inférieur à l'âge minimum.",
    en: 'The oldest age cannot be below the youngest.',
  },
  to: {
    nl: 'De einddatum mag niet vóór de begindatum liggen.',
    fr: 'La date de fin ne peut pas précéder la date de début.',
    en: 'The end date cannot be before the start date.',
  },
  lon: {
    nl: 'Geef breedte- en lengtegraad samen.',
    fr: 'Indiquez latitude et longitude ensemble.',
    en: 'Give latitude and longitude together.',
  },
};

/** `['groupSize', 'max']` → `'groupSize.max'`; array indexes are dropped (`availability.0.to` → `availability.to`). */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.filter((p) => typeof p === 'string').join('.');
}

/**
 * The label of the field at `path`, or the last path segment when the form has no such field.
 * `labels` (by dotted path, in the page's language) win: a form's own labels, or its words of the moment.
 */
export function fieldLabel(path: readonly PropertyKey[], lang: UiLanguage, labels?: Readonly<Record<string, string>>): string {
  const key = pathKey(path);
  return (
    labels?.[key] ?? LABELS[key]?.[lang] ?? (key.split('.').pop() || (lang === 'fr' ? 'Formulaire' : lang === 'en' ? 'Form' : 'Formulier'))
  );
}

function refinementFor(key: string): Sentences | undefined {
  return REFINEMENTS[key] ?? REFINEMENTS[key.split('.').pop() ?? ''];
}

const n = (value: number | bigint | undefined): string => String(value ?? '');

/** One human sentence for one zod issue (`labels`: see fieldLabel). */
export function issueMessage(issue: IssueLike, lang: UiLanguage = 'nl', labels?: Readonly<Record<string, string>>): string {
  const key = pathKey(issue.path);
  const label = fieldLabel(issue.path, lang, labels);
  const t = (s: Sentences) => s[lang];
  switch (issue.code) {
    case 'custom': {
      const known = refinementFor(key);
      return known
        ? t(known)
        : t({ nl: `${label}: controleer dit veld.`, fr: `${label} : vérifiez ce champ.`, en: `${label}: please check this field.` });
    }
    case 'invalid_type':
      // An empty form field becomes `undefined` (see form-values.ts), so "received undefined" means "not filled in".
      if (('input' in issue && issue.input === undefined) || /received undefined/.test(issue.message ?? ''))
        return t({
          nl: `Vul ${label.toLowerCase()} in.`,
          fr: `Indiquez : ${label.toLowerCase()}.`,
          en: `Enter the ${label.toLowerCase()}.`,
        });
      if (issue.expected === 'int')
        return t({
          nl: `${label} moet een geheel getal zijn.`,
          fr: `${label} doit être un nombre entier.`,
          en: `${label} must be a whole number.`,
        });
      if (issue.expected === 'number')
        return t({ nl: `${label} moet een getal zijn.`, fr: `${label} doit être un nombre.`, en: `${label} must be a number.` });
      return t({
        nl: `${label} heeft niet de juiste vorm.`,
        fr: `${label} n'a pas la bonne forme.`,
        en: `${label} is not in the right form.`,
      });
    case 'too_small':
      if (issue.origin === 'string')
        return t({
          nl: `Vul ${label.toLowerCase()} in.`,
          fr: `Indiquez : ${label.toLowerCase()}.`,
          en: `Enter the ${label.toLowerCase()}.`,
        });
      if (issue.origin === 'array')
        return t({
          nl: `Kies minstens ${n(issue.minimum)} bij ${label.toLowerCase()}.`,
          fr: `Choisissez au moins ${n(issue.minimum)} : ${label.toLowerCase()}.`,
          en: `Pick at least ${n(issue.minimum)} ${label.toLowerCase()}.`,
        });
      return t({
        nl: `${label} moet minstens ${n(issue.minimum)} zijn.`,
        fr: `${label} doit être au moins ${n(issue.minimum)}.`,
        en: `${label} must be at least ${n(issue.minimum)}.`,
      });
    case 'too_big':
      if (issue.origin === 'string')
        return t({
          nl: `${label} mag hoogstens ${n(issue.maximum)} tekens lang zijn.`,
          fr: `${label} : ${n(issue.maximum)} caractères au maximum.`,
          en: `${label} can be at most ${n(issue.maximum)} characters.`,
        });
      if (issue.origin === 'array')
        return t({
          nl: `Kies hoogstens ${n(issue.maximum)} bij ${label.toLowerCase()}.`,
          fr: `Choisissez au plus ${n(issue.maximum)} : ${label.toLowerCase()}.`,
          en: `Pick at most ${n(issue.maximum)} ${label.toLowerCase()}.`,
        });
      return t({
        nl: `${label} mag hoogstens ${n(issue.maximum)} zijn.`,
        fr: `${label} doit être au plus ${n(issue.maximum)}.`,
        en: `${label} must be at most ${n(issue.maximum)}.`,
      });
    case 'not_multiple_of':
      return t({
        nl: `${label} moet een geheel getal zijn.`,
        fr: `${label} doit être un nombre entier.`,
        en: `${label} must be a whole number.`,
      });
    case 'invalid_format':
      if (issue.format === 'email')
        return t({
          nl: 'Vul een geldig e-mailadres in, zoals naam@school.be.',
          fr: 'Indiquez une adresse e-mail valide, comme nom@ecole.be.',
          en: 'Enter a valid email address, like name@school.org.',
        });
      if (issue.format === 'date')
        return t({
          nl: `${label}: gebruik een datum als 2025-03-14.`,
          fr: `${label} : utilisez une date comme 2025-03-14.`,
          en: `${label}: use a date like 2025-03-14.`,
        });
      if (issue.format === 'regex')
        return t({
          nl: `${label} bevat tekens die niet mogen.`,
          fr: `${label} contient des caractères non autorisés.`,
          en: `${label} contains characters that are not allowed.`,
        });
      return t({
        nl: `${label} heeft niet de juiste vorm.`,
        fr: `${label} n'a pas la bonne forme.`,
        en: `${label} is not in the right form.`,
      });
    case 'invalid_value':
    case 'invalid_union':
      return t({
        nl: `Kies een van de mogelijkheden bij ${label.toLowerCase()}.`,
        fr: `Choisissez une des options : ${label.toLowerCase()}.`,
        en: `Pick one of the options for ${label.toLowerCase()}.`,
      });
    case 'unrecognized_keys':
      return t({
        nl: `Onbekend veld: ${(issue.keys ?? []).join(', ')}.`,
        fr: `Champ inconnu : ${(issue.keys ?? []).join(', ')}.`,
        en: `Unknown field: ${(issue.keys ?? []).join(', ')}.`,
      });
    default:
      return t({ nl: `${label}: controleer dit veld.`, fr: `${label} : vérifiez ce champ.`, en: `${label}: please check this field.` });
  }
}

/** Issues grouped per field (dotted path) with one message each: the first issue of a field is the one to fix first. */
export function messagesByField(issues: readonly IssueLike[], lang: UiLanguage = 'nl'): Map<string, string> {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const key = pathKey(issue.path);
    if (!byField.has(key)) byField.set(key, issueMessage(issue, lang));
  }
  return byField;
}
