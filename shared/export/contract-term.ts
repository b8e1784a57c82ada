/**
 * Fallback for a contract's current term end and notice deadline, used by the handoff pack when the caller does
 * not pass the rule from `shared/rules/contract-dates.ts`. An auto-renewing contract whose term ended rolls forward
 * by whole renewal periods until the term runs past `today`.
 */
import type { Contract } from '../domain';
import { addDays, daysInMonth, formatLocalDate, parseLocalDate } from '../rules/local-date';

export type ContractDates = (contract: Contract) => { termEnd: string; noticeDeadline: string };

/** Months added to a date, the day clamped to the month's length (31 Jan + 1 month = 28 or 29 Feb). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + month - 1 + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function fallbackContractDates(today: string): ContractDates {
  return (contract) => {
    let termEnd = contract.termEnd;
    // Bounded: a 10-year-old monthly contract is 120 steps; the cap only guards against bad data.
    for (let n = 0; contract.autoRenew && termEnd < today && n < 1200; n++) {
      termEnd = addMonths(termEnd, contract.renewalMonths);
    }
    return { termEnd, noticeDeadline: addDays(termEnd, -contract.noticeDays) };
  };
}
