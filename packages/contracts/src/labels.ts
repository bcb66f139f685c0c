import type { Discipline, Format, Language } from './entities';

/**
 * What people read for the contract's codes, per language. Pages, console and
 * mails all use these, so a discipline is called the same everywhere.
 */
export const DISCIPLINE_LABELS: Record<Language, Record<Discipline, string>> = {
  nl: {
    music: 'Muziek',
    dance: 'Dans',
    theatre: 'Theater',
    visual_arts: 'Beeldende kunst',
    film_media: 'Film en media',
    literature: 'Literatuur',
    heritage: 'Erfgoed',
    architecture_design: 'Architectuur en design',
    circus: 'Circus',
    media_literacy: 'Mediawijsheid',
    multidisciplinary: 'Multidisciplinair',
  },
  fr: {
    music: 'Musique',
    dance: 'Danse',
    theatre: 'Théâtre',
    visual_arts: 'Arts plastiques',
    film_media: 'Cinéma et médias',
    literature: 'Littérature',
    heritage: 'Patrimoine',
    architecture_design: 'Architecture et design',
    circus: 'Cirque',
    media_literacy: 'Éducation aux médias',
    multidisciplinary: 'Pluridisciplinaire',
  },
  en: {
    music: 'Music',
    dance: 'Dance',
    theatre: 'Theatre',
    visual_arts: 'Visual arts',
    film_media: 'Film and media',
    literature: 'Literature',
    heritage: 'Heritage',
    architecture_design: 'Architecture and design',
    circus: 'Circus',
    media_literacy: 'Media literacy',
    multidisciplinary: 'Multidisciplinary',
  },
};

export const FORMAT_LABELS: Record<Language, Record<Format, string>> = {
  nl: {
    workshop: 'Workshop',
    performance: 'Voorstelling',
    visit: 'Bezoek',
    project: 'Project',
    teacher_training: 'Nascholing',
    lesson_package: 'Lespakket',
    coaching: 'Begeleiding',
  },
  fr: {
    workshop: 'Atelier',
    performance: 'Spectacle',
    visit: 'Visite',
    project: 'Projet',
    teacher_training: 'Formation continue',
    lesson_package: 'Dossier pédagogique',
    coaching: 'Accompagnement',
  },
  en: {
    workshop: 'Workshop',
    performance: 'Performance',
    visit: 'Visit',
    project: 'Project',
    teacher_training: 'Teacher training',
    lesson_package: 'Lesson package',
    coaching: 'Coaching',
  },
};

/** The label of a code in a language, or the code itself when it is unknown (data from an older version). */
export function labelOf(labels: Record<Language, Record<string, string>>, code: string, language: Language = 'nl'): string {
  return labels[language][code] ?? code;
}
