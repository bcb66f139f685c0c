import type { Discipline, Format } from '@koppel/contracts';

const TALKING_DISCIPLINES: Partial<Record<Discipline, number>> = {
  theatre: 0.9,
  literature: 1,
  heritage: 0.9,
  media_literacy: 0.9,
  film_media: 0.6,
  architecture_design: 0.7,
  multidisciplinary: 0.6,
  music: 0.25,
  dance: 0.15,
  circus: 0.2,
  visual_arts: 0.35,
};
const TALKING_FORMATS: Partial<Record<Format, number>> = { visit: 0.9, teacher_training: 1, coaching: 1, lesson_package: 1 };
const WORDLESS_THEMES = new Set(['wordless_theatre']);

/**
 * 0..1: how much an offer depends on understanding its language. The main
 * discipline decides, a talk-heavy format (guided visit, training) raises it, and
 * an explicitly wordless offer lowers it.
 */
export function talkDependenceOf(disciplines: readonly Discipline[], format: Format, themes: Iterable<string>): number {
  let talk = TALKING_DISCIPLINES[disciplines[0]] ?? 0.5;
  talk = Math.max(talk, TALKING_FORMATS[format] ?? 0);
  for (const theme of themes) if (WORDLESS_THEMES.has(theme)) talk = Math.min(talk, 0.15);
  return talk;
}
