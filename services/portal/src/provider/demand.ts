import { DISCIPLINE_LABELS, type Language } from '@koppel/contracts';
import { z } from 'zod';
import type { PortalCopy } from '../copy';

/**
 * What schools in a provider's reach ask for (review's `GET /insights/demand`, issue
 * #13) as the provider page shows it, as pure functions: the answer checked, the
 * sentences, the bar charts' geometry (the script draws them as inline SVG) and the
 * tables with the same numbers. No DOM here.
 */

/** The windows the page offers, in calendar months (review allows 1–24). */
export const DEMAND_MONTH_CHOICES = [3, 6, 12, 24] as const;
export const DEFAULT_DEMAND_MONTHS = 12;

export const DemandSchema = z.object({
  provider: z.string(),
  months: z.number().int(),
  requestsInReach: z.number().int(),
  byDiscipline: z.array(z.object({ discipline: z.string(), requests: z.number().int() })),
  byAgeBand: z.array(z.object({ ageBand: z.string(), requests: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), requests: z.number().int() })),
  recent: z.array(
    z.object({
      title: z.string(),
      disciplines: z.array(z.string()),
      ageMin: z.number(),
      ageMax: z.number(),
      municipality: z.string(),
      month: z.string(),
    }),
  ),
});
export type Demand = z.infer<typeof DemandSchema>;

/** The months a provider may pick: one of the choices, else the default. */
export function demandMonthsOf(value: string | number | undefined): number {
  const months = Number(value);
  return (DEMAND_MONTH_CHOICES as readonly number[]).includes(months) ? months : DEFAULT_DEMAND_MONTHS;
}

/** A discipline in the page language (a code koppel does not know: as it is). */
export function disciplineLabel(discipline: string, lang: Language): string {
  return (DISCIPLINE_LABELS[lang] as Record<string, string>)[discipline] ?? discipline;
}

/** review's age band ids ('0-5', '6-8', …, '18+') in words: "6–8 jaar", "18 jaar en ouder". */
export function ageBandLabel(ageBand: string, copy: PortalCopy): string {
  const t = copy.providerTools.demand;
  const range = /^(\d+)-(\d+)$/.exec(ageBand);
  if (range) return t.ageBand(Number(range[1]), Number(range[2]));
  const from = /^(\d+)\+$/.exec(ageBand);
  if (from) return t.ageBandFrom(Number(from[1]));
  return ageBand;
}

/** 'YYYY-MM' as "maart 2026" (long) or "mrt." (short), in the page's locale; the month as it is when it is not one. */
export function monthLabel(month: string, locale: string, style: 'long' | 'short' = 'long'): string {
  const found = /^(\d{4})-(\d{2})$/.exec(month);
  if (!found) return month;
  const date = new Date(Date.UTC(Number(found[1]), Number(found[2]) - 1, 1));
  return new Intl.DateTimeFormat(
    locale,
    style === 'long' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' },
  ).format(date);
}

// ---- charts ------------------------------------------------------------------

export interface ChartItem {
  label: string;
  value: number;
  /** A second line under a column (the year under January). */
  sublabel?: string;
}

/** One bar, in the SVG's user units: the rectangle, where its label and its number go. */
export interface Bar {
  label: string;
  value: number;
  sublabel?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  labelX: number;
  labelY: number;
  valueX: number;
  valueY: number;
  sublabelY?: number;
}

export interface ChartGeometry {
  kind: 'rows' | 'columns';
  /** The viewBox: 0 0 width height. */
  width: number;
  height: number;
  /** The baseline the bars grow from (x of rows, y of columns). */
  baseline: number;
  bars: Bar[];
}

const CHART_WIDTH = 640;
const round = (n: number) => Math.round(n * 10) / 10;

/** The longest bar stands for the largest value; all zero: no bar at all. */
const scaleOf = (items: readonly ChartItem[], room: number) => {
  const max = Math.max(0, ...items.map((i) => i.value));
  return (value: number) => (max > 0 ? (Math.max(0, value) / max) * room : 0);
};

/**
 * Horizontal bars, one row per item (disciplines, age bands): the label left of the
 * bar (right-aligned), the number just after its end, so a bar of 0 still says 0.
 */
export function rowChart(items: readonly ChartItem[], options: { width?: number; rowHeight?: number } = {}): ChartGeometry {
  const width = options.width ?? CHART_WIDTH;
  const rowHeight = options.rowHeight ?? 30;
  const barHeight = Math.round(rowHeight * 0.65);
  // Room for the longest label at about 7.5 units a character (14px text), within a third of the width.
  const labelWidth = Math.min(Math.round(width / 3), Math.max(60, Math.ceil(Math.max(0, ...items.map((i) => i.label.length)) * 7.5) + 12));
  const numberRoom = 48;
  const scale = scaleOf(items, width - labelWidth - numberRoom);
  return {
    kind: 'rows',
    width,
    height: Math.max(rowHeight, items.length * rowHeight),
    baseline: labelWidth,
    bars: items.map((item, i) => {
      const top = i * rowHeight + (rowHeight - barHeight) / 2;
      const length = round(scale(item.value));
      return {
        label: item.label,
        value: item.value,
        x: labelWidth,
        y: round(top),
        width: length,
        height: barHeight,
        labelX: labelWidth - 8,
        labelY: round(top + barHeight / 2 + 5),
        valueX: round(labelWidth + length + 6),
        valueY: round(top + barHeight / 2 + 5),
      };
    }),
  };
}

/**
 * Columns side by side (months, oldest first): the number above each column, the label
 * under it and an optional second line (the year) under that.
 */
export function columnChart(items: readonly ChartItem[], options: { width?: number; plotHeight?: number } = {}): ChartGeometry {
  const width = options.width ?? CHART_WIDTH;
  const plotHeight = options.plotHeight ?? 160;
  const top = 20; // room for the number above the tallest column
  const bottom = top + plotHeight;
  const slot = items.length ? width / items.length : width;
  const columnWidth = Math.max(2, slot * 0.7);
  const scale = scaleOf(items, plotHeight);
  const anySublabel = items.some((i) => i.sublabel);
  return {
    kind: 'columns',
    width,
    height: bottom + (anySublabel ? 40 : 24),
    baseline: bottom,
    bars: items.map((item, i) => {
      const height = round(scale(item.value));
      const centre = round(i * slot + slot / 2);
      return {
        label: item.label,
        value: item.value,
        ...(item.sublabel ? { sublabel: item.sublabel, sublabelY: bottom + 34 } : {}),
        x: round(centre - columnWidth / 2),
        y: round(bottom - height),
        width: round(columnWidth),
        height,
        labelX: centre,
        labelY: bottom + 17,
        valueX: centre,
        valueY: round(bottom - height - 5),
      };
    }),
  };
}

// ---- the section -------------------------------------------------------------

export interface DemandChart {
  /** For ids: 'discipline', 'age-band', 'month'. */
  key: 'discipline' | 'age-band' | 'month';
  title: string;
  /** The chart's text alternative: what it shows, with every number (months: the ones with requests). */
  summary: string;
  geometry: ChartGeometry;
  /** The same numbers as a table. */
  headers: [string, string];
  rows: [string, string][];
}

export interface DemandView {
  empty: boolean;
  /** "14 aanvragen binnen uw bereik, van april 2025 tot en met maart 2026", or the empty state. */
  total: string;
  charts: DemandChart[];
  /** Said instead of the discipline chart when no request names a discipline. */
  noDisciplines?: string;
  recent: { title: string; facts: string }[];
}

const count = (n: number, locale: string) => n.toLocaleString(locale);

function chartOf(
  key: DemandChart['key'],
  title: string,
  headers: [string, string],
  items: ChartItem[],
  geometry: ChartGeometry,
  copy: PortalCopy,
  summaryItems: ChartItem[] = items,
  rest = '',
): DemandChart {
  const parts = [...summaryItems.map((i) => `${i.label} ${count(i.value, copy.locale)}`), ...(rest ? [rest] : [])].join(', ');
  return {
    key,
    title,
    summary: copy.providerTools.demand.chartLabel(title, parts),
    geometry,
    headers,
    rows: items.map((i) => [i.label, count(i.value, copy.locale)]),
  };
}

/** Everything the demand section shows for review's answer, in the page language. */
export function demandView(demand: Demand, copy: PortalCopy, lang: Language): DemandView {
  const t = copy.providerTools.demand;
  const requestsHeader = t.columns.requests;
  const first = demand.byMonth[0]?.month;
  const last = demand.byMonth[demand.byMonth.length - 1]?.month;
  if (demand.requestsInReach === 0) return { empty: true, total: t.empty, charts: [], recent: [] };

  const total = t.total(demand.requestsInReach, first ? monthLabel(first, copy.locale) : '', last ? monthLabel(last, copy.locale) : '');
  const charts: DemandChart[] = [];
  const disciplines = demand.byDiscipline.map((d) => ({ label: disciplineLabel(d.discipline, lang), value: d.requests }));
  if (disciplines.length)
    charts.push(
      chartOf(
        'discipline',
        t.byDiscipline,
        [copy.client.catalogue.facts.disciplines, requestsHeader],
        disciplines,
        rowChart(disciplines),
        copy,
      ),
    );
  const bands = demand.byAgeBand.map((b) => ({ label: ageBandLabel(b.ageBand, copy), value: b.requests }));
  charts.push(chartOf('age-band', t.byAgeBand, [t.columns.ageBand, requestsHeader], bands, rowChart(bands), copy));

  const months = demand.byMonth.map((m, i) => ({ label: monthLabel(m.month, copy.locale), value: m.requests, month: m.month, i }));
  const columns = months.map((m) => ({
    label: monthLabel(m.month, copy.locale, 'short'),
    value: m.value,
    // The year under January, and under the first column.
    ...(m.i === 0 || m.month.endsWith('-01') ? { sublabel: m.month.slice(0, 4) } : {}),
  }));
  const withRequests = months.filter((m) => m.value > 0);
  const zero = months.length - withRequests.length;
  charts.push(
    chartOf(
      'month',
      t.byMonth,
      [t.columns.month, requestsHeader],
      months.map(({ label, value }) => ({ label, value })),
      columnChart(columns),
      copy,
      withRequests.map(({ label, value }) => ({ label, value })),
      zero > 0 ? t.otherMonths(zero) : '',
    ),
  );

  const recent = demand.recent.map((r) => ({
    title: r.title,
    facts: [
      r.disciplines.length ? r.disciplines.map((d) => disciplineLabel(d, lang)).join(', ') : t.anyDiscipline,
      copy.client.catalogue.ages(r.ageMin, r.ageMax),
      r.municipality,
      monthLabel(r.month, copy.locale),
    ].join(' · '),
  }));
  return { empty: false, total, charts, ...(disciplines.length ? {} : { noDisciplines: t.noDisciplines }), recent };
}
