import type { TextLanguage } from './language';

/**
 * natural's stemmers and stopword lists, loaded by file path: requiring the
 * package root pulls in its database adapters and dotenv, which prints on stdout.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
type Stemmer = { stem(token: string): string };
const STEMMERS: Record<TextLanguage, Stemmer> = {
  nl: require('natural/lib/natural/stemmers/porter_stemmer_nl') as Stemmer,
  fr: require('natural/lib/natural/stemmers/porter_stemmer_fr') as Stemmer,
  en: require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer,
};
const NATURAL_STOPWORDS: string[] = [
  ...(require('natural/lib/natural/util/stopwords_nl').words as string[]),
  ...(require('natural/lib/natural/util/stopwords_fr').words as string[]),
  ...(require('natural/lib/natural/util/stopwords').words as string[]),
];

/**
 * Words every school request or offer uses (pupils, class, euro, km ...). They say
 * nothing about what is wanted, and they are in the way of BM25 on small corpora.
 */
const DOMAIN_STOPWORDS = [
  // nl
  'leerling',
  'leerlingen',
  'lln',
  'kind',
  'kinderen',
  'klas',
  'klassen',
  'school',
  'scholen',
  'jaar',
  'euro',
  'km',
  'max',
  'maximum',
  'ongeveer',
  'budget',
  'zoeken',
  'zoekt',
  'graag',
  'liefst',
  'willen',
  'wil',
  'kunnen',
  'per',
  'pp',
  'iets',
  'activiteit',
  'aanbod',
  'ca',
  'tot',
  'onze',
  'ons',
  'bv',
  'enz',
  'dag',
  'mogen',
  'mag',
  'even',
  'jongeren',
  'kan',
  'heel',
  'echt',
  'veel',
  'samen',
  'zelf',
  'ideaal',
  'top',
  'welkom',
  'min',
  'uur',
  'elke',
  'elk',
  // grade words: ages are matched by the age signal, not by text
  'graad',
  'graden',
  'leerjaar',
  'leerjaren',
  'secundair',
  'secundaire',
  'lager',
  'lagere',
  'onderwijs',
  'basisonderwijs',
  'basisschool',
  'aso',
  'tso',
  'kso',
  'bso',
  'so',
  'groep',
  'groepen',
  'havo',
  'vwo',
  'vmbo',
  'brugklas',
  'middelbaar',
  'primaire',
  'secondaire',
  'college',
  'lycee',
  'maternelle',
  'grade',
  'grades',
  'derde',
  'vierde',
  'vijfde',
  'zesde',
  'tweede',
  'eerste',
  // fr
  'eleve',
  'eleves',
  'enfant',
  'enfants',
  'classe',
  'classes',
  'ecole',
  'ans',
  'an',
  'euros',
  'cherchons',
  'chaque',
  'bonjour',
  'notre',
  'nos',
  'votre',
  'vos',
  'activite',
  'possible',
  'possibles',
  'jusqu',
  'preference',
  'maximum',
  // en
  'pupil',
  'pupils',
  'student',
  'students',
  'children',
  'class',
  'classes',
  'school',
  'schools',
  'year',
  'years',
  'euros',
  'looking',
  'around',
  'aged',
  'welcome',
  'can',
  'also',
  'many',
  'mostly',
];

const STOPWORDS = new Set<string>(
  [...NATURAL_STOPWORDS, ...DOMAIN_STOPWORDS].map((w) =>
    w
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  ),
);

export function isStopword(token: string): boolean {
  return STOPWORDS.has(token) || token.length < 2 || /^\d{1,3}$/.test(token);
}

/** Stem of a normalised token in the given language; cached because vocabularies are small. */
const stemCache: Record<TextLanguage, Map<string, string>> = { nl: new Map(), fr: new Map(), en: new Map() };

export function stemOf(token: string, lang: TextLanguage): string {
  const cache = stemCache[lang];
  let stem = cache.get(token);
  if (stem === undefined) {
    stem = STEMMERS[lang].stem(token);
    if (stem.length < 2) stem = token;
    if (cache.size < 500_000) cache.set(token, stem);
  }
  return stem;
}
