/**
 * A client's spend for one fiscal year, pending and approved, from items and contracts.
 * - One-time and recurring amounts are kept apart; recurring ones are annualised (the yearly run rate, not prorated
 *   to the part of the year a contract covers). An item's one-time fee (setup, onboarding) beside its recurring amount
 *   is a line of its own, counted once and never annualised.
 * - Currencies are never summed together: one set of totals per currency.
 * - Sums are made in whole cents, so 0.1 + 0.2 is 0.3.
 */
import type { Contract, Item, Money } from '../domain';
import { termsBetween } from './contract-dates';
import { fiscalYearOf, fiscalYearRange } from './fiscal-year';
import { addDays, isLocalDate } from './local-date';

export type Totals = { oneTime: number; recurringAnnual: number };
export type BudgetLine = {
  source: 'item' | 'contract';
  id: string;
  title: string;
  state: 'pending' | 'approved';
  /** Which of the item's sums the line is: its amount, or the one-time fee that comes with it. Contracts: 'amount'. */
  part: 'amount' | 'one-time-fee';
  money: Money;
  /** Annualised recurring amount; 0 for a one-time amount. */
  annual: number;
  currency: string;
};
export type Budget = {
  currencies: Array<{ currency: string; pending: Totals; approved: Totals }>;
  lines: BudgetLine[];
};
export type BudgetArgs = {
  items: readonly Item[];
  contracts: readonly Contract[];
  fiscalYear: number;
  /** Month the client's fiscal year starts in, 1 = January. */
  startMonth: number;
  /** Checked as a date; the totals themselves do not depend on it (auto-renewals are projected indefinitely). */
  today: string;
};

const PER_YEAR: Record<Money['recurrence'], number> = { 'one-time': 0, monthly: 12, quarterly: 4, yearly: 1 };
const cents = (major: number) => Math.round(major * 100);

/** The yearly amount of a recurring sum, rounded to the cent; 0 for a one-time sum (it does not recur). */
export function annualise(money: Money): number {
  if (!Number.isFinite(money.value)) throw new RangeError(`not an amount: ${money.value}`);
  return cents(money.value * PER_YEAR[money.recurrence]) / 100;
}

/** Pending, approved, or null when it does not count (rejected, withdrawn, superseded). */
function itemState(item: Item): BudgetLine['state'] | null {
  const decision = item.decision?.status ?? null;
  if (decision === 'rejected' || decision === 'superseded') return null;
  if (item.status === 'decided') return decision === null || decision === 'accepted' ? 'approved' : 'pending';
  if (item.status === 'rejected' || item.status === 'withdrawn') return null;
  return 'pending';
}

/** The date that puts an item in a fiscal year: decided on, else decide by, else the day it was created (UTC). */
function itemDate(item: Item): string {
  const date = item.decision?.decidedOn ?? item.decideBy ?? item.createdAt.slice(0, 10);
  if (!isLocalDate(date)) throw new RangeError(`the item ${item.id} has no usable date: ${JSON.stringify(date)}`);
  return date;
}

function line(
  source: BudgetLine['source'],
  id: string,
  title: string,
  state: BudgetLine['state'],
  money: Money,
  part: BudgetLine['part'] = 'amount',
): BudgetLine {
  return { source, id, title, state, part, money: { ...money }, annual: annualise(money), currency: money.currency };
}

export function budgetFor(args: BudgetArgs): Budget {
  const { items, contracts, fiscalYear, startMonth, today } = args;
  if (!isLocalDate(today)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  const range = fiscalYearRange(fiscalYear, startMonth);
  const lines: BudgetLine[] = [];

  for (const item of items) {
    // An item stored before there was a one-time fee has none (undefined).
    const fee = item.oneTimeAmount ?? null;
    if (item.amount === null && fee === null) continue;
    const state = itemState(item);
    if (state === null || fiscalYearOf(itemDate(item), startMonth) !== fiscalYear) continue;
    if (item.amount !== null) lines.push(line('item', item.id, item.title, state, item.amount));
    // Paid once whatever it says: the fee is never annualised.
    if (fee !== null)
      lines.push(line('item', item.id, item.title, state, { ...fee, recurrence: 'one-time' }, 'one-time-fee'));
  }

  for (const contract of contracts) {
    const { value } = contract;
    if (value === null) continue;
    const counts =
      value.recurrence === 'one-time'
        ? fiscalYearOf(contract.termStart, startMonth) === fiscalYear
        : termsBetween(contract, range.start, addDays(range.end, 1)).length > 0;
    if (counts) lines.push(line('contract', contract.id, contract.title, 'approved', value));
  }

  lines.sort(
    (a, b) =>
      a.currency.localeCompare(b.currency) ||
      a.state.localeCompare(b.state) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id) ||
      a.part.localeCompare(b.part),
  );
  return { currencies: totals(lines), lines };
}

function totals(lines: readonly BudgetLine[]): Budget['currencies'] {
  type Cents = { pending: Totals; approved: Totals };
  const byCurrency = new Map<string, Cents>();
  for (const l of lines) {
    let t = byCurrency.get(l.currency);
    if (!t) {
      t = { pending: { oneTime: 0, recurringAnnual: 0 }, approved: { oneTime: 0, recurringAnnual: 0 } };
      byCurrency.set(l.currency, t);
    }
    if (l.money.recurrence === 'one-time') t[l.state].oneTime += cents(l.money.value);
    else t[l.state].recurringAnnual += cents(l.annual);
  }
  const major = (t: Totals): Totals => ({ oneTime: t.oneTime / 100, recurringAnnual: t.recurringAnnual / 100 });
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, t]) => ({ currency, pending: major(t.pending), approved: major(t.approved) }));
}
