import { daysOfPeriodName, inPeriod, periodChoices, periodOf, periodOfName, schoolYearOf } from '../src/app/insights/period';

describe('ready-made periods', () => {
  it('names the calendar days of a month and of a school year (1 September to 31 August)', () => {
    expect(daysOfPeriodName('month:2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(daysOfPeriodName('month:2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(daysOfPeriodName('month:2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(daysOfPeriodName('school-year:2026')).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    expect(daysOfPeriodName('month:2026-13')).toBeUndefined();
    expect(daysOfPeriodName('school-year:26')).toBeUndefined();
  });

  it('starts and ends on Brussels midnights, summer and winter time included', () => {
    // 1 September 2026 00:00 in Brussels is 31 August 22:00 UTC (summer time); 1 September 2027 likewise.
    expect(periodOfName('school-year:2026')).toEqual({
      from: new Date('2026-08-31T22:00:00Z'),
      until: new Date('2027-08-31T22:00:00Z'),
    });
    // November: winter time (UTC+1) at both ends.
    expect(periodOfName('month:2026-11')).toEqual({ from: new Date('2026-10-31T23:00:00Z'), until: new Date('2026-11-30T23:00:00Z') });
    // March 2027: starts in winter time, ends in summer time (clocks go forward on 28 March).
    expect(periodOfName('month:2027-03')).toEqual({ from: new Date('2027-02-28T23:00:00Z'), until: new Date('2027-03-31T22:00:00Z') });
    // The same instants as the equivalent days.
    expect(periodOfName('school-year:2026')).toEqual(periodOf('2026-09-01', '2027-08-31'));
  });

  it('counts an instant by the Brussels day it falls on', () => {
    const year = periodOfName('school-year:2026');
    expect(inPeriod(new Date('2026-08-31T21:59:59.999Z'), year)).toBe(false); // 31 August 23:59:59 in Brussels
    expect(inPeriod(new Date('2026-08-31T22:00:00Z'), year)).toBe(true); // 1 September 00:00 in Brussels
    expect(inPeriod(new Date('2027-08-31T21:59:59.999Z'), year)).toBe(true);
    expect(inPeriod(new Date('2027-08-31T22:00:00Z'), year)).toBe(false);
    const november = periodOfName('month:2026-11');
    expect(inPeriod(new Date('2026-10-31T23:30:00Z'), november)).toBe(true); // 1 November 00:30 in Brussels, 31 October in UTC
    expect(inPeriod(new Date('2026-11-30T23:30:00Z'), november)).toBe(false); // 1 December 00:30 in Brussels
  });

  it('finds the school year of an instant by the Brussels calendar', () => {
    expect(schoolYearOf(new Date('2026-08-31T21:59:00Z'))).toBe(2025);
    expect(schoolYearOf(new Date('2026-08-31T22:00:00Z'))).toBe(2026);
    expect(schoolYearOf(new Date('2027-01-15T12:00:00Z'))).toBe(2026);
  });

  it('offers the current and previous school years and the last 12 months, newest first', () => {
    const choices = periodChoices(new Date('2026-12-02T07:00:00Z'));
    expect(choices).toEqual([
      'school-year:2026',
      'school-year:2025',
      'month:2026-12',
      'month:2026-11',
      'month:2026-10',
      'month:2026-09',
      'month:2026-08',
      'month:2026-07',
      'month:2026-06',
      'month:2026-05',
      'month:2026-04',
      'month:2026-03',
      'month:2026-02',
      'month:2026-01',
    ]);
    // 31 December 23:30 UTC is already January in Brussels.
    expect(periodChoices(new Date('2026-12-31T23:30:00Z')).slice(0, 4)).toEqual([
      'school-year:2026',
      'school-year:2025',
      'month:2027-01',
      'month:2026-12',
    ]);
  });
});
