import { z } from 'zod';
import { PERIOD_NAME, periodOf } from '../../app/insights/period';
import { isRegionName } from '../../app/regions/province-of-postcode';

const isDate = (v: string) => z.iso.date().safeParse(v).success;
const isInstant = (v: string) => z.iso.datetime({ offset: true }).safeParse(v).success;

const isDayOrInstant = (v: unknown) => typeof v === 'string' && v.length <= 40 && (isDate(v) || isInstant(v));

/** A calendar day in Brussels (YYYY-MM-DD) or an exact instant (ISO 8601 with its offset). */
const DayOrInstant = z.string().max(40).refine(isDayOrInstant, 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time');

/** The insights' filters, as the API and the console's form send them. */
export const InsightsQuerySchema = z
  .object({
    region: z
      .string()
      .max(100)
      .refine(isRegionName, 'must be a region (a province as the console names it, e.g. West-Vlaanderen)')
      .optional(),
    from: DayOrInstant.optional(),
    to: DayOrInstant.optional(),
    /** A ready-made period instead of from/to: `month:YYYY-MM` or `school-year:YYYY` (1 September to 31 August). */
    period: z.string().max(20).regex(PERIOD_NAME, 'must be month:YYYY-MM or school-year:YYYY').optional(),
  })
  .strict()
  .refine((q) => q.period === undefined || (q.from === undefined && q.to === undefined), {
    message: 'period cannot be combined with from or to',
    path: ['period'],
  })
  .refine(
    (q) => {
      // Only two readable ends are compared (zod runs this even when a field failed on its own).
      if (!q.from || !q.to || !isDayOrInstant(q.from) || !isDayOrInstant(q.to)) return true;
      const { from, until } = periodOf(q.from, q.to);
      return from! < until!;
    },
    { message: 'from must not be after to', path: ['to'] },
  );
export type InsightsQueryInput = z.infer<typeof InsightsQuerySchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/**
 * The console's form: an empty field means "no filter" (the form always sends every
 * field), and a ready-made period replaces from/to. Anything else is parsed as the API parses it.
 */
export function consoleInsightsQueryOf(query: Record<string, unknown>): Record<string, unknown> {
  const { region, from, to, period } = query;
  // A ready-made period chosen in the form wins over the from/to fields left filled in.
  const named = emptyToUndefined(period);
  const fields = named
    ? { region: emptyToUndefined(region), period: named }
    : { region: emptyToUndefined(region), from: emptyToUndefined(from), to: emptyToUndefined(to) };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}
