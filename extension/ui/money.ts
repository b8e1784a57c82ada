import type { Money, Recurrence } from '../../shared/domain';
import { findAmounts } from '../../shared/hints/amounts';

const EXAMPLES = 'such as 12 500,00 $, $12,500 or CAD 1,250';
const CODE = /^[A-Z]{3}$/;
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * Reads what a person types as an amount — "4500", "12 500,00 $", "$12,500", "CAD 1,250", "€1.250,50" — with the
 * same reader as the hints found in captured pages, so a figure the hints understand is understood here too. A
 * currency written in the amount wins over the currency box; a bare "$" takes the box's code, else USD (the hints'
 * rule). Anything else is refused with a sentence: nothing is stored that would later show as "—".
 */
export function parseMoney(amount: string, currency: string, recurrence: Recurrence): Money | null {
  const text = squash(amount);
  if (!text) return null;
  const code = currency.trim().toUpperCase();
  if (code && !CODE.test(code)) throw new Error(`"${currency.trim()}" is not a currency code: use USD, CAD or EUR.`);
  // A plain figure carries no currency, and the hints only read figures next to one: lend it a code to be read,
  // then use the box's.
  const plain = /^[\d .,]+$/.test(text);
  if (plain && !code) throw new Error('An amount needs a currency code, such as USD, CAD or EUR.');
  // The hints skip zero (a page's "$0" is never the price); a person typing 0 means "costs nothing".
  if (plain && /^0+(?:[.,]0+)?$/.test(text)) return { value: 0, currency: code, recurrence };
  const found = findAmounts(plain ? `${text} USD` : text, { defaultCurrency: code || undefined });
  const hit = found[0];
  if (!hit || found.length > 1 || squash(hit.text) !== (plain ? `${text} USD` : text))
    throw new Error(`"${text}" is not an amount: write it ${EXAMPLES}.`);
  if (recurrence === 'one-time' && hit.recurrence !== 'one-time')
    throw new Error(`"${text}" recurs (${hit.recurrence}): enter it as a recurring cost, or without the period.`);
  return {
    value: hit.value,
    currency: plain ? code : hit.currency,
    recurrence: hit.recurrence !== 'one-time' ? hit.recurrence : recurrence,
  };
}
