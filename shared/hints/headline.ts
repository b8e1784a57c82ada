import type { AmountHint } from '../domain';

/**
 * The amount a vCIO would put on the item: a quote lists unit prices, subtotals and taxes before its total,
 * so the largest recurring amount wins, else the largest one-time amount. Document order breaks ties.
 */
export function headlineAmount(amounts: readonly AmountHint[]): AmountHint | null {
  let best: AmountHint | null = null;
  for (const a of amounts) {
    if (!best) best = a;
    else {
      const recurring = a.recurrence !== 'one-time';
      const bestRecurring = best.recurrence !== 'one-time';
      if ((recurring && !bestRecurring) || (recurring === bestRecurring && a.value > best.value)) best = a;
    }
  }
  return best;
}
