import { DEFAULT_MATCHING_CONFIG } from '../src';
import { ageOverlapOf, ageSignal } from '../src/signals/age';
import { budgetSignal, isOverBudget } from '../src/signals/budget';
import { disciplineSignal } from '../src/signals/discipline';
import { distanceSignal } from '../src/signals/distance';
import { formatSignal } from '../src/signals/format';
import { languageSignal } from '../src/signals/language';
import { talkDependenceOf } from '../src/signals/talk-dependence';

const config = DEFAULT_MATCHING_CONFIG;

describe('age signal', () => {
  it('measures coverage of the class range', () => {
    expect(ageOverlapOf({ ageMin: 10, ageMax: 12 }, { ageMin: 6, ageMax: 10 })).toEqual({ from: 10, to: 10, coverage: 1 / 3 });
    expect(ageOverlapOf({ ageMin: 10, ageMax: 11 }, { ageMin: 8, ageMax: 14 }).coverage).toBe(1);
  });
  it('prefers full coverage, then a targeted offer', () => {
    const pupils = { ageMin: 10, ageMax: 11 };
    const full = ageSignal(pupils, { ageMin: 9, ageMax: 12 });
    const broad = ageSignal(pupils, { ageMin: 4, ageMax: 18 });
    const half = ageSignal(pupils, { ageMin: 6, ageMax: 10 });
    expect(full).toBeGreaterThan(broad);
    expect(broad).toBeGreaterThan(half);
    expect(ageSignal(pupils, { ageMin: 3, ageMax: 9 })).toBe(0);
  });
});

describe('discipline signal', () => {
  it('scores main discipline > secondary > multidisciplinary > other', () => {
    expect(disciplineSignal(['theatre'], ['theatre', 'music'], 0.5)).toBe(1);
    expect(disciplineSignal(['music'], ['theatre', 'music'], 0.5)).toBe(0.8);
    expect(disciplineSignal(['music'], ['multidisciplinary'], 0.5)).toBe(0.3);
    expect(disciplineSignal(['music'], ['dance'], 0.5)).toBe(0);
  });
  it('is neutral when nothing is asked', () => expect(disciplineSignal([], ['dance'], 0.5)).toBe(0.5));
});

describe('distance signal', () => {
  it('decays gently: 1 at the door, 0.5 at the half distance', () => {
    expect(distanceSignal(0, config.distance)).toBe(1);
    expect(distanceSignal(config.distance.halfScoreKm, config.distance)).toBeCloseTo(0.5);
    expect(distanceSignal(5, config.distance)).toBeGreaterThan(distanceSignal(15, config.distance));
  });
  it('gives online offers a fixed middle score', () => expect(distanceSignal(null, config.distance)).toBe(config.distance.onlineScore));
});

describe('budget signal', () => {
  it('is 1 within budget or without a budget', () => {
    expect(budgetSignal(5, 5)).toBe(1);
    expect(budgetSignal(0, 0)).toBe(1);
    expect(budgetSignal(50, undefined)).toBe(1);
  });
  it('falls from 0.5 just over budget to 0 at 1.5 x', () => {
    expect(budgetSignal(4.01, 4)).toBeCloseTo(0.5, 2);
    expect(budgetSignal(6, 4)).toBe(0);
    expect(isOverBudget(4.01, 4)).toBe(true);
    expect(isOverBudget(4, 4)).toBe(false);
  });
});

describe('format signal', () => {
  it('is 1 for an asked format, partial for a related one, neutral when none asked', () => {
    const asked = new Map([['workshop' as const, 1]]);
    expect(formatSignal(asked, 'workshop', 0.5)).toBe(1);
    expect(formatSignal(asked, 'project', 0.5)).toBeGreaterThan(formatSignal(asked, 'teacher_training', 0.5));
    expect(formatSignal(new Map(), 'visit', 0.5)).toBe(0.5);
  });
  it('accepts any of several asked formats', () => {
    const asked = new Map([
      ['visit' as const, 1],
      ['workshop' as const, 1],
    ]);
    expect(formatSignal(asked, 'visit', 0.5)).toBeGreaterThan(0.8);
    expect(formatSignal(asked, 'workshop', 0.5)).toBeGreaterThan(0.8);
  });
});

describe('language signal', () => {
  it('matters for talk, much less for dance or wordless theatre', () => {
    const tour = talkDependenceOf(['heritage'], 'visit', []);
    const dance = talkDependenceOf(['dance'], 'workshop', []);
    const wordless = talkDependenceOf(['theatre'], 'performance', ['wordless_theatre']);
    expect(languageSignal('fr', 'fr', tour, config.language)).toBe(1);
    expect(languageSignal('fr', 'nl', tour, config.language)).toBeLessThan(0.3);
    expect(languageSignal('fr', 'nl', dance, config.language)).toBeGreaterThan(0.6);
    expect(languageSignal('fr', 'nl', wordless, config.language)).toBeGreaterThan(0.6);
  });
});
