/** The time zone a broker's calendar days are in (koppel's regions are Belgian and Dutch: the same zone). */
export const INSIGHTS_TIME_ZONE = 'Europe/Brussels';

/** A period as the figures use it: created at or after `from`, before `until`; either end open. */
export interface Period {
  from?: Date;
  until?: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** How far `timeZone`'s clock is ahead of UTC at an instant, in ms (DST included). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - at;
}

/** The instant a calendar day (YYYY-MM-DD) starts in the time zone. */
export function startOfDay(date: string, timeZone = INSIGHTS_TIME_ZONE): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Twice: the offset at local midnight, which may differ from the offset at UTC midnight on a DST day.
  const guess = utcMidnight - zoneOffsetMs(utcMidnight, timeZone);
  return new Date(utcMidnight - zoneOffsetMs(guess, timeZone));
}

/** The calendar day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 3600 * 1000);
  return next.toISOString().slice(0, 10);
}

/**
 * A period from what a broker typed: `from` and `to` are calendar days in Brussels
 * (both included: to=2026-03-31 means until the end of that day) or exact instants
 * (ISO date-times, `to` included). Either may be absent.
 */
export function periodOf(from: string | undefined, to: string | undefined, timeZone = INSIGHTS_TIME_ZONE): Period {
  const period: Period = {};
  if (from) period.from = DATE_ONLY.test(from) ? startOfDay(from, timeZone) : new Date(from);
  if (to) period.until = DATE_ONLY.test(to) ? startOfDay(nextDay(to), timeZone) : new Date(new Date(to).getTime() + 1);
  return period;
}

/** Whether an instant lies in the period. */
export function inPeriod(at: Date, period: Period): boolean {
  const t = new Date(at).getTime();
  return (!period.from || t >= period.from.getTime()) && (!period.until || t < period.until.getTime());
}

/** A ready-made period's name: `month:YYYY-MM` or `school-year:YYYY` (1 September YYYY to 31 August YYYY+1). */
export const PERIOD_NAME = /^(?:month:(\d{4})-(0[1-9]|1[0-2])|school-year:(\d{4}))$/;

export type PeriodName = `month:${string}` | `school-year:${string}`;

/** The last day of a month (1–12) as YYYY-MM-DD. */
function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The calendar days (both included) a ready-made period stands for, or undefined for a
 * name that is not one: `month:2026-11` is 2026-11-01 to 2026-11-30, `school-year:2026`
 * 2026-09-01 to 2027-08-31. As days, they are Brussels days (see `periodOf`).
 */
export function daysOfPeriodName(name: string): { from: string; to: string } | undefined {
  const m = PERIOD_NAME.exec(name);
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const year = Number(m[3]);
    return { from: `${pad(year, 4)}-09-01`, to: `${pad(year + 1, 4)}-08-31` };
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  return { from: `${m[1]}-${m[2]}-01`, to: lastDayOfMonth(year, month) };
}

/** The period a ready-made name stands for, from the first day's start to the last day's end in Brussels. */
export function periodOfName(name: string, timeZone = INSIGHTS_TIME_ZONE): Period {
  const days = daysOfPeriodName(name);
  if (!days) throw new Error(`not a period: ${name}`);
  return periodOf(days.from, days.to, timeZone);
}

/** The calendar day (year, month 1–12) an instant falls on in the time zone. */
function dayIn(at: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

/** The school year (its first calendar year) an instant falls in, by the Brussels calendar. */
export function schoolYearOf(at: Date, timeZone = INSIGHTS_TIME_ZONE): number {
  const { year, month } = dayIn(at, timeZone);
  return month >= 9 ? year : year - 1;
}

/** The ready-made periods a broker can choose at an instant: the current and previous school years, then the last 12 months, newest first. */
export function periodChoices(now: Date, timeZone = INSIGHTS_TIME_ZONE): PeriodName[] {
  const schoolYear = schoolYearOf(now, timeZone);
  const { year, month } = dayIn(now, timeZone);
  const months: PeriodName[] = [];
  for (let i = 0; i < 12; i++) {
    const index = year * 12 + (month - 1) - i;
    months.push(`month:${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`);
  }
  return [`school-year:${schoolYear}`, `school-year:${schoolYear - 1}`, ...months];
}

/** The calendar month (YYYY-MM) an instant falls in, by the Brussels calendar. */
export function monthOf(at: Date, timeZone = INSIGHTS_TIME_ZONE): string {
  const { year, month } = dayIn(new Date(at), timeZone);
  return `${pad(year, 4)}-${pad(month)}`;
}

/**
 * The last `count` calendar months up to and including the one `now` falls in (YYYY-MM,
 * oldest first), and the period they span: from the first month's first day to the end
 * of the current month, in Brussels days.
 */
export function lastMonths(now: Date, count: number, timeZone = INSIGHTS_TIME_ZONE): { months: string[]; period: Period } {
  const { year, month } = dayIn(now, timeZone);
  const current = year * 12 + (month - 1);
  const monthAt = (index: number) => `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) months.push(monthAt(current - i));
  return {
    months,
    period: { from: startOfDay(`${monthAt(current - count + 1)}-01`, timeZone), until: startOfDay(`${monthAt(current + 1)}-01`, timeZone) },
  };
}
