import { describe, expect, it } from 'vitest';
import type { AmountHint } from '../../../shared/domain';
import { headlineAmount } from '../../../shared/hints';

const a = (value: number, recurrence: AmountHint['recurrence'] = 'one-time'): AmountHint => ({
  value,
  currency: 'USD',
  recurrence,
  text: `$${value}`,
});

describe('headlineAmount', () => {
  it('prefers the largest recurring amount over bigger one-time line items', () => {
    expect(headlineAmount([a(32.5), a(3900), a(4220), a(4500, 'monthly'), a(299, 'monthly')])).toEqual(
      a(4500, 'monthly'),
    );
  });
  it('takes the largest one-time amount when nothing recurs', () => {
    expect(headlineAmount([a(2500), a(18000), a(1200)])).toEqual(a(18000));
  });
  it('keeps the first of equal amounts and is null for none', () => {
    const first = { ...a(100), text: 'first' };
    expect(headlineAmount([first, a(100)])).toBe(first);
    expect(headlineAmount([])).toBeNull();
  });
});
