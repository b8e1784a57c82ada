/**
 * Calendar arithmetic on local dates ('YYYY-MM-DD') and wall-clock times ('HH:MM'), with no time zone involved.
 * Dates are handled as a day number (days since 1970-01-01) so adding days never trips over month ends,
 * year ends or leap years; time zones live in `zoned-time.ts`.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Milliseconds since the epoch of a proleptic-Gregorian UTC date-time; safe for years 0–99 too (unlike Date.UTC). */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

/** True for a real calendar date such as '2028-02-29' (and false for '2027-02-29' or '2026-13-01'). */
export function isLocalDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True for a 24 h wall-clock time 'HH:MM'. */
export function isLocalTime(time: string): boolean {
  return TIME_RE.test(time);
}

export function parseLocalDate(date: string): { year: number; month: number; day: number } {
  if (!isLocalDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

export function parseLocalTime(time: string): { hour: number; minute: number } {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not a wall-clock time (HH:MM, 24 h): ${JSON.stringify(time)}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

export function formatLocalDate(year: number, month: number, day: number): string {
  const y = String(year).padStart(4, '0');
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function formatLocalTime(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month, `month` 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: string): number {
  const { year, month, day } = parseLocalDate(date);
  return Math.round(utcMillis(year, month, day) / DAY_MS);
}

export function fromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** A month as one running number (year * 12 + month - 1), so months can be counted across year ends. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function fromMonthIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * The `nth` given weekday of a month (1–4), or the last one when `nth` is -1,
 * e.g. the 2nd Tuesday of 2026-12 is '2026-12-08'.
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: 1 | 2 | 3 | 4 | -1): string {
  if (nth === -1) {
    const lastDay = formatLocalDate(year, month, daysInMonth(year, month));
    return addDays(lastDay, -((weekdayOf(lastDay) - weekday + 7) % 7));
  }
  const first = formatLocalDate(year, month, 1);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7);
}
