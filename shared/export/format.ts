/**
 * Dates and money as people read them in the exported documents. Dates are spelled out ("Tue 1 Dec 2026") so
 * nobody confuses 01/12 and 12/01; names come from fixed tables, not the engine's locale data, so the output is
 * the same on every machine.
 */
import { MONTH_NAMES, type Money, type Recurrence, WEEKDAY_NAMES } from '../domain';
import { annualise } from '../rules/budget';
import { parseLocalDate, weekdayOf } from '../rules/local-date';
import { zonedParts } from '../rules/zoned-time';

/** 'Tue 1 Dec 2026' for '2026-12-01'. */
export function formatDate(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  return `${WEEKDAY_NAMES[weekdayOf(date)]!.slice(0, 3)} ${day} ${MONTH_NAMES[month - 1]!.slice(0, 3)} ${year}`;
}

/** 'Tuesday 8 December 2026, 09:00 (America/Toronto)': when a meeting starts, on the client's wall clock. */
export function formatMeetingTime(startsAt: string, timeZone: string): string {
  const { date, time } = zonedParts(new Date(startsAt), timeZone);
  const { year, month, day } = parseLocalDate(date);
  return `${WEEKDAY_NAMES[weekdayOf(date)]} ${day} ${MONTH_NAMES[month - 1]} ${year}, ${time} (${timeZone})`;
}

/** The local date of an instant in a zone ('2026-11-10'). */
export function localDateOf(instant: string, timeZone: string): string {
  return zonedParts(new Date(instant), timeZone).date;
}

const PERIOD: Record<Recurrence, string> = {
  'one-time': ' one-time',
  monthly: '/month',
  quarterly: '/quarter',
  yearly: '/year',
};
const currencies = new Map<string, Intl.NumberFormat>();

/** '$4,500.00' — the currency stays visible (CA$, €) because amounts in different currencies are never summed. */
export function formatAmount(value: number, currency: string): string {
  let f = currencies.get(currency);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    currencies.set(currency, f);
  }
  return f.format(value);
}

/** '$4,500.00/month', 'CA$6,800.00 one-time'. */
export function formatMoney(money: Money): string {
  return `${formatAmount(money.value, money.currency)}${PERIOD[money.recurrence]}`;
}

/**
 * What an item costs, as one phrase shown the same on screen, in print and in every export: its amount, then the
 * one-time fee that comes with it ('CA$7,850.00/month + CA$12,500.00 one-time'); null when it has neither. Works for
 * an item and for a line of a held agenda (either may predate the fee and lack it).
 */
export function itemAmountText(item: { amount: Money | null; oneTimeAmount?: Money | null }): string | null {
  const parts = [item.amount, item.oneTimeAmount ?? null].filter((m) => m !== null).map(formatMoney);
  return parts.length ? parts.join(' + ') : null;
}

/** A recurring amount over a year ('$54,000.00/year'); null for one-time amounts. */
export function annualised(money: Money): string | null {
  return money.recurrence === 'one-time' ? null : `${formatAmount(annualise(money), money.currency)}/year`;
}
