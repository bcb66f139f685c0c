import { z } from 'zod';
import type { Language } from './entities';
import type { OrganisationType } from './organisations';

/**
 * The partner taxonomy (issue #13): every kind of organisation the regional networks'
 * partner overviews name, grouped as a sign-up form shows them, with what people read
 * for it in each language. The kinds themselves are the contract's organisation types
 * (REQUESTER_TYPES, PROVIDER_TYPES and `broker`); this file only names and groups them,
 * and is typed so that a new kind without labels does not compile.
 */
export const PARTNER_GROUPS = ['education', 'childhood_and_leisure', 'social', 'culture', 'intermediary'] as const;
export type PartnerGroup = (typeof PARTNER_GROUPS)[number];

interface PartnerKind {
  group: PartnerGroup;
  labels: Record<Language, string>;
}

export const PARTNER_KINDS: Record<OrganisationType, PartnerKind> = {
  school: { group: 'education', labels: { nl: 'School', fr: 'École', en: 'School' } },
  school_board: {
    group: 'education',
    labels: { nl: 'Schoolbestuur of scholengroep', fr: 'Pouvoir organisateur', en: 'School board' },
  },
  childcare: { group: 'childhood_and_leisure', labels: { nl: 'Kinderopvang', fr: "Accueil de l'enfance", en: 'Childcare' } },
  playgroup: {
    group: 'childhood_and_leisure',
    labels: { nl: 'Peuterspeelzaal of peuteropvang', fr: 'Halte-garderie', en: 'Pre-school playgroup' },
  },
  after_school_care: {
    group: 'childhood_and_leisure',
    labels: { nl: 'Buitenschoolse opvang (BSO)', fr: 'Accueil extrascolaire', en: 'After-school care' },
  },
  integrated_child_centre: {
    group: 'childhood_and_leisure',
    labels: { nl: 'Integraal kindcentrum (IKC)', fr: "Centre intégré de l'enfance", en: 'Integrated child centre' },
  },
  youth_work: { group: 'childhood_and_leisure', labels: { nl: 'Jeugdwerk', fr: 'Organisation de jeunesse', en: 'Youth work' } },
  sport_club: { group: 'childhood_and_leisure', labels: { nl: 'Sportclub', fr: 'Club sportif', en: 'Sports club' } },
  welfare: { group: 'social', labels: { nl: 'Welzijnsorganisatie', fr: 'Organisation de bien-être social', en: 'Welfare organisation' } },
  neighbourhood: {
    group: 'social',
    labels: { nl: 'Buurt- of wijkorganisatie', fr: 'Organisation de quartier', en: 'Neighbourhood organisation' },
  },
  museum: { group: 'culture', labels: { nl: 'Museum', fr: 'Musée', en: 'Museum' } },
  theatre: {
    group: 'culture',
    labels: { nl: 'Theater of cultuurcentrum', fr: 'Théâtre ou centre culturel', en: 'Theatre or cultural centre' },
  },
  academy: {
    group: 'culture',
    labels: { nl: 'Academie (deeltijds kunstonderwijs)', fr: 'Académie (enseignement artistique)', en: 'Arts academy' },
  },
  arts_centre: { group: 'culture', labels: { nl: 'Kunstencentrum', fr: "Centre d'art", en: 'Centre for the arts' } },
  library: { group: 'culture', labels: { nl: 'Bibliotheek', fr: 'Bibliothèque', en: 'Library' } },
  archive: { group: 'culture', labels: { nl: 'Archief', fr: 'Archives', en: 'Archive' } },
  artist: { group: 'culture', labels: { nl: 'Kunstenaar (freelance)', fr: 'Artiste indépendant', en: 'Freelance artist' } },
  amateur_arts: {
    group: 'culture',
    labels: { nl: 'Amateurkunstenvereniging', fr: 'Association d’arts amateurs', en: 'Amateur arts society' },
  },
  festival: { group: 'culture', labels: { nl: 'Festival', fr: 'Festival', en: 'Festival' } },
  heritage_site: { group: 'culture', labels: { nl: 'Erfgoedsite', fr: 'Site patrimonial', en: 'Heritage site' } },
  circus_school: { group: 'culture', labels: { nl: 'Circusschool', fr: 'École de cirque', en: 'Circus school' } },
  film_house: { group: 'culture', labels: { nl: 'Filmhuis', fr: "Cinéma d'art et d'essai", en: 'Film house' } },
  music_venue: { group: 'culture', labels: { nl: 'Muziekcentrum of concertzaal', fr: 'Salle de concert', en: 'Music venue' } },
  cultural_hub: {
    group: 'culture',
    labels: { nl: 'Cultuurkern (meerdere organisaties onder één dak)', fr: 'Pôle culturel', en: 'Cultural hub (several organisations)' },
  },
  other_provider: {
    group: 'culture',
    labels: { nl: 'Andere cultuuraanbieder', fr: 'Autre acteur culturel', en: 'Other cultural provider' },
  },
  culture_coach: { group: 'intermediary', labels: { nl: 'Cultuurcoach', fr: 'Coach culturel', en: 'Culture coach' } },
  broker: {
    group: 'intermediary',
    labels: { nl: 'Makelaar of cultuurnetwerk', fr: 'Intermédiaire culturel', en: 'Broker or cultural network' },
  },
};

/** What people read for each group of kinds. */
export const PARTNER_GROUP_LABELS: Record<Language, Record<PartnerGroup, string>> = {
  nl: {
    education: 'Onderwijs',
    childhood_and_leisure: 'Opvang en vrije tijd',
    social: 'Welzijn en buurt',
    culture: 'Cultuur en erfgoed',
    intermediary: 'Bemiddeling',
  },
  fr: {
    education: 'Enseignement',
    childhood_and_leisure: 'Accueil et loisirs',
    social: 'Social et quartier',
    culture: 'Culture et patrimoine',
    intermediary: 'Intermédiaires',
  },
  en: {
    education: 'Education',
    childhood_and_leisure: 'Childcare and leisure',
    social: 'Welfare and neighbourhood',
    culture: 'Culture and heritage',
    intermediary: 'Intermediaries',
  },
};

/**
 * School levels as each country names them: Flemish (kleuter, lager, secundair,
 * buitengewoon) and Dutch (PO, SO, VO, mbo, hbo). A school or school board says which
 * it teaches; the ages each covers are the matching taxonomy's business.
 */
export const SCHOOL_LEVELS = [
  'be_nursery',
  'be_primary',
  'be_secondary',
  'be_special_needs',
  'be_part_time_arts',
  'nl_primary',
  'nl_special_needs',
  'nl_secondary',
  'nl_vocational',
  'nl_higher_professional',
] as const;
export const SchoolLevelSchema = z.enum(SCHOOL_LEVELS);
export type SchoolLevel = z.infer<typeof SchoolLevelSchema>;

export const SCHOOL_LEVEL_LABELS: Record<Language, Record<SchoolLevel, string>> = {
  nl: {
    be_nursery: 'Kleuteronderwijs (BE)',
    be_primary: 'Lager onderwijs (BE)',
    be_secondary: 'Secundair onderwijs (BE)',
    be_special_needs: 'Buitengewoon onderwijs (BE)',
    be_part_time_arts: 'Deeltijds kunstonderwijs (BE)',
    nl_primary: 'Primair onderwijs, PO (NL)',
    nl_special_needs: 'Speciaal onderwijs, SO/VSO (NL)',
    nl_secondary: 'Voortgezet onderwijs, VO (NL)',
    nl_vocational: 'Middelbaar beroepsonderwijs, mbo (NL)',
    nl_higher_professional: 'Hoger beroepsonderwijs, hbo (NL)',
  },
  fr: {
    be_nursery: 'Enseignement maternel (BE)',
    be_primary: 'Enseignement primaire (BE)',
    be_secondary: 'Enseignement secondaire (BE)',
    be_special_needs: 'Enseignement spécialisé (BE)',
    be_part_time_arts: 'Enseignement artistique à horaire réduit (BE)',
    nl_primary: 'Enseignement primaire, PO (NL)',
    nl_special_needs: 'Enseignement spécialisé, SO/VSO (NL)',
    nl_secondary: 'Enseignement secondaire, VO (NL)',
    nl_vocational: 'Enseignement professionnel, mbo (NL)',
    nl_higher_professional: 'Enseignement supérieur professionnel, hbo (NL)',
  },
  en: {
    be_nursery: 'Nursery education (BE)',
    be_primary: 'Primary education (BE)',
    be_secondary: 'Secondary education (BE)',
    be_special_needs: 'Special needs education (BE)',
    be_part_time_arts: 'Part-time arts education (BE)',
    nl_primary: 'Primary education, PO (NL)',
    nl_special_needs: 'Special needs education, SO/VSO (NL)',
    nl_secondary: 'Secondary education, VO (NL)',
    nl_vocational: 'Vocational education, mbo (NL)',
    nl_higher_professional: 'Higher professional education, hbo (NL)',
  },
};

/** Kinds that teach at school levels: a school, or a board for several schools. */
export function teachesAtLevels(type: OrganisationType): boolean {
  return type === 'school' || type === 'school_board';
}

/** Requesters that are not schools ask by ages and group, in words for leisure time, not grades and classes. */
export function asksForLeisureTime(type: OrganisationType): boolean {
  const { group } = PARTNER_KINDS[type];
  return group === 'childhood_and_leisure' || group === 'social';
}

/** The kinds of one group, in the table's order (a sign-up form's `<optgroup>`). */
export function partnerKindsIn(group: PartnerGroup): OrganisationType[] {
  return (Object.keys(PARTNER_KINDS) as OrganisationType[]).filter((kind) => PARTNER_KINDS[kind].group === group);
}
