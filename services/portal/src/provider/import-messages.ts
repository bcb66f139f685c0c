import type { Language } from '@koppel/contracts';
import { fieldLabel } from '../client/issue-messages';

/**
 * An offer import's problems (intake's `{line, field, message, column?}`) in words a
 * provider understands, in the page language. `field` is a dot path in the offer body
 * (`audience.ageMax`, `availability.0.to`) or `(row)`, `(header)`, `(file)`; `message`
 * is intake's English sentence for developers. Known messages get a sentence of their
 * own; any other is shown as intake wrote it, marked as English.
 *
 * Pure: bundled into the browser script and unit-tested in node.
 */

type Sentences = Record<Language, string>;

/** The fields the offer form does not have (its labels come from issue-messages.ts), and the file's own parts. */
const IMPORT_LABELS: Record<string, Sentences> = {
  '(row)': { nl: 'De hele regel', fr: 'La ligne entière', en: 'The whole line' },
  '(header)': { nl: 'De kopregel', fr: 'La ligne d’en-tête', en: 'The header row' },
  '(file)': { nl: 'Het bestand', fr: 'Le fichier', en: 'The file' },
  id: { nl: 'Uw code voor het aanbod (id)', fr: 'Votre code pour l’activité (id)', en: 'Your code for the offer (id)' },
  reach: { nl: 'Waar het doorgaat', fr: 'Où cela se passe', en: 'Where it takes place' },
  'location.lat': { nl: 'Breedtegraad', fr: 'Latitude', en: 'Latitude' },
  'location.lon': { nl: 'Lengtegraad', fr: 'Longitude', en: 'Longitude' },
  location: { nl: 'Plaats', fr: 'Lieu', en: 'Place' },
  groupSize: { nl: 'Groepsgrootte', fr: 'Taille du groupe', en: 'Group size' },
  inclusion: { nl: 'Inclusie', fr: 'Inclusion', en: 'Inclusion' },
  'inclusion.freeOrSocialTariff': { nl: 'Sociaal tarief', fr: 'Tarif social', en: 'Social tariff' },
  'inclusion.newcomerClasses': { nl: 'Onthaalklassen (OKAN, ISK)', fr: 'Classes DASPA', en: 'Newcomer classes' },
  'inclusion.specialNeeds': { nl: 'Buitengewoon onderwijs', fr: 'Enseignement spécialisé', en: 'Special needs education' },
  'inclusion.wheelchairAccess': { nl: 'Rolstoeltoegankelijk', fr: 'Accessible en fauteuil roulant', en: 'Wheelchair access' },
  'inclusion.languageSupport': { nl: 'Taalondersteuning', fr: 'Soutien linguistique', en: 'Language support' },
  availability: { nl: 'Wanneer (periodes)', fr: 'Quand (périodes)', en: 'When (periods)' },
  'availability.from': { nl: 'Begin van een periode', fr: 'Début d’une période', en: 'Start of a period' },
  'availability.to': { nl: 'Einde van een periode', fr: 'Fin d’une période', en: 'End of a period' },
  provider: { nl: 'Aanbieder', fr: 'Opérateur', en: 'Provider' },
  'provider.id': { nl: 'Code van de aanbieder', fr: 'Code de l’opérateur', en: 'Provider’s code' },
  'provider.name': { nl: 'Naam van de aanbieder', fr: 'Nom de l’opérateur', en: 'Provider’s name' },
  'provider.email': { nl: 'E-mailadres van de aanbieder', fr: 'Adresse e-mail de l’opérateur', en: 'Provider’s email address' },
  'provider.language': { nl: 'Taal van de aanbieder', fr: 'Langue de l’opérateur', en: 'Provider’s language' },
};

/** The field paths the form's labels (issue-messages.ts) know: used as they are. */
const FORM_FIELDS = new Set([
  'title',
  'description',
  'language',
  'disciplines',
  'format',
  'grades',
  'audience',
  'audience.ageMin',
  'audience.ageMax',
  'location.postcode',
  'location.municipality',
  'location.country',
  'reach.mode',
  'reach.maxTravelKm',
  'groupSize.min',
  'groupSize.max',
  'pricePerPupil',
]);

const ORDINAL: Record<Language, (n: number) => string> = {
  nl: (n) => `nr. ${n}`,
  fr: (n) => `n° ${n}`,
  en: (n) => `no. ${n}`,
};

/**
 * A field path as a person reads it: `audience.ageMax` → "Oudste leeftijd",
 * `availability.1.to` → "Einde van een periode (nr. 2)", `(row)` → "De hele regel".
 * A path koppel does not know stays as it is.
 */
export function readableFieldName(field: string, lang: Language): string {
  const parts = field.split('.');
  const indexes = parts.filter((p) => /^\d+$/.test(p)).map((p) => Number(p) + 1);
  const key = parts.filter((p) => !/^\d+$/.test(p)).join('.');
  const label = IMPORT_LABELS[key]?.[lang] ?? (FORM_FIELDS.has(key) ? fieldLabel(key.split('.'), lang) : undefined);
  if (!label) return field;
  return indexes.length ? `${label} (${indexes.map(ORDINAL[lang]).join(', ')})` : label;
}

/** A known message of intake: its English pattern, and the sentence per language (given the pattern's groups). */
const MESSAGES: { pattern: RegExp; say: Record<Language, (...groups: string[]) => string> }[] = [
  {
    pattern: /^required/,
    say: {
      nl: () => 'Verplicht, maar niet ingevuld.',
      fr: () => 'Obligatoire, mais pas rempli.',
      en: () => 'Required, but not filled in.',
    },
  },
  {
    pattern: /^ageMin must not exceed ageMax$/,
    say: {
      nl: () => 'De oudste leeftijd mag niet lager zijn dan de jongste.',
      fr: () => 'L’âge maximum ne peut pas être inférieur à l’âge minimum.',
      en: () => 'The oldest age cannot be below the youngest.',
    },
  },
  {
    pattern: /^min must not exceed max$/,
    say: {
      nl: () => 'De grootste groep mag niet kleiner zijn dan de kleinste.',
      fr: () => 'Le groupe maximum ne peut pas être plus petit que le minimum.',
      en: () => 'The largest group cannot be smaller than the smallest.',
    },
  },
  {
    pattern: /^give audience ages or grades$/,
    say: {
      nl: () => 'Geef leerjaren (grades) of de leeftijden (ageMin en ageMax).',
      fr: () => 'Indiquez des années (grades) ou les âges (ageMin et ageMax).',
      en: () => 'Give grades, or the ages (ageMin and ageMax).',
    },
  },
  {
    pattern: /^must be a whole number, not '(.*)'$/,
    say: {
      nl: (v) => `Moet een geheel getal zijn, niet "${v}".`,
      fr: (v) => `Doit être un nombre entier, pas « ${v} ».`,
      en: (v) => `Must be a whole number, not "${v}".`,
    },
  },
  {
    pattern: /^must be a number \(like 4\.5 or 4,5\), not '(.*)'$/,
    say: {
      nl: (v) => `Moet een getal zijn (zoals 4,5), niet "${v}".`,
      fr: (v) => `Doit être un nombre (comme 4,5), pas « ${v} ».`,
      en: (v) => `Must be a number (like 4.5), not "${v}".`,
    },
  },
  {
    pattern: /^must be yes or no .*, not '(.*)'$/,
    say: {
      nl: (v) => `Moet ja of nee zijn, niet "${v}".`,
      fr: (v) => `Doit être oui ou non, pas « ${v} ».`,
      en: (v) => `Must be yes or no, not "${v}".`,
    },
  },
  {
    pattern: /^'(.*)' is not a period/,
    say: {
      nl: (v) => `"${v}" is geen periode: schrijf van/tot, zoals 2027-01-10/2027-03-31.`,
      fr: (v) => `« ${v} » n’est pas une période : écrivez du/au, comme 2027-01-10/2027-03-31.`,
      en: (v) => `"${v}" is not a period: write from/to, like 2027-01-10/2027-03-31.`,
    },
  },
  {
    pattern: /^no grade recognised/,
    say: {
      nl: () => 'Geen leerjaar herkend (zoals "3de leerjaar" of "groep 5"); geef anders de leeftijden.',
      fr: () => 'Aucune année reconnue (comme « 3de leerjaar » ou « groep 5 ») ; indiquez sinon les âges.',
      en: () => 'No grade recognised (like "3de leerjaar" or "groep 5"); give the ages instead.',
    },
  },
  {
    pattern: /^unknown postcode/,
    say: {
      nl: () => 'Deze postcode kennen we niet. Controleer hem, of geef breedte- en lengtegraad.',
      fr: () => 'Nous ne connaissons pas ce code postal. Vérifiez-le, ou indiquez latitude et longitude.',
      en: () => 'We do not know this postcode. Check it, or give latitude and longitude.',
    },
  },
  {
    pattern: /^unknown municipality/,
    say: {
      nl: () => 'Deze gemeente kennen we niet. Controleer de schrijfwijze, of geef een postcode.',
      fr: () => 'Nous ne connaissons pas cette commune. Vérifiez l’orthographe, ou indiquez un code postal.',
      en: () => 'We do not know this municipality. Check the spelling, or give a postcode.',
    },
  },
  {
    pattern: /^the same id as on line (\d+)/,
    say: {
      nl: (line) => `Dezelfde id als op regel ${line}: elk aanbod één keer per bestand.`,
      fr: (line) => `Le même identifiant qu’à la ligne ${line} : chaque activité une seule fois par fichier.`,
      en: (line) => `The same id as on line ${line}: each offer once per file.`,
    },
  },
  {
    pattern: /another organisation's offer/,
    say: {
      nl: () => 'Deze id is van het aanbod van een andere organisatie: kies een andere.',
      fr: () => 'Cet identifiant est celui d’une activité d’une autre organisation : choisissez-en un autre.',
      en: () => 'This id belongs to another organisation’s offer: choose another.',
    },
  },
  {
    pattern: /was withdrawn and can no longer change/,
    say: {
      nl: () => 'Dit aanbod is ingetrokken en kan niet meer veranderen: laat de regel weg, of geef hem een nieuwe id.',
      fr: () => 'Cette activité a été retirée et ne peut plus changer : retirez la ligne, ou donnez-lui un nouvel identifiant.',
      en: () => 'This offer was withdrawn and can no longer change: leave the line out, or give it a new id.',
    },
  },
  {
    pattern: /^unknown column '(.*)'/,
    say: {
      nl: (name) => `Onbekende kolom "${name}". De kolommen staan in de uitleg hierboven.`,
      fr: (name) => `Colonne inconnue « ${name} ». Les colonnes sont expliquées ci-dessus.`,
      en: (name) => `Unknown column "${name}". The columns are explained above.`,
    },
  },
  {
    pattern: /^the column '(.*)' appears twice/,
    say: {
      nl: (name) => `De kolom "${name}" staat er twee keer.`,
      fr: (name) => `La colonne « ${name} » apparaît deux fois.`,
      en: (name) => `The column "${name}" appears twice.`,
    },
  },
  {
    pattern: /^the column 'id' is missing/,
    say: {
      nl: () => 'De kolom "id" ontbreekt: elke regel heeft uw eigen code voor het aanbod nodig.',
      fr: () => 'La colonne « id » manque : chaque ligne a besoin de votre propre code pour l’activité.',
      en: () => 'The column "id" is missing: each line needs your own code for the offer.',
    },
  },
  {
    pattern: /not UTF-8/,
    say: {
      nl: () => 'Bevat tekens die geen UTF-8 zijn: bewaar het bestand als "CSV UTF-8".',
      fr: () => 'Contient des caractères qui ne sont pas en UTF-8 : enregistrez le fichier en « CSV UTF-8 ».',
      en: () => 'Holds characters that are not UTF-8: save the file as "CSV UTF-8".',
    },
  },
  {
    pattern: /^the file is empty|^the file holds no offers|^the file has a header row but no offers/,
    say: {
      nl: () => 'Het bestand bevat geen aanbod: een kopregel en dan één regel per aanbod.',
      fr: () => 'Le fichier ne contient aucune activité : une ligne d’en-tête puis une ligne par activité.',
      en: () => 'The file holds no offers: a header row, then one line per offer.',
    },
  },
  {
    pattern: /^Invalid option/,
    say: {
      nl: () => 'Deze waarde kennen we niet; de mogelijke waarden staan in de uitleg per kolom.',
      fr: () => 'Valeur inconnue ; les valeurs possibles figurent dans l’explication des colonnes.',
      en: () => 'Unknown value; the possible values are in the explanation of the columns.',
    },
  },
];

/** An import problem's message in the page language; `lang` says which language the text is in (intake's own is English). */
export function importMessage(message: string, lang: Language): { text: string; lang: Language } {
  for (const known of MESSAGES) {
    const found = known.pattern.exec(message);
    if (found) return { text: known.say[lang](...found.slice(1)), lang };
  }
  return { text: message, lang: 'en' };
}
