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
