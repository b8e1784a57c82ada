import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../extension/ui/money';

describe('an amount typed in a form, read like the hints read a page', () => {
  it.each([
    ['12 500,00 $', 'CAD', { value: 12500, currency: 'CAD' }],
    ['12\u202f500,00 $', '', { value: 12500, currency: 'USD' }],
    ['$12,500', '', { value: 12500, currency: 'USD' }],
    ['CAD 1,250', 'USD', { value: 1250, currency: 'CAD' }],
    ['€1.250,50', '', { value: 1250.5, currency: 'EUR' }],
    ['4500', 'usd', { value: 4500, currency: 'USD' }],
    ['4 500,50', 'EUR', { value: 4500.5, currency: 'EUR' }],
    ['4,500.50', 'USD', { value: 4500.5, currency: 'USD' }],
    ['0', 'CAD', { value: 0, currency: 'CAD' }],
  ])('reads %j (currency box %j)', (amount, currency, expected) => {
    expect(parseMoney(amount, currency, 'one-time')).toEqual({ ...expected, recurrence: 'one-time' });
  });

  it('takes the period written in a recurring amount', () => {
    expect(parseMoney('$4,500/year', '', 'monthly')).toEqual({ value: 4500, currency: 'USD', recurrence: 'yearly' });
  });

  it.each([
    ['abc', 'USD', '"abc" is not an amount: write it such as 12 500,00 $, $12,500 or CAD 1,250.'],
    ['12 abc', 'USD', 'is not an amount'],
    ['$12 or $15', '', 'is not an amount'],
    ['4500', '', 'An amount needs a currency code'],
    ['4500', 'dollars', '"dollars" is not a currency code'],
    ['$4,500/month', '', 'recurs (monthly)'],
  ])('refuses %j (currency box %j) with a sentence', (amount, currency, message) => {
    expect(() => parseMoney(amount, currency, 'one-time')).toThrow(message);
  });

  it('leaves an empty amount empty', () => {
    expect(parseMoney('  ', 'USD', 'one-time')).toBeNull();
  });
});
