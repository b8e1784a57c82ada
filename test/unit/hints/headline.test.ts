import { describe, expect, it } from 'vitest';
import type { AmountHint, AmountRole } from '../../../shared/domain';
import { headline, headlineAmount } from '../../../shared/hints';

const a = (
  value: number,
  recurrence: AmountHint['recurrence'] = 'one-time',
  role: AmountRole = 'line',
  label = '',
): AmountHint => ({ value, currency: 'USD', recurrence, text: `$${value}`, label, role });

describe('headline: the amount to decide on', () => {
  it('takes the total row over bigger or recurring lines, and says why', () => {
    const amounts = [
      a(9480),
      a(1120, 'one-time', 'unit'),
      a(18640, 'one-time', 'total', 'Total one-time'),
      a(1250, 'monthly'),
    ];
    const top = headline(amounts);
    expect(top?.amount.value).toBe(18640);
    expect(top?.oneTime).toBeNull();
    expect(top?.why).toContain('Total one-time');
  });
  it('keeps a one-time total beside a recurring total', () => {
    const top = headline([
      a(12500, 'one-time', 'total'),
      a(7850, 'monthly', 'total'),
      a(12500 + 12 * 7850, 'yearly', 'term'),
    ]);
    expect([top?.amount.value, top?.amount.recurrence, top?.oneTime?.value]).toEqual([7850, 'monthly', 12500]);
  });
  it('takes the total with taxes, never a tax or the subtotal, when both are written', () => {
    const top = headline([a(12000, 'one-time', 'subtotal'), a(600, 'one-time', 'tax'), a(13797, 'one-time', 'total')]);
    expect(top?.amount.value).toBe(13797);
    expect(headline([a(12000, 'one-time', 'subtotal'), a(600, 'one-time', 'tax')])?.amount.value).toBe(12000);
  });
  it('with no total: the largest recurring line, a lone one-time line beside it, never a unit or old price', () => {
    const onboarding = a(6000, 'one-time', 'line', 'Onboarding');
    const top = headline([a(32.5, 'monthly', 'unit'), a(4500, 'monthly'), a(9000, 'monthly', 'prior'), onboarding]);
    expect([top?.amount.value, top?.oneTime?.value]).toEqual([4500, 6000]);
    // Only a set-up fee goes beside a subscription: not one of several lines, not a line that is not one.
    expect(headline([a(4500, 'monthly'), onboarding, a(800, 'one-time', 'line', 'Installation')])?.oneTime).toBeNull();
    expect(headline([a(4500, 'monthly'), a(85, 'one-time', 'line', 'Tarif par poste')])?.oneTime).toBeNull();
    expect(headlineAmount([a(2500), a(18000), a(1200)])?.value).toBe(18000);
  });
  it('gives an incident notice no amount unless it writes a total', () => {
    expect(headline([a(189, 'monthly')], 'incident')).toBeNull();
    expect(headline([a(189, 'monthly')], 'change')?.amount.value).toBe(189);
  });
  it('is null when the document has only taxes, unit prices or previous prices', () => {
    expect(headline([a(600, 'one-time', 'tax'), a(20, 'monthly', 'unit'), a(12960, 'yearly', 'prior')])).toBeNull();
    expect(headlineAmount([])).toBeNull();
  });
});
