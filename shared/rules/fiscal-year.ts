/**
 * Fiscal years. Convention: a fiscal year is named by the calendar year it ENDS in (as the US federal and Canadian
 * governments do): with an April start, 2026-04-01 … 2027-03-31 is FY2027, so 2026-05-01 falls in FY2027. With a
 * January start the fiscal year is the calendar year, and is labelled plainly ("2026").
 */
import { daysInMonth, formatLocalDate, parseLocalDate } from './local-date';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function checkStart(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`the fiscal year must start in month 1–12, got ${startMonth}`);
  }
}

function checkYear(fy: number): void {
  if (!Number.isInteger(fy) || fy < 1 || fy > 9999) throw new RangeError(`not a fiscal year: ${fy}`);
}

/** The fiscal year `date` ('YYYY-MM-DD') falls in, for a year starting in month `startMonth` (1 = January). */
export function fiscalYearOf(date: string, startMonth: number): number {
  checkStart(startMonth);
  const { year, month } = parseLocalDate(date);
  return startMonth > 1 && month >= startMonth ? year + 1 : year;
}

/** First and last day (both inclusive) of fiscal year `fy`. */
export function fiscalYearRange(fy: number, startMonth: number): { start: string; end: string } {
  checkStart(startMonth);
  checkYear(fy);
  if (startMonth === 1) return { start: formatLocalDate(fy, 1, 1), end: formatLocalDate(fy, 12, 31) };
  const endMonth = startMonth - 1;
  return {
    start: formatLocalDate(fy - 1, startMonth, 1),
    end: formatLocalDate(fy, endMonth, daysInMonth(fy, endMonth)),
  };
}

/** "FY2027 (Apr 2026 – Mar 2027)", or "2026" when the fiscal year is the calendar year. */
export function fiscalYearLabel(fy: number, startMonth: number): string {
  checkStart(startMonth);
  checkYear(fy);
  if (startMonth === 1) return String(fy);
  return `FY${fy} (${MONTHS[startMonth - 1]} ${fy - 1} – ${MONTHS[startMonth - 2]} ${fy})`;
}
