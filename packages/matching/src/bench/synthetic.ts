import type { Discipline, Format, Offer, Request } from '@koppel/contracts';
import { DISCIPLINES, FORMATS } from '@koppel/contracts';

/**
 * A synthetic but realistic catalogue for the benchmark: Dutch, French and
 * English texts built from topic word banks and sentence templates, ages from
 * kleuter to secundair, places across Flanders, Brussels/Wallonia and the
 * Netherlands (with jitter), all reach modes and prices. Deterministic (seeded).
 */
type Lang = 'nl' | 'fr' | 'en';

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES: Array<[string, string, 'BE' | 'NL', number, number]> = [
  ['Kortrijk', '8500', 'BE', 50.828, 3.265],
  ['Gent', '9000', 'BE', 51.054, 3.717],
  ['Brugge', '8000', 'BE', 51.209, 3.224],
  ['Antwerpen', '2000', 'BE', 51.219, 4.402],
  ['Leuven', '3000', 'BE', 50.879, 4.7],
  ['Hasselt', '3500', 'BE', 50.93, 5.338],
  ['Mechelen', '2800', 'BE', 51.026, 4.477],
  ['Aalst', '9300', 'BE', 50.938, 4.04],
  ['Roeselare', '8800', 'BE', 50.946, 3.123],
  ['Ieper', '8900', 'BE', 50.851, 2.886],
  ['Oostende', '8400', 'BE', 51.216, 2.927],
  ['Genk', '3600', 'BE', 50.965, 5.5],
  ['Turnhout', '2300', 'BE', 51.322, 4.944],
  ['Sint-Niklaas', '9100', 'BE', 51.165, 4.143],
  ['Brussel', '1000', 'BE', 50.847, 4.357],
  ['Tournai', '7500', 'BE', 50.606, 3.389],
  ['Mons', '7000', 'BE', 50.454, 3.952],
  ['Liège', '4000', 'BE', 50.633, 5.567],
  ['Namur', '5000', 'BE', 50.466, 4.867],
  ['Amsterdam', '1011', 'NL', 52.37, 4.895],
  ['Rotterdam', '3011', 'NL', 51.922, 4.479],
  ['Utrecht', '3511', 'NL', 52.091, 5.122],
  ['Den Haag', '2511', 'NL', 52.07, 4.3],
  ['Eindhoven', '5611', 'NL', 51.441, 5.478],
  ['Groningen', '9711', 'NL', 53.219, 6.567],
  ['Maastricht', '6211', 'NL', 50.851, 5.691],
  ['Nijmegen', '6511', 'NL', 51.842, 5.852],
  ['Tilburg', '5038', 'NL', 51.556, 5.091],
  ['Breda', '4811', 'NL', 51.589, 4.776],
  ['Middelburg', '4331', 'NL', 51.499, 3.614],
  ['Zwolle', '8011', 'NL', 52.516, 6.083],
  ['Leeuwarden', '8911', 'NL', 53.201, 5.8],
  ['Arnhem', '6811', 'NL', 51.985, 5.899],
  ['Haarlem', '2011', 'NL', 52.387, 4.646],
  ['Enschede', '7511', 'NL', 52.221, 6.894],
  ['Terneuzen', '4531', 'NL', 51.336, 3.828],
];

interface Topic {
  disciplines: Discipline[];
  words: Record<Lang, string[]>;
}

const TOPICS: Topic[] = [
  {
    disciplines: ['music'],
    words: {
      nl: ['zingen', 'koor', 'liedjes', 'stem', 'canon'],
      fr: ['chant', 'chorale', 'chansons', 'voix'],
      en: ['singing', 'choir', 'songs', 'voice'],
    },
  },
  {
    disciplines: ['music'],
    words: {
      nl: ['instrumenten', 'viool', 'trompet', 'orkest', 'concert'],
      fr: ['instruments', 'violon', 'orchestre', 'concert'],
      en: ['instruments', 'violin', 'orchestra', 'concert'],
    },
  },
  {
    disciplines: ['music'],
    words: {
      nl: ['ritme', 'trommels', 'percussie', 'djembé', 'beats'],
      fr: ['rythme', 'percussions', 'tambours'],
      en: ['rhythm', 'drums', 'percussion', 'beats'],
    },
  },
  {
    disciplines: ['dance'],
    words: {
      nl: ['hiphop', 'breakdance', 'choreografie', 'dansen'],
      fr: ['hip-hop', 'danse urbaine', 'chorégraphie'],
      en: ['hip-hop', 'street dance', 'choreography'],
    },
  },
  {
    disciplines: ['dance'],
    words: {
      nl: ['hedendaagse dans', 'beweging', 'lichaam', 'improvisatie'],
      fr: ['danse contemporaine', 'mouvement', 'corps'],
      en: ['contemporary dance', 'movement', 'body'],
    },
  },
  {
    disciplines: ['theatre'],
    words: {
      nl: ['toneel', 'improvisatie', 'personages', 'drama', 'scènes'],
      fr: ['théâtre', 'improvisation', 'personnages', 'scènes'],
      en: ['drama', 'improvisation', 'characters', 'scenes'],
    },
  },
  {
    disciplines: ['theatre'],
    words: {
      nl: ['poppenspel', 'poppen', 'poppenkast', 'verhaal'],
      fr: ['marionnettes', 'conte', 'histoire'],
      en: ['puppets', 'puppetry', 'story'],
    },
  },
  {
    disciplines: ['visual_arts'],
    words: {
      nl: ['schilderen', 'verf', 'kleur', 'penseel', 'expressionisme'],
      fr: ['peinture', 'couleurs', 'pinceau', 'gouache'],
      en: ['painting', 'colour', 'brush', 'paint'],
    },
  },
  {
    disciplines: ['visual_arts'],
    words: {
      nl: ['graffiti', 'street art', 'muurschildering', 'spuitbussen'],
      fr: ['graffiti', 'street art', 'fresque', 'bombes'],
      en: ['graffiti', 'street art', 'mural', 'spray cans'],
    },
  },
  {
    disciplines: ['visual_arts'],
    words: {
      nl: ['klei', 'boetseren', 'beeldhouwen', 'ruimtelijk'],
      fr: ['argile', 'modelage', 'sculpture'],
      en: ['clay', 'sculpture', 'modelling'],
    },
  },
  {
    disciplines: ['visual_arts', 'film_media'],
    words: {
      nl: ['fotografie', 'foto', 'camera', 'kadrering'],
      fr: ['photographie', 'photos', 'cadrage'],
      en: ['photography', 'photos', 'framing'],
    },
  },
  {
    disciplines: ['film_media'],
    words: {
      nl: ['animatiefilm', 'stop-motion', 'filmpje', 'montage'],
      fr: ['cinéma d’animation', 'stop motion', 'montage'],
      en: ['animation', 'stop motion', 'editing', 'film'],
    },
  },
  {
    disciplines: ['literature'],
    words: {
      nl: ['prentenboeken', 'voorlezen', 'bibliotheek', 'verhalen'],
      fr: ['albums', 'lecture', 'bibliothèque', 'contes'],
      en: ['picture books', 'reading aloud', 'library', 'stories'],
    },
  },
  {
    disciplines: ['literature'],
    words: {
      nl: ['poëzie', 'gedichten', 'slam', 'spoken word'],
      fr: ['poésie', 'poèmes', 'slam'],
      en: ['poetry', 'poems', 'spoken word', 'slam'],
    },
  },
  {
    disciplines: ['heritage'],
    words: {
      nl: ['Eerste Wereldoorlog', 'loopgraven', 'bezetting', 'soldaten'],
      fr: ['Grande Guerre', 'tranchées', 'soldats'],
      en: ['First World War', 'trenches', 'soldiers'],
    },
  },
  {
    disciplines: ['heritage'],
    words: {
      nl: ['middeleeuwen', 'ridders', 'kasteel', 'gilden'],
      fr: ['Moyen Âge', 'chevaliers', 'château fort'],
      en: ['Middle Ages', 'knights', 'castle', 'guilds'],
    },
  },
  {
    disciplines: ['heritage'],
    words: {
      nl: ['Gouden Eeuw', 'schepen', 'haven', 'handel'],
      fr: ['Siècle d’or', 'navires', 'port'],
      en: ['Golden Age', 'ships', 'harbour', 'trade'],
    },
  },
  {
    disciplines: ['heritage', 'architecture_design'],
    words: {
      nl: ['industrieel erfgoed', 'fabriek', 'machines', 'arbeiders'],
      fr: ['patrimoine industriel', 'usine', 'machines'],
      en: ['industrial heritage', 'factory', 'machines', 'workers'],
    },
  },
  {
    disciplines: ['architecture_design'],
    words: {
      nl: ['architectuur', 'gebouwen', 'maquette', 'stad ontwerpen'],
      fr: ['architecture', 'bâtiments', 'maquette'],
      en: ['architecture', 'buildings', 'scale model'],
    },
  },
  {
    disciplines: ['circus'],
    words: {
      nl: ['circus', 'jongleren', 'acrobatie', 'evenwicht'],
      fr: ['cirque', 'jonglerie', 'acrobaties', 'équilibre'],
      en: ['circus', 'juggling', 'acrobatics', 'balance'],
    },
  },
  {
    disciplines: ['media_literacy'],
    words: {
      nl: ['nepnieuws', 'desinformatie', 'sociale media', 'algoritmes'],
      fr: ['infox', 'désinformation', 'réseaux sociaux'],
      en: ['fake news', 'disinformation', 'social media', 'algorithms'],
    },
  },
  {
    disciplines: ['media_literacy'],
    words: {
      nl: ['programmeren', 'robots', 'Scratch', 'coderen'],
      fr: ['programmation', 'robots', 'codage'],
      en: ['coding', 'robots', 'Scratch', 'programming'],
    },
  },
];

const FORMAT_WORDS: Record<Format, Record<Lang, string>> = {
  workshop: { nl: 'Workshop', fr: 'Atelier', en: 'Workshop' },
  performance: { nl: 'Voorstelling', fr: 'Spectacle', en: 'Performance' },
  visit: { nl: 'Rondleiding', fr: 'Visite guidée', en: 'Guided visit' },
  project: { nl: 'Traject', fr: 'Projet', en: 'Project' },
  teacher_training: { nl: 'Nascholing', fr: 'Formation des enseignants', en: 'Teacher training' },
  lesson_package: { nl: 'Lespakket', fr: 'Dossier pédagogique', en: 'Lesson package' },
  coaching: { nl: 'Coaching', fr: 'Accompagnement', en: 'Coaching' },
};

const OFFER_SENTENCES: Record<Lang, string[]> = {
  nl: [
    'In deze activiteit ontdekken leerlingen {a} en {b}.',
    'We werken rond {a}, met veel aandacht voor {b}.',
    'De kinderen gaan zelf aan de slag met {b}.',
    'Een ervaren begeleider vertelt over {a} en laat de klas {b} beleven.',
    'Geschikt voor het {grade}.',
    'Na afloop is er tijd voor vragen en een nagesprek.',
    'Duur: ongeveer twee lesuren.',
    'Wij brengen al het materiaal mee.',
    'Ook voor het buitengewoon onderwijs op aanvraag.',
  ],
  fr: [
    'Les élèves découvrent {a} et {b}.',
    'Nous travaillons autour de {a}, avec une attention particulière pour {b}.',
    'Les enfants pratiquent eux-mêmes {b}.',
    'Un animateur expérimenté présente {a} et fait vivre {b} à la classe.',
    'Adapté aux élèves de {grade}.',
    'Durée : environ deux heures.',
    'Tout le matériel est fourni.',
  ],
  en: [
    'Pupils discover {a} and {b}.',
    'We work around {a}, with plenty of attention for {b}.',
    'The children try {b} themselves.',
    'An experienced educator introduces {a} and lets the class experience {b}.',
    'Suitable for {grade}.',
    'About two lessons long.',
    'We bring all materials.',
  ],
};

const REQUEST_SENTENCES: Record<Lang, string[]> = {
  nl: [
    'Wij zoeken iets rond {a} voor ons {grade}.',
    'De klas werkt dit trimester rond {a}; {b} zou mooi zijn.',
    'Liefst een {format} met {b}.',
    'We hebben een beperkt budget en kunnen met de bus tot {km} km.',
    'De leerlingen hebben nog nooit met {a} gewerkt.',
  ],
  fr: [
    'Nous cherchons une activité sur {a} pour nos élèves de {grade}.',
    'La classe travaille sur {a}; {b} serait idéal.',
    'De préférence un {format} avec {b}.',
    'Nous pouvons nous déplacer en car jusqu’à {km} km.',
  ],
  en: [
    'We are looking for something about {a} for our {grade} class.',
    'The class is working on {a} this term; {b} would be great.',
    'Ideally a {format} with {b}.',
    'We can travel up to {km} km by coach.',
  ],
};

const GRADES: Record<Lang, Array<[string, number, number]>> = {
  nl: [
    ['2de kleuterklas', 4, 5],
    ['3de leerjaar', 8, 9],
    ['5de leerjaar', 10, 11],
    ['groep 5', 8, 9],
    ['groep 7', 10, 11],
    ['brugklas', 12, 13],
    ['3de jaar secundair', 14, 15],
    ['havo 4', 15, 16],
    ['6de jaar ASO', 17, 18],
  ],
  fr: [
    ['moyenne section', 4, 5],
    ['CE2', 8, 9],
    ['5e primaire', 10, 11],
    ['2e secondaire', 13, 14],
    ['seconde', 15, 16],
  ],
  en: [
    ['Grade 3', 8, 9],
    ['Grade 6', 11, 12],
    ['Year 9', 13, 14],
    ['Grade 10', 15, 16],
  ],
};

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

function languageOf(rnd: () => number): Lang {
  const x = rnd();
  return x < 0.8 ? 'nl' : x < 0.93 ? 'fr' : 'en';
}

function placeNear(rnd: () => number) {
  const [municipality, postcode, country, lat, lon] = pick(rnd, PLACES);
  return { municipality, postcode, country, lat: lat + (rnd() - 0.5) * 0.3, lon: lon + (rnd() - 0.5) * 0.45 };
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? '');
}

export function syntheticOffer(i: number, rnd: () => number): Offer {
  const lang = languageOf(rnd);
  const topic = pick(rnd, TOPICS);
  const format = rnd() < 0.45 ? 'workshop' : pick(rnd, FORMATS);
  const [grade, gradeMin, gradeMax] = pick(rnd, GRADES[lang]);
  const a = pick(rnd, topic.words[lang]);
  const b = pick(rnd, topic.words[lang]);
  const sentences = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => fill(pick(rnd, OFFER_SENTENCES[lang]), { a, b, grade }));
  const modeRoll = rnd();
  const mode = modeRoll < 0.45 ? 'on_site' : modeRoll < 0.72 ? 'at_school' : modeRoll < 0.95 ? 'both' : 'online';
  const extra = rnd() < 0.2 ? [pick(rnd, DISCIPLINES)] : [];
  return {
    id: `syn-off-${i}`,
    provider: { id: `syn-prov-${i % 20000}`, name: `Aanbieder ${i % 20000}`, email: `info${i % 20000}@example.org` },
    title: `${FORMAT_WORDS[format][lang]}: ${a}`,
    description: sentences.join(' '),
    language: lang,
    disciplines: [...new Set([...topic.disciplines, ...extra])],
    format,
    audience: { ageMin: Math.max(3, gradeMin - Math.floor(rnd() * 3)), ageMax: Math.min(18, gradeMax + Math.floor(rnd() * 4)) },
    location: placeNear(rnd),
    reach: { mode, maxTravelKm: mode === 'at_school' || mode === 'both' ? pick(rnd, [10, 20, 25, 30, 40, 60]) : 0 },
    groupSize: { min: 5, max: 30 },
    pricePerPupil: rnd() < 0.15 ? 0 : Math.round(rnd() * 120) / 10,
  };
}

export function syntheticRequest(i: number, rnd: () => number): Request {
  const lang = languageOf(rnd);
  const topic = pick(rnd, TOPICS);
  const [grade, ageMin, ageMax] = pick(rnd, GRADES[lang]);
  const a = pick(rnd, topic.words[lang]);
  const b = pick(rnd, topic.words[lang]);
  const format = FORMAT_WORDS[pick(rnd, ['workshop', 'visit', 'performance', 'project'] as Format[])][lang].toLowerCase();
  const km = pick(rnd, [0, 5, 10, 15, 20, 30, 50]);
  const sentences = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () =>
    fill(pick(rnd, REQUEST_SENTENCES[lang]), { a, b, grade, format, km: String(km) }),
  );
  const place = placeNear(rnd);
  return {
    id: `syn-req-${i}`,
    school: { id: `syn-sch-${i}`, name: `School ${i}`, email: `school${i}@example.org`, ...place },
    title: `${a} – ${grade}`,
    description: sentences.join(' '),
    language: lang,
    disciplines: rnd() < 0.6 ? topic.disciplines.slice(0, 1) : [],
    pupils: { ageMin, ageMax, count: 20 + Math.floor(rnd() * 40) },
    maxTravelKm: km,
    ...(rnd() < 0.8 ? { budgetPerPupil: pick(rnd, [3, 5, 6, 8, 10, 15]) } : {}),
  };
}
