import { AGE_BAND_IDS } from '../../review/src/app/insights/age-bands';
import { copyFor } from '../src/copy';
import {
  ageBandLabel,
  columnChart,
  type Demand,
  DemandSchema,
  demandMonthsOf,
  demandView,
  monthLabel,
  rowChart,
} from '../src/provider/demand';

/**
 * "What schools ask for" on the provider page (issue #13) as pure helpers: review's
 * answer checked, labels in the page language, the bar charts' geometry, their text
 * alternatives and tables, the recent titles, and the empty state.
 */
const nl = copyFor('nl');
const fr = copyFor('fr');
const en = copyFor('en');

const months = (from: string, values: number[]) => {
  const [year, month] = from.split('-').map(Number);
  return values.map((requests, i) => {
    const at = new Date(Date.UTC(year, month - 1 + i, 1));
    return { month: `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`, requests };
  });
};

const demand: Demand = DemandSchema.parse({
  provider: 'prov-123',
  months: 6,
  requestsInReach: 4,
  byDiscipline: [
    { discipline: 'theatre', requests: 3 },
    { discipline: 'music', requests: 1 },
  ],
  byAgeBand: AGE_BAND_IDS.map((ageBand) => ({ ageBand, requests: ageBand === '6-8' ? 3 : ageBand === '9-11' ? 2 : 0 })),
  byMonth: months('2025-10', [0, 0, 0, 1, 0, 3]),
  recent: [
    { title: 'Theater voor het derde leerjaar', disciplines: ['theatre'], ageMin: 8, ageMax: 9, municipality: 'Menen', month: '2026-03' },
    { title: 'Iets met …', disciplines: [], ageMin: 6, ageMax: 7, municipality: 'West-Vlaanderen', month: '2026-01' },
  ],
});

describe('labels of the demand', () => {
  it('reads every age band review counts in words, in each language', () => {
    expect(AGE_BAND_IDS.map((band) => ageBandLabel(band, nl))).toEqual([
      '0–5 jaar',
      '6–8 jaar',
      '9–11 jaar',
      '12–14 jaar',
      '15–17 jaar',
      '18 jaar en ouder',
    ]);
    expect(ageBandLabel('18+', fr)).toBe('18 ans et plus');
    expect(ageBandLabel('6-8', en)).toBe('6–8 years');
    expect(ageBandLabel('volwassen', nl)).toBe('volwassen');
  });

  it('names months in the page’s locale, long for tables and short under the columns', () => {
    expect(monthLabel('2026-03', nl.locale)).toBe('maart 2026');
    expect(monthLabel('2026-03', fr.locale)).toBe('mars 2026');
    expect(monthLabel('2026-03', en.locale)).toBe('March 2026');
    expect(monthLabel('2026-03', nl.locale, 'short')).toBe('mrt');
    expect(monthLabel('later', nl.locale)).toBe('later');
  });

  it('takes only the periods the page offers', () => {
    expect([3, 6, 12, 24].map(demandMonthsOf)).toEqual([3, 6, 12, 24]);
    expect(demandMonthsOf('6')).toBe(6);
    expect(demandMonthsOf('7')).toBe(12);
    expect(demandMonthsOf(undefined)).toBe(12);
  });
});

describe('chart geometry', () => {
  it('when bars are rows, then the longest is the largest value, each ends in its number, and 0 has no bar', () => {
    const chart = rowChart(
      [
        { label: 'Theater', value: 4 },
        { label: 'Muziek', value: 2 },
        { label: 'Dans', value: 0 },
      ],
      { width: 600, rowHeight: 30 },
    );
    expect(chart).toMatchObject({ kind: 'rows', width: 600, height: 90 });
    const [theatre, music, dance] = chart.bars;
    expect(theatre.x).toBe(chart.baseline);
    expect(theatre.width).toBe(600 - chart.baseline - 48);
    expect(music.width).toBe(theatre.width / 2);
    expect(dance.width).toBe(0);
    expect(dance.valueX).toBe(chart.baseline + 6);
    expect(theatre.valueX).toBe(theatre.x + theatre.width + 6);
    // One row under the other, labels right-aligned before the bars.
    expect(chart.bars.map((b) => [b.y, b.height])).toEqual([
      [5, 20],
      [35, 20],
      [65, 20],
    ]);
    expect(theatre.labelX).toBe(chart.baseline - 8);
  });

  it('when every value is 0, then there is no bar at all (and nothing divides by zero)', () => {
    const chart = rowChart([
      { label: 'a', value: 0 },
      { label: 'b', value: 0 },
    ]);
    expect(chart.bars.map((b) => b.width)).toEqual([0, 0]);
    expect(columnChart([{ label: 'jan', value: 0 }]).bars[0].height).toBe(0);
    expect(rowChart([]).bars).toEqual([]);
  });

  it('when bars are columns, then they stand on one baseline side by side, the number above, the label and year under', () => {
    const chart = columnChart(
      [
        { label: 'dec', value: 2, sublabel: '2025' },
        { label: 'jan', value: 4, sublabel: '2026' },
        { label: 'feb', value: 0 },
        { label: 'mrt', value: 1 },
      ],
      { width: 400, plotHeight: 100 },
    );
    expect(chart).toMatchObject({ kind: 'columns', width: 400, baseline: 120, height: 160 });
    const [december, january, february, march] = chart.bars;
    expect(january.height).toBe(100);
    expect(december.height).toBe(50);
    expect(march.height).toBe(25);
    expect(february.height).toBe(0);
    for (const bar of chart.bars) {
      expect(bar.y + bar.height).toBe(120);
      expect(bar.labelY).toBeGreaterThan(120);
      expect(bar.valueY).toBeLessThan(bar.y);
    }
    expect(chart.bars.map((b) => b.labelX)).toEqual([50, 150, 250, 350]);
    expect(january.sublabelY).toBeGreaterThan(january.labelY);
    expect(february.sublabel).toBeUndefined();
  });
});

describe('the demand section', () => {
  it('says the total and the period, and draws by discipline, by age band and by month, each with its table', () => {
    const view = demandView(demand, nl, 'nl');
    expect(view.empty).toBe(false);
    expect(view.total).toBe('4 aanvragen binnen uw bereik, van oktober 2025 tot en met maart 2026');
    expect(view.charts.map((c) => [c.key, c.title])).toEqual([
      ['discipline', 'Per discipline'],
      ['age-band', 'Per leeftijd'],
      ['month', 'Per maand'],
    ]);
    const [disciplines, bands, perMonth] = view.charts;
    expect(disciplines.headers).toEqual(['Disciplines', 'Aanvragen']);
    expect(disciplines.rows).toEqual([
      ['Theater', '3'],
      ['Muziek', '1'],
    ]);
    expect(disciplines.summary).toBe('Staafdiagram, aanvragen per discipline: Theater 3, Muziek 1');
    expect(bands.rows[1]).toEqual(['6–8 jaar', '3']);
    expect(bands.rows).toHaveLength(AGE_BAND_IDS.length);
    expect(perMonth.rows).toEqual([
      ['oktober 2025', '0'],
      ['november 2025', '0'],
      ['december 2025', '0'],
      ['januari 2026', '1'],
      ['februari 2026', '0'],
      ['maart 2026', '3'],
    ]);
    // Months: the ones with requests by name, the others together.
    expect(perMonth.summary).toBe('Staafdiagram, aanvragen per maand: januari 2026 1, maart 2026 3, de 4 andere maanden 0');
    // The year under the first column and under January.
    expect(perMonth.geometry.bars.map((b) => b.sublabel)).toEqual(['2025', undefined, undefined, '2026', undefined, undefined]);
    expect(perMonth.geometry.bars.map((b) => b.label)).toEqual(['okt', 'nov', 'dec', 'jan', 'feb', 'mrt']);
  });

  it('lists the recent requests with disciplines, ages, place and month, and no one’s name', () => {
    expect(demandView(demand, nl, 'nl').recent).toEqual([
      { title: 'Theater voor het derde leerjaar', facts: 'Theater · 8–9 jaar · Menen · maart 2026' },
      { title: 'Iets met …', facts: 'Geen discipline gekozen · 6–7 jaar · West-Vlaanderen · januari 2026' },
    ]);
    expect(demandView(demand, fr, 'fr').recent[0].facts).toBe('Théâtre · 8–9 ans · Menen · mars 2026');
  });

  it('speaks French and English', () => {
    const frView = demandView(demand, fr, 'fr');
    expect(frView.total).toBe('4 demandes à votre portée, d’octobre 2025 à mars 2026 inclus');
    expect(frView.charts[0].summary).toBe('Diagramme en barres, demandes par discipline : Théâtre 3, Musique 1');
    const enView = demandView(demand, en, 'en');
    expect(enView.total).toBe('4 requests within your reach, from October 2025 through March 2026');
    expect(enView.charts[1].headers).toEqual(['Age', 'Requests']);
    expect(enView.charts[2].summary).toBe('Bar chart, requests by month: January 2026 1, March 2026 3, the other 4 months 0');
  });

  it('when no request names a discipline, then there is no discipline chart but a sentence', () => {
    const view = demandView({ ...demand, byDiscipline: [] }, en, 'en');
    expect(view.charts.map((c) => c.key)).toEqual(['age-band', 'month']);
    expect(view.noDisciplines).toBe('None of these requests names a discipline.');
  });

  it('when nothing is in reach in the period, then it says so and draws nothing', () => {
    const nothing = {
      ...demand,
      requestsInReach: 0,
      byDiscipline: [],
      byAgeBand: AGE_BAND_IDS.map((ageBand) => ({ ageBand, requests: 0 })),
      byMonth: months('2026-01', [0, 0, 0]),
      recent: [],
    };
    expect(demandView(nothing, nl, 'nl')).toEqual({
      empty: true,
      total: 'Nog geen aanvragen binnen uw bereik in deze periode.',
      charts: [],
      recent: [],
    });
    expect(demandView(nothing, fr, 'fr').total).toBe('Pas encore de demandes à votre portée pendant cette période.');
    expect(demandView(nothing, en, 'en').total).toBe('No requests within your reach in this period yet.');
  });

  it('refuses an answer of another shape', () => {
    expect(DemandSchema.safeParse({ ...demand, byMonth: [{ month: 'March', requests: 1 }] }).success).toBe(false);
    expect(DemandSchema.safeParse({ requestsInReach: 1 }).success).toBe(false);
  });
});
