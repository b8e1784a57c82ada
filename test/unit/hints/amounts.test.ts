import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../shared/hints';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('findAmounts reads', () => {
  it.each([
    ['$4,500/month', 4500, 'USD', 'monthly'],
    ['$4,500 per month', 4500, 'USD', 'monthly'],
    ['USD 12,000 annually', 12000, 'USD', 'yearly'],
    ['CAD 18,000 annually', 18000, 'CAD', 'yearly'],
    ['CA$1,200/mo', 1200, 'CAD', 'monthly'],
    ['C$950 a month', 950, 'CAD', 'monthly'],
    ['US$2,400 yearly', 2400, 'USD', 'yearly'],
    ['€1.250,50 par mois', 1250.5, 'EUR', 'monthly'],
    ['12 000 € HT par an', 12000, 'EUR', 'yearly'],
    [`12${NBSP}000,00 EUR TTC / an`, 12000, 'EUR', 'yearly'],
    [`12${NNBSP}000 € par trimestre`, 12000, 'EUR', 'quarterly'],
    ['£2,000 per year', 2000, 'GBP', 'yearly'],
    ['GBP 1,999.99 one-off', 1999.99, 'GBP', 'one-time'],
    ['CHF 3.500 mensuel', 3500, 'CHF', 'monthly'],
    ['AUD 800 per quarter', 800, 'AUD', 'quarterly'],
    ['A$1,100/yr', 1100, 'AUD', 'yearly'],
    ['1.2k/yr', 1200, 'USD', 'yearly'],
    ['$18,000 one-time', 18000, 'USD', 'one-time'],
    ['setup fee of $2,500', 2500, 'USD', 'one-time'],
    ['$299/user/month', 299, 'USD', 'monthly'],
    ['quarterly fee of $3,000', 3000, 'USD', 'quarterly'],
    ['frais d’installation de 1 500 €', 1500, 'EUR', 'one-time'],
    ['abonnement annuel : 9 600 $', 9600, 'USD', 'yearly'],
    ['1 200 $ CAD par mois', 1200, 'CAD', 'monthly'],
    ['Total: 1,234.56 USD', 1234.56, 'USD', 'one-time'],
    ['$1.2M', 1_200_000, 'USD', 'one-time'],
    ['$4.99', 4.99, 'USD', 'one-time'],
  ])('%s', (text, value, currency, recurrence) => {
    const [hint, ...rest] = findAmounts(text);
    expect(rest).toEqual([]);
    expect(hint).toMatchObject({ value, currency, recurrence });
  });

  it('keeps the words it was read from, including per-user wording', () => {
    expect(findAmounts('Pricing: $299/user/month, billed yearly')[0]?.text).toBe('$299/user/month');
    expect(findAmounts('A quarterly fee of $3,000 applies.')[0]?.text).toBe('quarterly fee of $3,000');
  });

  it('reads "$54,000 over 36 months" as a one-time total for the term and says so in the text', () => {
    expect(findAmounts('Total of $54,000 over 36 months.')).toEqual([
      {
        value: 54000,
        currency: 'USD',
        recurrence: 'one-time',
        text: '$54,000 over 36 months',
        label: 'Total',
        role: 'total',
      },
    ]);
    // A rate stated next to the figure still wins over the term.
    expect(findAmounts('$1,500/month for 36 months')[0]?.recurrence).toBe('monthly');
  });

  it('reads a bare "$" as the default currency when one is given', () => {
    expect(findAmounts('$4,500/month', { defaultCurrency: 'CAD' })[0]?.currency).toBe('CAD');
    expect(findAmounts('US$4,500/month', { defaultCurrency: 'CAD' })[0]?.currency).toBe('USD');
    expect(findAmounts('$4,500/month', { defaultCurrency: 'nonsense' })[0]?.currency).toBe('USD');
  });

  it('treats every thousands separator alike', () => {
    const values = ['12,000', '12.000', '12 000', `12${NBSP}000`, `12${NNBSP}000`].map(
      (n) => findAmounts(`${n} €`)[0]?.value,
    );
    expect(values).toEqual([12000, 12000, 12000, 12000, 12000]);
  });

  it('finds several sums in document order, each with its own recurrence', () => {
    const text = 'Setup: $18,000 one-time, then $4,500/month. Support is £2,000 per year.';
    expect(findAmounts(text).map((a) => [a.value, a.currency, a.recurrence])).toEqual([
      [18000, 'USD', 'one-time'],
      [4500, 'USD', 'monthly'],
      [2000, 'GBP', 'yearly'],
    ]);
  });

  it('deduplicates and caps the list', () => {
    expect(findAmounts('$4,500/month … again $4,500/month … and $4,500 per month')).toHaveLength(1);
    const many = Array.from({ length: 40 }, (_, i) => `$${i + 1}00`).join(', ');
    expect(findAmounts(many)).toHaveLength(20);
  });
});

describe('findAmounts ignores what is not money', () => {
  it.each([
    'Call us at 1-800-555-0199 or +1 (514) 555-0199',
    'Call 514 555 0199',
    'Meeting on 12/05/2024 at 10:30',
    'Signed 2026-03-01',
    'a 4.5% increase',
    'a 12,5 % hausse',
    'version 4.5 of the agent',
    'Order #10042, 3 licences, 2 sites',
    'Q4 2026',
    '$0',
    'NZ$ HK$100',
  ])('%s', (text) => {
    expect(findAmounts(text)).toEqual([]);
  });
});
