/**
 * The dates that matter on a contract today: when its current term ends, the last day to give notice, and whether it
 * renews by itself or simply expires.
 *
 * `termEnd` is the LAST day of a term (inclusive). A renewal term starts the day after the previous term ends and
 * lasts `renewalMonths` calendar months, so it ends the day before the same day-of-month `renewalMonths` later:
 * a term ending 2026-12-31 renews to 2027-12-31, one ending 2026-04-30 renews monthly to 2026-05-31 (not 05-30).
 * Months are added with clamping (Jan 31 + 1 month = Feb 28/29), and every renewal is counted from the original
 * term end, so clamping in February never drifts the later terms.
 */
import type { Contract } from '../domain';
import {
  addDays,
  dayNumber,
  daysInMonth,
  formatLocalDate,
  fromMonthIndex,
  monthIndex,
  parseLocalDate,
} from './local-date';

export type ContractDates = {
  /** End of the current term: the original end, rolled forward while it auto-renews and the end is past. */
  termEnd: string;
  /** Last day to give notice: `termEnd` minus `noticeDays`. */
  noticeDeadline: string;
  renewsAutomatically: boolean;
  /** Does not renew and its term ended before today. */
  expired: boolean;
};
export type ContractTerm = { start: string; end: string };
export type ContractTermsInput = Pick<Contract, 'termStart' | 'termEnd' | 'autoRenew' | 'renewalMonths'>;

/** `date` plus `months` calendar months, clamped to the end of the month (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number, got ${months}`);
  const { year, month, day } = parseLocalDate(date);
  const target = fromMonthIndex(monthIndex(year, month) + months);
  return formatLocalDate(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

function check(contract: ContractTermsInput): void {
  parseLocalDate(contract.termStart);
  parseLocalDate(contract.termEnd);
  if (contract.termEnd < contract.termStart) throw new RangeError('the term cannot end before it starts');
  if (contract.autoRenew && (!Number.isInteger(contract.renewalMonths) || contract.renewalMonths < 1)) {
    throw new RangeError(`renewalMonths must be a whole number ≥ 1, got ${contract.renewalMonths}`);
  }
}

/** The `k`-th term (0 = the original one). */
function term(contract: ContractTermsInput, k: number): ContractTerm {
  if (k === 0) return { start: contract.termStart, end: contract.termEnd };
  const firstRenewal = addDays(contract.termEnd, 1);
  const n = contract.renewalMonths;
  return { start: addMonths(firstRenewal, (k - 1) * n), end: addDays(addMonths(firstRenewal, k * n), -1) };
}

/** Index of the first term that ends on or after `date` (0 when the original one does, or it does not renew). */
function termIndexAt(contract: ContractTermsInput, date: string): number {
  if (!contract.autoRenew || contract.termEnd >= date) return 0;
  const end = parseLocalDate(contract.termEnd);
  const at = parseLocalDate(date);
  // Jump close by month count, then step: a contract from 1990 renewing monthly should not loop 400 times.
  const behind = monthIndex(at.year, at.month) - monthIndex(end.year, end.month);
  let k = Math.max(0, Math.floor(behind / contract.renewalMonths) - 1);
  while (term(contract, k).end < date) k += 1;
  return k;
}

/** The terms of a contract, from the original one through the one that contains (or first ends after) `until`. */
export function contractTerms(contract: ContractTermsInput, until: string): ContractTerm[] {
  check(contract);
  parseLocalDate(until);
  const last = termIndexAt(contract, until);
  const terms: ContractTerm[] = [];
  for (let k = 0; k <= last; k += 1) terms.push(term(contract, k));
  return terms;
}

/** The terms of a contract that end on or after `from` and start before `until` (exclusive), in order. */
export function termsBetween(contract: ContractTermsInput, from: string, until: string): ContractTerm[] {
  check(contract);
  parseLocalDate(from);
  parseLocalDate(until);
  const terms: ContractTerm[] = [];
  if (!contract.autoRenew) return contract.termEnd >= from && contract.termStart < until ? [term(contract, 0)] : [];
  for (let k = termIndexAt(contract, from); ; k += 1) {
    const t = term(contract, k);
    if (t.start >= until) return terms;
    terms.push(t);
  }
}

export function contractDates(
  contract: ContractTermsInput & Pick<Contract, 'noticeDays'>,
  today: string,
): ContractDates {
  check(contract);
  parseLocalDate(today);
  if (!Number.isInteger(contract.noticeDays) || contract.noticeDays < 0) {
    throw new RangeError(`noticeDays must be a whole number ≥ 0, got ${contract.noticeDays}`);
  }
  const { end } = term(contract, termIndexAt(contract, today));
  return {
    termEnd: end,
    noticeDeadline: addDays(end, -contract.noticeDays),
    renewsAutomatically: contract.autoRenew,
    expired: !contract.autoRenew && dayNumber(end) < dayNumber(today),
  };
}
