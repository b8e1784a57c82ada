import type { AmountHint, AmountRole } from '../domain';
import { placeOf } from './document/amount-roles';
import { readTables } from './document/tables';
import { recurrenceNear } from './recurrence';

/**
 * Sums of money found in free text: "$4,500/month", "USD 12,000 annually", "€1.250,50 par mois",
 * "12 000 € HT par an", "$299/user/month" (kept per user: 299 monthly, the text says "/user"),
 * "quarterly fee of $3,000".
 *
 * A number counts only with a currency next to it (symbol or ISO code, before or after), so phone
 * numbers, dates, percentages and "version 4.5" are never read as money. The one exception is a
 * "k"/"M" figure with a period glued to it ("1.2k/yr"), which is money in every context we clip.
 *
 * Decided: "$54,000 over 36 months" is a one-time total for the term (its value is what is written);
 * the text keeps "over 36 months" so the user can turn it into a monthly figure if they prefer.
 *
 * Each figure is read from the part of the document it sits in (document/amount-roles.ts): a table cell by its
 * column and row, a line by its label. It comes back labelled and with its role (total, tax, unit price…).
 */

const SP = '[ \\u00a0\\u202f]';
const CODES = 'USD|CAD|EUR|GBP|CHF|AUD|NZD';
const PREFIX = `(?<![\\p{L}\\d])(?<pre>US\\$|CA\\$|C\\$|AU\\$|A\\$|NZ\\$|\\$|€|£|${CODES})${SP}?`;
/** 4,500 · 4.500 · 12 000 (any space kind) · 1.250,50 · 4.5 · 299 — one grouping separator per number. */
const NUM =
  '(?<![\\d]|\\d[.,])(?<num>\\d{1,3}(?<sep>[,.\\u00a0\\u202f ])\\d{3}(?!\\d)(?:\\k<sep>\\d{3}(?!\\d))*' +
  '(?:[.,]\\d{1,2}(?!\\d))?|\\d+(?:[.,]\\d{1,2}(?!\\d))?)(?![.,]\\d)(?!\\s?%)';
const MULT = `(?:(?<mult>[kKmM])(?![\\p{L}\\d])|${SP}?(?<multWord>million|millions|thousand)(?![\\p{L}]))?`;
const SUFFIX =
  `(?:${SP}?(?<suf>€|\\$|£|${CODES}|euros?|dollars?)(?![\\p{L}])(?!${SP}?\\d)` +
  `(?:${SP}?(?<suf2>CAD|USD|AUD|US|CA|CAN)(?![\\p{L}]))?)?`;
const AMOUNT = new RegExp(`(?:${PREFIX})?${NUM}${MULT}${SUFFIX}`, 'gu');

const SYMBOLS: Record<string, string | null> = {
  $: null, // bare dollar: the caller's default
  dollar: null,
  dollars: null,
  US$: 'USD',
  US: 'USD',
  CA$: 'CAD',
  C$: 'CAD',
  CA: 'CAD',
  CAN: 'CAD',
  AU$: 'AUD',
  A$: 'AUD',
  NZ$: 'NZD',
  '€': 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
};

const MAX_AMOUNTS = 20;
/** Figures read before giving up: a long price list has its totals at the end. */
const MAX_FIGURES = 400;

/** Which reading of a figure written twice is kept: its strongest role. */
const RANK: Record<AmountRole, number> = { total: 6, subtotal: 5, term: 4, line: 3, tax: 2, unit: 1, prior: 0 };

export interface FindAmountsOptions {
  /** What a bare "$" means (e.g. CAD for a Canadian vendor). USD when absent. */
  defaultCurrency?: string;
}

function currencyOf(token: string | undefined): string | null | undefined {
  if (!token) return undefined;
  if (/^[A-Z]{3}$/.test(token)) return token;
  return SYMBOLS[token] !== undefined ? SYMBOLS[token] : SYMBOLS[token.toLowerCase()];
}

/** "1.250,50" → 1250.5; "12 000" → 12000; "4.5" → 4.5. The last ".d" or ",dd" is the decimal part. */
function parseNumber(num: string): number {
  const dec = /[.,](\d{1,2})$/.exec(num);
  const whole = (dec ? num.slice(0, dec.index) : num).replace(/\D/g, '');
  return Number(`${whole}.${dec?.[1] ?? '0'}`);
}

function multiplier(g: Record<string, string | undefined>): number {
  const m = (g.mult ?? g.multWord ?? '').toLowerCase();
  if (m === 'k' || m === 'thousand') return 1_000;
  if (m === 'm' || m.startsWith('million')) return 1_000_000;
  return 1;
}

export function findAmounts(text: string, opts: FindAmountsOptions = {}): AmountHint[] {
  const fallback = /^[A-Z]{3}$/.test(opts.defaultCurrency ?? '') ? opts.defaultCurrency! : 'USD';
  const tables = readTables(text);
  const found = new Map<string, AmountHint & { index: number }>();
  let figures = 0;
  for (const m of text.matchAll(AMOUNT)) {
    if (++figures > MAX_FIGURES) break;
    const g = m.groups ?? {};
    const start = m.index;
    const end = start + m[0].length;
    const hasCurrency = Boolean(g.pre || g.suf);
    const place = placeOf(text, tables, start, end);
    const scope = place.within ?? { start: 0, end: text.length };
    const rec = recurrenceNear(text.slice(scope.start, scope.end), start - scope.start, end - scope.start);
    const near = rec && { ...rec, start: rec.start + scope.start, end: rec.end + scope.start };
    // A bare figure is money only as "1.2k/yr": a multiplier and a period glued to it.
    if (!hasCurrency && !(multiplier(g) > 1 && near && near.start - end <= 2 && near.recurrence !== 'one-time'))
      continue;

    // A code ("USD", "CAD") beats a symbol ("$"); a bare "$" means the default currency.
    const candidates = [g.suf2, g.suf, g.pre].map(currencyOf);
    const currency = candidates.find((c) => typeof c === 'string') ?? fallback;
    const value = Math.round(parseNumber(g.num ?? '') * multiplier(g) * 100) / 100;
    if (!Number.isFinite(value) || value <= 0) continue;

    const recurrence = place.recurrence ?? near?.recurrence ?? 'one-time';
    const key = `${value}|${currency}|${recurrence}`;
    const prev = found.get(key);
    if (prev && RANK[prev.role] >= RANK[place.role]) continue;
    const from = Math.min(start, near?.start ?? start);
    const to = Math.max(end, near?.end ?? end);
    const words = text.slice(from, to).replace(/\s+/g, ' ').trim();
    found.set(key, {
      value,
      currency,
      recurrence,
      text: words,
      label: place.label,
      role: place.role,
      index: prev?.index ?? start,
    });
  }
  // The figures that matter first (totals, subtotals), then in the document's order.
  return [...found.values()]
    .sort(
      (a, b) => (RANK[b.role] >= RANK.subtotal ? 1 : 0) - (RANK[a.role] >= RANK.subtotal ? 1 : 0) || a.index - b.index,
    )
    .slice(0, MAX_AMOUNTS)
    .map(({ index: _, ...hint }) => hint);
}
