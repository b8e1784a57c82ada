import type { Money, Recurrence } from '../../shared/domain';

/** Reads "4,500" + "usd" into Money; a clear sentence when it cannot. */
export function parseMoney(amount: string, currency: string, recurrence: Recurrence): Money | null {
  const text = amount.trim().replace(/[\s\u00a0\u202f,]/g, '');
  if (!text) return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error('The amount must be a number, such as 4500 or 4500.50.');
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new Error('An amount needs a currency code, such as USD, CAD or EUR.');
  return { value, currency: code, recurrence };
}
