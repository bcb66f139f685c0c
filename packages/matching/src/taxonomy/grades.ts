import { normaliseText } from '../text/normalise';

/**
 * Education levels to pupil ages (inclusive, whole years; the age most pupils have
 * during that school year, e.g. Flemish "1ste leerjaar" = 6-7).
 *
 *  Flanders   kleuter: instapklas 2-3, 1ste-3de kleuterklas 3-4 .. 5-6
 *             lager:   1ste-6de leerjaar 6-7 .. 11-12; graden 1-3 = 6-8, 8-10, 10-12
 *             secundair: 1ste-6de jaar 12-13 .. 17-18 (S1..S6); graden 12-14, 14-16, 16-18; 7de jaar 18-19
 *  Netherlands groep 1-8: 4-5 .. 11-12; brugklas 12-13; vmbo/havo/vwo klas 1-6: 12-13 .. 17-18
 *  France / Wallonia: maternelle petite/moyenne/grande section 3-4, 4-5, 5-6;
 *             CP 6-7, CE1, CE2, CM1, CM2 10-11; 1re-6e primaire 6-7 .. 11-12;
 *             collège 6e 11-12 .. 3e 14-15; seconde, première, terminale 15-18;
 *             1re-6e secondaire 12-13 .. 17-18
 *  English:   Grade 1-12 6-7 .. 17-18; Year 1-13 (UK) 5-6 .. 17-18
 */
export interface GradeAges {
  ageMin: number;
  ageMax: number;
  matched: string;
}

const ORDINALS: Record<string, number> = {
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  vijfde: 5,
  zesde: 6,
  zevende: 7,
  premiere: 1,
  deuxieme: 2,
  troisieme: 3,
  quatrieme: 4,
  cinquieme: 5,
  sixieme: 6,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
};

/** "3de", "3e", "3rd", "derde", "3" -> 3 */
const ORD = String.raw`(\d{1,2})\s*(?:ste|de|e|er|ere|re|eme|st|nd|rd|th)?|eerste|tweede|derde|vierde|vijfde|zesde|zevende|premiere|deuxieme|troisieme|quatrieme|cinquieme|sixieme|first|second|third|fourth|fifth|sixth|seventh`;

function ordinalValue(text: string): number {
  const digits = /\d+/.exec(text);
  return digits ? Number(digits[0]) : (ORDINALS[text.trim()] ?? NaN);
}

type Rule = { pattern: RegExp; ages: (m: RegExpExecArray, context: string) => [number, number] | null };

const secondaryContext = (context: string): boolean =>
  /\b(secundair|so|aso|tso|kso|bso|dbso|middelbaar|secondaire|secondary|humaniora|s[1-6]|bouw|richting|studierichting)\b/.test(context);
const primaryContext = (context: string): boolean => /\b(lager|leerjaar|basis|basisonderwijs|primaire|primary|lagere)\b/.test(context);

/** Each rule turns one phrase into an age range. Order matters: more specific phrases first. */
const RULES: Rule[] = [
  // Flemish kleuter
  { pattern: /\binstapklas\w*/g, ages: () => [2, 3] },
  { pattern: new RegExp(String.raw`\b(${ORD})\s*kleuterklas\w*`, 'g'), ages: (m) => range(ordinalValue(m[1]) + 2, 1, 1, 3) },
  { pattern: /\b(jongste|kleinste) kleuters\b/g, ages: () => [3, 4] },
  { pattern: /\boudste kleuters\b/g, ages: () => [5, 6] },
  { pattern: /\b(kleuters|kleuterklas|kleuteronderwijs)\b/g, ages: () => [3, 6] },
  // Flemish lager: "3de leerjaar", "3de en 4de leerjaar", "3de-4de leerjaar"
  {
    pattern: new RegExp(String.raw`\b(${ORD})\s*(?:(?:en|-|tot|t\/m|&)\s*(?:het\s*)?(${ORD})\s*)?leerjaar\w*`, 'g'),
    ages: (m) => span(ordinalValue(m[1]) + 5, ordinalValue(m[m.length - 1] ?? m[1]) + 5, 1, 6, m),
  },
  // graden: primary or secondary by context
  {
    pattern: new RegExp(String.raw`\b(${ORD})\s*graad\b`, 'g'),
    ages: (m, context) => {
      const g = ordinalValue(m[1]);
      if (!(g >= 1 && g <= 3)) return null;
      const secondary = secondaryContext(context) || (!primaryContext(context) && /\bjaar\b/.test(context) && !/leerjaar/.test(context));
      return secondary ? [10 + 2 * g, 12 + 2 * g] : [4 + 2 * g, 6 + 2 * g];
    },
  },
  // Flemish secondary: "S1-S2", "4de jaar ASO", "eerste middelbaar"
  { pattern: /\bs([1-7])(?:\s*-\s*s?([1-7]))?\b/g, ages: (m) => span(Number(m[1]) + 11, Number(m[2] ?? m[1]) + 11, 1, 7, m, 12) },
  {
    pattern: new RegExp(String.raw`\b(${ORD})\s*(?:(?:en|-|tot|&)\s*(?:het\s*)?(${ORD})\s*)?(?:jaar|middelbaar|secundair)\b`, 'g'),
    ages: (m, context) => {
      const from = ordinalValue(m[1]);
      const to = ordinalValue(m[m.length - 1] ?? m[1]);
      if (/\b(groep|leerjaar)\b/.test(m[0])) return null;
      if (!(from >= 1 && to <= 7 && from <= to)) return null;
      if (primaryContext(context) && !secondaryContext(context)) return null;
      return [from + 11, to + 12];
    },
  },
  // Dutch: "groep 5", "groep 7-8", "groep 7 en 8"
  {
    pattern: /\bgroep(?:en)?\s*([1-8])(?:\s*(?:-|en|tot|t\/m|&)\s*([1-8]))?\b/g,
    ages: (m) => span(Number(m[1]) + 3, Number(m[2] ?? m[1]) + 3, 1, 8, m, 4),
  },
  { pattern: /\bbrugklas\w*/g, ages: () => [12, 13] },
  {
    pattern: /\b(?:vmbo|havo|vwo|mavo|atheneum|gymnasium)[\s-]*([1-6])\b|\b([1-6])\s*(?:vmbo|havo|vwo|mavo)\b/g,
    ages: (m) => {
      const y = Number(m[1] ?? m[2]);
      return [y + 11, y + 12];
    },
  },
  {
    pattern: /\bklas\s*([1-6])\b/g,
    ages: (m, context) => (/\b(vmbo|havo|vwo|mavo|middelbare|voortgezet)\b/.test(context) ? [Number(m[1]) + 11, Number(m[1]) + 12] : null),
  },
  // French / Walloon
  {
    pattern: /\b(petite|toute petite|moyenne|grande) section\b/g,
    ages: (m) => (({ 'toute petite': [2, 3], petite: [3, 4], moyenne: [4, 5], grande: [5, 6] }) as Record<string, [number, number]>)[m[1]],
  },
  {
    pattern: /\b(cp|ce1|ce2|cm1|cm2)\b/g,
    ages: (m) => (({ cp: [6, 7], ce1: [7, 8], ce2: [8, 9], cm1: [9, 10], cm2: [10, 11] }) as Record<string, [number, number]>)[m[1]],
  },
  { pattern: /\bmaternelle\b/g, ages: () => [3, 6] },
  {
    pattern: new RegExp(String.raw`\b(${ORD})\s*(?:(?:et|-|&)\s*(?:(${ORD})\s*)?)?(?:annee\s*)?primaire\b`, 'g'),
    ages: (m) => span(ordinalValue(m[1]) + 5, ordinalValue(m[m.length - 1] ?? m[1]) + 5, 1, 6, m),
  },
  {
    pattern: new RegExp(String.raw`\b(${ORD})\s*(?:(?:et|-|&)\s*(?:(${ORD})\s*)?)?(?:annee\s*)?secondaire\b`, 'g'),
    ages: (m) => span(ordinalValue(m[1]) + 11, ordinalValue(m[m.length - 1] ?? m[1]) + 11, 1, 7, m, 12),
  },
  {
    pattern: /\b([3-6])\s*(?:e|eme)\b(?=[^.]*\b(college|collegiens|classes? de)\b)|\bclasses? de ([3-6])\s*(?:e|eme)\b/g,
    ages: (m) => {
      const y = Number(m[1] ?? m[3]);
      return [17 - y, 18 - y];
    },
  },
  {
    pattern: /\b(seconde|premiere|terminale)\b(?=\s*(?:annee|classe|generale|technologique|professionnelle|au lycee|\b))/g,
    ages: (m, context) =>
      /\b(lycee|lyceens)\b/.test(context) || m[1] === 'terminale'
        ? ({ seconde: [15, 16], premiere: [16, 17], terminale: [17, 18] } as Record<string, [number, number]>)[m[1]]
        : null,
  },
  // English
  {
    pattern: /\bgrades?\s*(\d{1,2})(?:\s*(?:-|and|to|&)\s*(\d{1,2}))?\b/g,
    ages: (m) => span(Number(m[1]) + 5, Number(m[2] ?? m[1]) + 5, 1, 12, m),
  },
  {
    pattern: /\byears?\s*(\d{1,2})(?:\s*(?:-|and|to|&)\s*(\d{1,2}))?\b/g,
    ages: (m) => span(Number(m[1]) + 4, Number(m[2] ?? m[1]) + 4, 1, 13, m),
  },
  { pattern: /\b(kindergarten|nursery)\b/g, ages: () => [3, 6] },
];

/** [start, start + width] when the grade is within bounds, else null. */
function range(start: number, width: number, low: number, high: number): [number, number] | null {
  return Number.isFinite(start) && start - 2 >= low - 1 && start - 2 <= high ? [start, start + width] : null;
}

/** Ages for a span of grades whose first grade starts at `firstAge`. */
function span(fromAge: number, toAge: number, _low: number, _high: number, _m: RegExpExecArray, _first = 6): [number, number] | null {
  if (!Number.isFinite(fromAge) || !Number.isFinite(toAge) || toAge < fromAge || fromAge < 2 || toAge > 19) return null;
  return [fromAge, toAge + 1];
}

/**
 * Ages covered by every grade phrase in a free text (their union), or null. The
 * surrounding text decides ambiguous phrases ("2de graad" in primary or secondary).
 */
export function agesFromGradeText(text: string): GradeAges | null {
  const context = normaliseText(text).replace(/[–—]/g, '-');
  let ageMin = Infinity;
  let ageMax = -Infinity;
  const matched: string[] = [];
  const taken: Array<[number, number]> = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(context); m; m = rule.pattern.exec(context)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && a < end)) continue; // already read by a more specific rule
      const ages = rule.ages(m, context);
      if (!ages) continue;
      taken.push([start, end]);
      matched.push(m[0].trim());
      ageMin = Math.min(ageMin, ages[0]);
      ageMax = Math.max(ageMax, ages[1]);
    }
  }
  return matched.length ? { ageMin, ageMax, matched: matched.join(', ') } : null;
}
