import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysInMonth,
  isLocalDate,
  isLocalTime,
  nthWeekdayOfMonth,
  weekdayOf,
} from '../../../shared/rules';

describe('local dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-06', 364, '2027-01-05'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts days across a leap year', () => {
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2027-01-01', '2028-01-01')).toBe(365);
    expect(daysBetween('2026-12-08', '2026-12-01')).toBe(-7);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-01-01', 4],
    ['2026-03-08', 0],
    ['2026-12-08', 2],
    ['2027-01-01', 5],
    ['2028-02-29', 2],
    ['1969-12-31', 3],
  ])('weekdayOf(%s) = %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it('knows month lengths and real dates', () => {
    expect([daysInMonth(2028, 2), daysInMonth(2027, 2), daysInMonth(2100, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('9:00')).toBe(false);
  });

  it.each([
    [2026, 12, 2, 2, '2026-12-08'],
    [2027, 1, 2, 2, '2027-01-12'],
    [2028, 2, 5, -1, '2028-02-25'],
    [2027, 2, 5, -1, '2027-02-26'],
    [2028, 3, 5, -1, '2028-03-31'],
    [2028, 3, 5, 4, '2028-03-24'],
    [2026, 12, 2, 1, '2026-12-01'],
    [2026, 10, 0, -1, '2026-10-25'],
  ] as const)('nthWeekdayOfMonth(%i, %i, weekday %i, %i) = %s', (y, m, wd, n, expected) => {
    expect(nthWeekdayOfMonth(y, m, wd, n)).toBe(expected);
  });
});
