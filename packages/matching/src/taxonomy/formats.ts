import type { Format } from '@koppel/contracts';
import { PatternMatcher } from './patterns';

/**
 * Words with which teachers ask for a format, in nl/fr/en (normalised, see
 * taxonomy/patterns.ts). A request may ask for several ("a workshop or a visit").
 */
export const FORMAT_CUES: Record<Format, readonly string[]> = {
  workshop: ['workshop*', '*workshop', 'atelier', 'ateliers', 'atelier*', 'doe-activiteit*', 'doeactiviteit*', 'zelf doen', 'zelf aan de slag',
    'zelf iets', 'zelf maken', 'zelf proberen', 'zelf eens proberen', 'initiatie*', 'initiation*', 'hands on', 'hands-on', 'kunstenaar in de klas',
    'komt schilderen', 'komen schilderen', 'aan de slag', 'doe', 'doen', 'maken', 'creatieve workshop', 'masterclass*', 'stage', 'sessie'],
  performance: ['voorstelling*', '*voorstelling*', 'spectacle*', 'performance*', 'concert*', '*concert', 'show', 'shows', 'play', 'plays',
    'toneelstuk*', 'theatervoorstelling*', 'optreden', 'optredens', 'representation*', 'piece de theatre', 'poppenkast*', 'poppenspel*',
    'muziektheater', 'dansvoorstelling*', 'vertoning*', 'filmvoorstelling*'],
  visit: ['bezoek*', '*bezoek', 'museumbezoek*', 'uitstap*', '*uitstap', 'rondleiding*', 'wandeling*', '*wandeling', 'excursie*', 'sortie*', 'visite*',
    'visit', 'visits', 'visiting', 'trip', 'trips', 'excursion*', 'guided tour*', 'tour', 'gidsbeurt*', 'ontdekkingstocht*', 'museum', 'musee',
    'bibliotheek', 'bib', 'klasbezoek', 'buitenklasdag*', 'schooluitstap*', 'field trip*', 'outing*', 'verplaatsen', 'ter plaatse'],
  project: ['project*', '*project', 'traject*', '*traject', 'meerdaags*', 'meerdere sessies', 'enkele sessies', 'reeks', 'sessies', 'weken', 'weekly',
    'wekelijks*', 'circusklassen', 'klassen', 'parcours', 'plusieurs seances', 'several sessions', 'multi-day', 'multi day', 'meerdere dagen',
    'toonmoment', 'eindproduct', 'eindvoorstelling', 'schooljaar lang', 'long terme', 'long-term', 'trimester', 'residentie*', 'residence*'],
  teacher_training: ['nascholing*', 'studiedag*', 'pedagogische studiedag', 'professionalisering', 'vorming voor leerkrachten', 'formation des enseignants',
    'formation continue', 'teacher training', 'professional development', 'training for teachers', 'leerkrachtenteam', 'ons team', 'deelnemer*',
    'navorming*', 'workshop voor leerkrachten', 'inspiratiedag*'],
  lesson_package: ['lespakket*', '*lespakket', 'lesmap*', 'lesmateriaal', 'lesmaterialen', 'lessenreeks', 'uitleenkoffer*', 'leskoffer*', 'koffer',
    'dossier pedagogique', 'dossiers pedagogiques', 'kit pedagogique', 'lesson package*', 'lesson plan*', 'teaching material*', 'teaching pack*',
    'online lessen', 'downloadbaar', 'lessons', 'lessen'],
  coaching: ['coaching', 'coach', 'coachen', 'begeleiding', 'begeleid*', 'accompagnement', 'accompagner', 'op weg zet*', 'op weg helpen', 'ondersteuning',
    'advies', 'conseil', 'mentoring', 'support', 'trajectbegeleiding'],
};

const FORMAT_MATCHER = new PatternMatcher<Format>(
  (Object.keys(FORMAT_CUES) as Format[]).map((key) => ({ key, patterns: FORMAT_CUES[key] })),
);

/**
 * Formats named in a text, strongest first: each format's cue count. Weak cues
 * like "maken" count half so that "workshop" outweighs them.
 */
const WEAK_CUES = new Set(['doe', 'doen', 'maken', 'klassen', 'weken', 'sessie', 'lessen', 'lessons', 'museum', 'musee', 'bib', 'koffer', 'begeleiding', 'begeleid', 'support', 'verplaatsen', 'ter plaatse', 'ons team']);

export function formatsAskedIn(tokens: readonly string[]): Map<Format, number> {
  const asked = new Map<Format, number>();
  for (const [format, surfaces] of FORMAT_MATCHER.matches(tokens)) {
    let weight = 0;
    for (const surface of surfaces) weight += WEAK_CUES.has(surface) ? 0.4 : 1;
    asked.set(format, weight);
  }
  return asked;
}

/**
 * How well an offer's format serves a request asking for another one (rows: asked,
 * columns: offered). A lesson package is a fallback for an outing; a project
 * contains workshops; coaching and teacher training both serve a team.
 */
export const FORMAT_AFFINITY: Record<Format, Partial<Record<Format, number>>> = {
  workshop: { project: 0.7, performance: 0.3, visit: 0.4, lesson_package: 0.2, coaching: 0.2, teacher_training: 0.1 },
  performance: { workshop: 0.3, visit: 0.4, project: 0.3, lesson_package: 0.1 },
  visit: { workshop: 0.5, performance: 0.4, project: 0.3, lesson_package: 0.3 },
  project: { workshop: 0.6, coaching: 0.4, performance: 0.2, visit: 0.2 },
  teacher_training: { coaching: 0.8, workshop: 0.2, project: 0.2 },
  lesson_package: { visit: 0.3, workshop: 0.3, project: 0.3 },
  coaching: { teacher_training: 0.8, project: 0.5, workshop: 0.2 },
};

export function formatAffinity(asked: Format, offered: Format): number {
  return asked === offered ? 1 : (FORMAT_AFFINITY[asked][offered] ?? 0);
}
