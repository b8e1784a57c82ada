import type { AmountHint, ItemKind } from '../domain';

/**
 * The amount a vCIO would put on the item: the document's total of what is being decided.
 * - A total row or line wins over everything else; with both a recurring and a one-time total, the recurring one is
 *   the amount and the one-time one is kept beside it ("CAD 7,850/month + CAD 12,500 one-time").
 * - With no total, the pre-tax subtotal; with neither, the largest recurring line, else the largest one-time line.
 * - Unit prices, taxes, previous prices and totals over a whole term or first year are options, never the default.
 * Among equals the larger wins (a grand total is at least each partial total), then document order.
 */
export interface Headline {
  amount: AmountHint;
  /** The one-time total that comes with a recurring amount (setup, onboarding), kept apart. */
  oneTime: AmountHint | null;
  why: string;
}

/** What a one-time fee beside a subscription is called: only such a line is kept beside it. */
const SETUP =
  /(?<![\p{L}])(?:one[- ]?time|set[- ]?up|onboarding|installation|install|implementation|migration|deployment|activation|frais uniques?|unique|ponctuel(?:le)?|mise en place|mise en service|intégration|déploiement)(?![\p{L}])/iu;

const recurring = (a: AmountHint) => a.recurrence !== 'one-time';

function largest(xs: readonly AmountHint[]): AmountHint | null {
  return xs.reduce<AmountHint | null>((best, a) => (!best || a.value > best.value ? a : best), null);
}

function pick(pool: readonly AmountHint[]): { amount: AmountHint; oneTime: AmountHint | null } | null {
  const rec = largest(pool.filter(recurring));
  const once = largest(pool.filter((a) => !recurring(a)));
  if (rec) return { amount: rec, oneTime: once };
  return once ? { amount: once, oneTime: null } : null;
}

/** Why the default is what it is, in the reader's words; the document's own label goes where `%` is. */
const WHY: Record<'total' | 'subtotal' | 'line', string> = {
  total: 'the document’s total%',
  subtotal: 'the total before taxes%; no total with taxes is written',
  line: 'the largest price written%; no total is written',
};

export function headline(amounts: readonly AmountHint[], kind: ItemKind | null = null): Headline | null {
  // An incident notice prices nothing to decide: a fee it quotes is the basis of a credit, not an amount.
  const roles = kind === 'incident' ? (['total'] as const) : (['total', 'subtotal', 'line'] as const);
  for (const role of roles) {
    const found = pick(amounts.filter((a) => a.role === role));
    if (!found) continue;
    // Beside a recurring amount: a one-time total, else a lone one-time line (a setup fee), never one of several.
    const onceLines = amounts.filter((a) => a.role === 'line' && !recurring(a) && SETUP.test(`${a.label} ${a.text}`));
    const lone = onceLines.length === 1 ? onceLines[0]! : null;
    const oneTime = recurring(found.amount) ? ((role === 'line' ? null : found.oneTime) ?? lone) : null;
    const label = found.amount.label ? ` (“${found.amount.label}”)` : '';
    return { amount: found.amount, oneTime, why: WHY[role].replace('%', label) };
  }
  return null;
}

/** The default amount alone, for callers that need only the figure. */
export function headlineAmount(amounts: readonly AmountHint[], kind: ItemKind | null = null): AmountHint | null {
  return headline(amounts, kind)?.amount ?? null;
}
