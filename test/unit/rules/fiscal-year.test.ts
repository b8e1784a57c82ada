import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fiscalYearLabel, fiscalYearOf, fiscalYearRange } from '../../../shared/rules';

describe('fiscalYearOf', () => {
  it.each([
    ['2026-05-01', 4, 2027],
    ['2026-04-01', 4, 2027],
    ['2026-03-31', 4, 2026],
    ['2027-03-31', 4, 2027],
    ['2026-01-01', 1, 2026],
    ['2026-12-31', 1, 2026],
    ['2026-06-30', 7, 2026],
    ['2026-07-01', 7, 2027],
    ['2026-12-01', 12, 2027],
    ['2026-11-30', 12, 2026],
  ])('%s with a year starting in month %i is FY%i', (date, start, fy) => {
    expect(fiscalYearOf(date, start)).toBe(fy);
  });

  it('refuses a start month outside 1–12 and a bad date', () => {
    expect(() => fiscalYearOf('2026-01-01', 0)).toThrow(/month 1–12/);
    expect(() => fiscalYearOf('2026-01-01', 13)).toThrow(RangeError);
    expect(() => fiscalYearOf('2026-02-30', 4)).toThrow(/not a calendar date/);
  });
});

describe('fiscalYearRange', () => {
  it.each([
    [2027, 4, '2026-04-01', '2027-03-31'],
    [2026, 1, '2026-01-01', '2026-12-31'],
    [2028, 3, '2027-03-01', '2028-02-29'],
    [2027, 3, '2026-03-01', '2027-02-28'],
    [2027, 7, '2026-07-01', '2027-06-30'],
    [2027, 12, '2026-12-01', '2027-11-30'],
  ])('FY%i starting in month %i runs %s to %s', (fy, start, from, to) => {
    expect(fiscalYearRange(fy, start)).toEqual({ start: from, end: to });
  });
});

describe('fiscalYearLabel', () => {
  it.each([
    [2027, 4, 'FY2027 (Apr 2026 – Mar 2027)'],
    [2026, 1, '2026'],
    [2027, 2, 'FY2027 (Feb 2026 – Jan 2027)'],
    [2027, 12, 'FY2027 (Dec 2026 – Nov 2027)'],
  ])('FY%i starting in month %i reads %s', (fy, start, label) => {
    expect(fiscalYearLabel(fy, start)).toBe(label);
  });

  it('refuses a year that is not whole', () => {
    expect(() => fiscalYearLabel(2026.5, 4)).toThrow(/not a fiscal year/);
  });
});

describe('fiscal year properties', () => {
  const date = fc.integer({ min: 0, max: 365 * 80 }).map((n) => addDays('1990-01-01', n));
  const startMonth = fc.integer({ min: 1, max: 12 });

  it('the range of a date’s fiscal year contains it', () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const { start, end } = fiscalYearRange(fiscalYearOf(d, m), m);
        expect(start <= d && d <= end).toBe(true);
      }),
    );
  });

  it('consecutive fiscal years touch, with no gap or overlap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), startMonth, (fy, m) => {
        const a = fiscalYearRange(fy, m);
        const b = fiscalYearRange(fy + 1, m);
        expect(b.start).toBe(addDays(a.end, 1));
        expect(fiscalYearOf(a.start, m)).toBe(fy);
        expect(fiscalYearOf(a.end, m)).toBe(fy);
      }),
    );
  });
});
