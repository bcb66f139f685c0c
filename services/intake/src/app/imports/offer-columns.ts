import { COUNTRIES, DISCIPLINES, FORMATS, LANGUAGES, type Language, REACH_MODES } from '@koppel/contracts';
import { type CsvSeparator, csvField } from './csv';

/**
 * The columns of an offer import in CSV: one row per offer, each column one field of
 * the API's offer body (OfferInputSchema) flattened to a cell. The same table makes the
 * downloadable template, the explanation the portal shows (GET /offers/imports/columns)
 * and the reading of an uploaded file, so the three cannot disagree.
 */

export type Localised = Record<Language, string>;

/** How a cell is read: text as is, codes (one or several), numbers, yes/no, lists and periods. */
export type ColumnType = 'text' | 'code' | 'codes' | 'number' | 'integer' | 'yes-no' | 'list' | 'periods';

export interface OfferColumn {
  /** The header of the column. */
  name: string;
  /** Where the value goes in the offer body (a dot path, as in error messages). */
  field: string;
  type: ColumnType;
  /** 'conditional': see `requiredWhen`. */
  required: 'yes' | 'no' | 'conditional';
  requiredWhen?: Localised;
  /** The codes a `code` or `codes` column takes. */
  values?: readonly string[];
  /** Codes are read in this case whatever the file says ('nl', 'BE'). */
  case?: 'lower' | 'upper';
  /** An example value (shown in the explanation). */
  example: string;
  /** What the template's example row holds, when not `example`. */
  templateValue?: string;
  meaning: Localised;
}

/** The separator of the values of one cell (disciplines, grades, availability periods). */
export const LIST_SEPARATOR = '|';

const ageWhen: Localised = {
  nl: 'als grades leeg is',
  fr: 'si grades est vide',
  en: 'when grades is empty',
};
const adminOnly: Localised = {
  nl: 'voor een beheerder (admin), die zo zegt namens welke aanbieder. Met het token van een aanbieder laat je providerId, providerName en providerEmail samen leeg (ze komen uit jullie organisatie) of vul je ze samen in',
  fr: "pour un administrateur, qui indique ainsi pour quel prestataire. Avec le jeton d'un prestataire, laissez providerId, providerName et providerEmail vides ensemble (ils viennent de votre organisation) ou remplissez-les ensemble",
  en: "for an admin, who says so for which provider. With a provider's token leave providerId, providerName and providerEmail empty together (they come from your organisation) or fill them in together",
};
const yesNo = (nl: string, fr: string, en: string): Pick<OfferColumn, 'type' | 'required' | 'meaning' | 'example'> => ({
  type: 'yes-no',
  required: 'no',
  example: 'yes',
  meaning: {
    nl: `${nl} (ja/nee; leeg = niet vermeld)`,
    fr: `${fr} (oui/non ; vide = non précisé)`,
    en: `${en} (yes/no; empty = not stated)`,
  },
});

export const OFFER_COLUMNS: readonly OfferColumn[] = [
  {
    name: 'id',
    field: 'id',
    type: 'text',
    required: 'yes',
    example: 'rondleiding-1302',
    meaning: {
      nl: 'Jullie eigen code voor dit aanbod (letters, cijfers en . _ : -; max. 100 tekens). Importeer je dezelfde code opnieuw, dan wordt het aanbod bijgewerkt in plaats van een tweede keer aangemaakt. Gebruikt een andere organisatie de code al, kies dan een andere.',
      fr: "Votre propre code pour cette offre (lettres, chiffres et . _ : - ; 100 caractères max.). Réimporter le même code met l'offre à jour au lieu de la créer une deuxième fois. Si une autre organisation utilise déjà ce code, choisissez-en un autre.",
      en: 'Your own code for this offer (letters, digits and . _ : -; at most 100 characters). Importing the same code again updates the offer instead of creating it a second time. If another organisation already uses the code, choose another.',
    },
  },
  {
    name: 'title',
    field: 'title',
    type: 'text',
    required: 'yes',
    example: 'Ridders en ambachtslui: rondleiding 1302',
    meaning: {
      nl: 'Titel van het aanbod (max. 300 tekens).',
      fr: "Titre de l'offre (300 caractères max.).",
      en: 'Title of the offer (at most 300 characters).',
    },
  },
  {
    name: 'description',
    field: 'description',
    type: 'text',
    required: 'no',
    example: 'Interactieve rondleiding over de Guldensporenslag voor de derde graad.',
    meaning: {
      nl: 'Beschrijving in vrije tekst (max. 10.000 tekens); mag leeg zijn. Regeleindes binnen de cel mogen.',
      fr: 'Description libre (10 000 caractères max.) ; peut rester vide. Les retours à la ligne dans la cellule sont permis.',
      en: 'Free-text description (at most 10,000 characters); may be empty. Line breaks inside the cell are fine.',
    },
  },
  {
    name: 'language',
    field: 'language',
    type: 'code',
    required: 'yes',
    values: LANGUAGES,
    case: 'lower',
    example: 'nl',
    meaning: {
      nl: 'Taal van titel en beschrijving.',
      fr: 'Langue du titre et de la description.',
      en: 'Language of title and description.',
    },
  },
  {
    name: 'disciplines',
    field: 'disciplines',
    type: 'codes',
    required: 'yes',
    values: DISCIPLINES,
    case: 'lower',
    example: 'heritage|theatre',
    templateValue: 'heritage',
    meaning: {
      nl: 'Een of meer disciplines, gescheiden door |.',
      fr: 'Une ou plusieurs disciplines, séparées par |.',
      en: 'One or more disciplines, separated by |.',
    },
  },
  {
    name: 'format',
    field: 'format',
    type: 'code',
    required: 'yes',
    values: FORMATS,
    case: 'lower',
    example: 'visit',
    meaning: {
      nl: 'Vorm: workshop, voorstelling (performance), bezoek (visit), project (meerdere sessies), nascholing (teacher_training), lespakket (lesson_package) of begeleiding (coaching).',
      fr: 'Forme : atelier (workshop), spectacle (performance), visite (visit), projet (plusieurs séances), formation continue (teacher_training), dossier pédagogique (lesson_package) ou accompagnement (coaching).',
      en: 'Format: workshop, performance, visit, project (several sessions), teacher_training, lesson_package or coaching.',
    },
  },
  {
    name: 'ageMin',
    field: 'audience.ageMin',
    type: 'integer',
    required: 'conditional',
    requiredWhen: ageWhen,
    example: '10',
    meaning: {
      nl: 'Jongste leeftijd, in hele jaren (inclusief).',
      fr: 'Âge minimum, en années entières (inclus).',
      en: 'Youngest age, in whole years (inclusive).',
    },
  },
  {
    name: 'ageMax',
    field: 'audience.ageMax',
    type: 'integer',
    required: 'conditional',
    requiredWhen: ageWhen,
    example: '12',
    meaning: {
      nl: 'Oudste leeftijd, in hele jaren (inclusief).',
      fr: 'Âge maximum, en années entières (inclus).',
      en: 'Oldest age, in whole years (inclusive).',
    },
  },
  {
    name: 'grades',
    field: 'grades',
    type: 'list',
    required: 'conditional',
    requiredWhen: { nl: 'als ageMin en ageMax leeg zijn', fr: 'si ageMin et ageMax sont vides', en: 'when ageMin and ageMax are empty' },
    example: '5de leerjaar|6de leerjaar',
    meaning: {
      nl: 'Leerjaren zoals je ze schrijft, gescheiden door | (bv. 3de leerjaar, groep 5, S1-S2); zonder ageMin en ageMax worden de leeftijden eruit afgeleid.',
      fr: 'Années scolaires telles que vous les écrivez, séparées par | (p. ex. 3de leerjaar, groep 5, S1-S2) ; sans ageMin ni ageMax, les âges en sont déduits.',
      en: 'Grades as you write them, separated by | (e.g. 3de leerjaar, groep 5, S1-S2); without ageMin and ageMax the ages are derived from them.',
    },
  },
  {
    name: 'municipality',
    field: 'location.municipality',
    type: 'text',
    required: 'conditional',
    requiredWhen: { nl: 'als postcode leeg is', fr: 'si postcode est vide', en: 'when postcode is empty' },
    example: 'Kortrijk',
    meaning: {
      nl: 'Gemeente waar het aanbod plaatsvindt (of van waaruit jullie naar scholen komen).',
      fr: "Commune où l'offre a lieu (ou d'où vous vous rendez dans les écoles).",
      en: 'Municipality where the offer takes place (or where you travel to schools from).',
    },
  },
  {
    name: 'postcode',
    field: 'location.postcode',
    type: 'text',
    required: 'conditional',
    requiredWhen: { nl: 'als municipality leeg is', fr: 'si municipality est vide', en: 'when municipality is empty' },
    example: '8500',
    meaning: {
      nl: 'Postcode van die plaats; koppel zoekt er de gemeente en de coördinaten bij (België en Nederland, bv. 8500 of 3511 AB).',
      fr: 'Code postal de ce lieu ; koppel y trouve la commune et les coordonnées (Belgique et Pays-Bas, p. ex. 8500 ou 3511 AB).',
      en: 'Postcode of that place; koppel finds its municipality and coordinates (Belgium and the Netherlands, e.g. 8500 or 3511 AB).',
    },
  },
  {
    name: 'country',
    field: 'location.country',
    type: 'code',
    required: 'yes',
    values: COUNTRIES,
    case: 'upper',
    example: 'BE',
    meaning: { nl: 'Land (ISO-code).', fr: 'Pays (code ISO).', en: 'Country (ISO code).' },
  },
  {
    name: 'lat',
    field: 'location.lat',
    type: 'number',
    required: 'no',
    example: '50.8279',
    templateValue: '',
    meaning: {
      nl: 'Breedtegraad (WGS84), samen met lon; alleen nodig als koppel de postcode of gemeente niet kent (buiten België en Nederland).',
      fr: 'Latitude (WGS84), avec lon ; nécessaire seulement si koppel ne connaît pas le code postal ou la commune (hors Belgique et Pays-Bas).',
      en: 'Latitude (WGS84), together with lon; needed only when koppel does not know the postcode or municipality (outside Belgium and the Netherlands).',
    },
  },
  {
    name: 'lon',
    field: 'location.lon',
    type: 'number',
    required: 'no',
    example: '3.2649',
    templateValue: '',
    meaning: {
      nl: 'Lengtegraad (WGS84), samen met lat.',
      fr: 'Longitude (WGS84), avec lat.',
      en: 'Longitude (WGS84), together with lat.',
    },
  },
  {
    name: 'reachMode',
    field: 'reach.mode',
    type: 'code',
    required: 'yes',
    values: REACH_MODES,
    case: 'lower',
    example: 'on_site',
    meaning: {
      nl: 'on_site: de klas komt naar jullie; at_school: jullie komen naar de school (tot maxTravelKm ver); both: allebei; online: zonder verplaatsing.',
      fr: "on_site : la classe vient chez vous ; at_school : vous allez à l'école (jusqu'à maxTravelKm) ; both : les deux ; online : sans déplacement.",
      en: 'on_site: the class comes to you; at_school: you go to the school (at most maxTravelKm away); both: either; online: no travel.',
    },
  },
  {
    name: 'maxTravelKm',
    field: 'reach.maxTravelKm',
    type: 'number',
    required: 'yes',
    example: '0',
    meaning: {
      nl: 'Hoe ver jullie naar een school reizen, in km (0 bij on_site en online).',
      fr: "Distance maximale jusqu'à une école, en km (0 pour on_site et online).",
      en: 'How far you travel to a school, in km (0 for on_site and online).',
    },
  },
  {
    name: 'groupMin',
    field: 'groupSize.min',
    type: 'integer',
    required: 'yes',
    example: '10',
    meaning: { nl: 'Kleinste groep (leerlingen).', fr: "Groupe minimum (nombre d'élèves).", en: 'Smallest group (pupils).' },
  },
  {
    name: 'groupMax',
    field: 'groupSize.max',
    type: 'integer',
    required: 'yes',
    example: '28',
    meaning: { nl: 'Grootste groep (leerlingen).', fr: "Groupe maximum (nombre d'élèves).", en: 'Largest group (pupils).' },
  },
  {
    name: 'pricePerPupil',
    field: 'pricePerPupil',
    type: 'number',
    required: 'yes',
    example: '4.50',
    templateValue: '4',
    meaning: {
      nl: 'Prijs per leerling in euro, 0 = gratis (decimaal met punt of komma: 4.50 of 4,50; geen duizendtallen).',
      fr: 'Prix par élève en euros, 0 = gratuit (décimale avec point ou virgule : 4.50 ou 4,50 ; sans séparateur de milliers).',
      en: 'Price per pupil in euro, 0 = free (decimal point or comma: 4.50 or 4,50; no thousands separators).',
    },
  },
  {
    name: 'freeOrSocialTariff',
    field: 'inclusion.freeOrSocialTariff',
    ...yesNo('Gratis of met sociaal tarief', 'Gratuit ou avec tarif social', 'Free or with a social tariff'),
  },
  {
    name: 'newcomerClasses',
    field: 'inclusion.newcomerClasses',
    ...yesNo(
      'Geschikt voor anderstalige nieuwkomers (OKAN, ISK)',
      'Adapté aux primo-arrivants (DASPA, OKAN, ISK)',
      'Suited to newcomer classes (OKAN, ISK)',
    ),
  },
  {
    name: 'specialNeeds',
    field: 'inclusion.specialNeeds',
    ...yesNo('Geschikt voor buitengewoon / speciaal onderwijs', "Adapté à l'enseignement spécialisé", 'Suited to special needs education'),
  },
  {
    name: 'wheelchairAccess',
    field: 'inclusion.wheelchairAccess',
    ...yesNo('Toegankelijk met een rolstoel', 'Accessible en fauteuil roulant', 'Wheelchair accessible'),
  },
  {
    name: 'languageSupport',
    field: 'inclusion.languageSupport',
    ...yesNo(
      'Ondersteuning voor leerlingen die de taal (nog) niet goed spreken',
      'Soutien aux élèves qui ne parlent pas (encore) bien la langue',
      'Support for pupils who do not (yet) speak the language well',
    ),
  },
  {
    name: 'availability',
    field: 'availability',
    type: 'periods',
    required: 'no',
    example: '2026-09-01/2026-12-19|2027-01-11/2027-06-30',
    templateValue: '2026-09-01/2027-06-30',
    meaning: {
      nl: 'Wanneer het aanbod geboekt kan worden: periodes van/tot (JJJJ-MM-DD/JJJJ-MM-DD, beide inbegrepen), gescheiden door |; leeg = het hele jaar.',
      fr: "Quand l'offre peut être réservée : périodes du/au (AAAA-MM-JJ/AAAA-MM-JJ, bornes incluses), séparées par | ; vide = toute l'année.",
      en: 'When the offer can be booked: periods from/to (YYYY-MM-DD/YYYY-MM-DD, both included), separated by |; empty = all year.',
    },
  },
  {
    name: 'providerId',
    field: 'provider.id',
    type: 'text',
    required: 'conditional',
    requiredWhen: adminOnly,
    example: 'org-sporenhuis',
    templateValue: '',
    meaning: {
      nl: 'Id van de aanbiedende organisatie; met het token van een aanbieder jullie eigen id (of leeg).',
      fr: "Id de l'organisation qui propose l'offre ; avec le jeton d'un prestataire, votre propre id (ou vide).",
      en: "Id of the providing organisation; with a provider's token your own id (or empty).",
    },
  },
  {
    name: 'providerName',
    field: 'provider.name',
    type: 'text',
    required: 'conditional',
    requiredWhen: adminOnly,
    example: 'Sporenhuis Kortrijk',
    templateValue: '',
    meaning: {
      nl: 'Naam van de aanbieder zoals scholen hem zien.',
      fr: 'Nom du prestataire tel que les écoles le voient.',
      en: "The provider's name as schools see it.",
    },
  },
  {
    name: 'providerEmail',
    field: 'provider.email',
    type: 'text',
    required: 'conditional',
    requiredWhen: adminOnly,
    example: 'educatie@example.org',
    templateValue: '',
    meaning: {
      nl: 'Adres voor mails over dit aanbod: voor een geregistreerde organisatie een van haar contactadressen (zonder provider-kolommen: het eerste).',
      fr: "Adresse des courriels sur cette offre : pour une organisation enregistrée, l'une de ses adresses de contact (sans colonnes provider : la première).",
      en: 'Address for mails about this offer: for a registered organisation one of its contact addresses (without provider columns: the first).',
    },
  },
  {
    name: 'providerLanguage',
    field: 'provider.language',
    type: 'code',
    required: 'no',
    values: LANGUAGES,
    case: 'lower',
    example: 'nl',
    templateValue: '',
    meaning: {
      nl: 'Taal van de mails aan de aanbieder; leeg = die van het contact (zonder provider-kolommen).',
      fr: 'Langue des courriels au prestataire ; vide = celle du contact (sans colonnes provider).',
      en: 'Language of the mails to the provider; empty = that of the contact (without provider columns).',
    },
  },
];

const BY_NAME = new Map<string, OfferColumn>();
for (const column of OFFER_COLUMNS) {
  BY_NAME.set(column.name.toLowerCase(), column);
  BY_NAME.set(column.field.toLowerCase(), column);
}

/** The column a header names: its name or its field path, in any case; undefined for none. */
export function columnNamed(header: string): OfferColumn | undefined {
  return BY_NAME.get(header.trim().toLowerCase());
}

/**
 * The column an error's field path is about: the column of that field, of a field
 * inside it (`audience` → ageMin), or of the field it is inside (`availability.0.to`
 * → availability). Undefined for the row as a whole.
 */
export function columnOfField(field: string): string | undefined {
  const exact = OFFER_COLUMNS.find((c) => c.field === field);
  if (exact) return exact.name;
  const inside = OFFER_COLUMNS.find((c) => c.field.startsWith(`${field}.`));
  if (inside) return inside.name;
  return OFFER_COLUMNS.find((c) => field.startsWith(`${c.field}.`))?.name;
}

/** Written first, so that spreadsheet programs read the template as UTF-8 (é, ë). */
const BOM = '\uFEFF';

/** The template: the header row and one example row, CRLF line ends, with a BOM. */
export function offerTemplateCsv(separator: CsvSeparator = ','): string {
  const header = OFFER_COLUMNS.map((c) => csvField(c.name, separator)).join(separator);
  const example = OFFER_COLUMNS.map((c) => csvField(c.templateValue ?? c.example, separator)).join(separator);
  return `${BOM}${header}\r\n${example}\r\n`;
}

const TYPE_MEANINGS: Record<ColumnType, Localised> = {
  text: { nl: 'tekst', fr: 'texte', en: 'text' },
  code: { nl: 'een van de codes bij values', fr: "l'un des codes de values", en: 'one of the codes in values' },
  codes: {
    nl: 'een of meer codes bij values, gescheiden door |',
    fr: 'un ou plusieurs codes de values, séparés par |',
    en: 'one or more codes in values, separated by |',
  },
  number: {
    nl: 'getal, met punt of komma als decimaalteken',
    fr: 'nombre, avec point ou virgule comme séparateur décimal',
    en: 'number, with a decimal point or comma',
  },
  integer: { nl: 'geheel getal', fr: 'nombre entier', en: 'whole number' },
  'yes-no': {
    nl: 'ja of nee (ook: yes/no, oui/non, true/false, waar/onwaar, 1/0)',
    fr: 'oui ou non (aussi : yes/no, ja/nee, true/false, vrai/faux, 1/0)',
    en: 'yes or no (also: ja/nee, oui/non, true/false, 1/0)',
  },
  list: { nl: 'teksten gescheiden door |', fr: 'textes séparés par |', en: 'texts separated by |' },
  periods: {
    nl: 'periodes JJJJ-MM-DD/JJJJ-MM-DD, gescheiden door |',
    fr: 'périodes AAAA-MM-JJ/AAAA-MM-JJ, séparées par |',
    en: 'periods YYYY-MM-DD/YYYY-MM-DD, separated by |',
  },
};

/** The explanation of every column for people (GET /offers/imports/columns): meaning, allowed values, required or not, in nl, fr and en. */
export function offerColumnGuide() {
  return {
    format: {
      separator: { nl: 'komma (,) of puntkomma (;)', fr: 'virgule (,) ou point-virgule (;)', en: 'comma (,) or semicolon (;)' },
      encoding: {
        nl: 'UTF-8, met of zonder BOM (Excel: "CSV UTF-8")',
        fr: 'UTF-8, avec ou sans BOM (Excel : « CSV UTF-8 »)',
        en: 'UTF-8, with or without BOM (Excel: "CSV UTF-8")',
      },
      rows: {
        nl: 'een kopregel met de kolomnamen, dan één regel per aanbod; lege cellen = niet ingevuld; kolommen in elke volgorde',
        fr: "une ligne d'en-tête avec les noms de colonnes, puis une ligne par offre ; cellule vide = non rempli ; colonnes dans n'importe quel ordre",
        en: 'a header row with the column names, then one row per offer; an empty cell = not given; columns in any order',
      },
      listSeparator: LIST_SEPARATOR,
    },
    columns: OFFER_COLUMNS.map((c) => ({
      name: c.name,
      field: c.field,
      type: c.type,
      typeMeaning: TYPE_MEANINGS[c.type],
      required: c.required,
      ...(c.requiredWhen ? { requiredWhen: c.requiredWhen } : {}),
      ...(c.values ? { values: [...c.values] } : {}),
      example: c.example,
      meaning: c.meaning,
    })),
  };
}

export type OfferColumnGuide = ReturnType<typeof offerColumnGuide>;
