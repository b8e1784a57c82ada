import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../../shared/domain';
import {
  contractFields,
  emptyContractFields,
  parseContractFields,
  splitDomains,
} from '../../../../extension/ui/workspace/vendors/form-values';

const typed = {
  ...emptyContractFields(),
  title: '  Managed services agreement ',
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
  autoRenew: true,
  renewalMonths: '12',
  noticeDays: '60',
  amount: '4,500.50',
  currency: ' usd',
  recurrence: 'monthly' as const,
  captureIds: ['c1', 'c2', 'c1'],
  notes: 'Signed by the CFO.',
};

describe('parseContractFields', () => {
  it('turns the typed form into a contract input', () => {
    expect(parseContractFields(typed)).toEqual({
      ok: true,
      value: {
        title: 'Managed services agreement',
        termStart: '2026-01-01',
        termEnd: '2026-12-31',
        autoRenew: true,
        renewalMonths: 12,
        noticeDays: 60,
        value: { value: 4500.5, currency: 'USD', recurrence: 'monthly' },
        captureIds: ['c1', 'c2'],
        notes: 'Signed by the CFO.',
      },
    });
  });

  it('gives no value when no amount is typed, and leaves the currency check to the store', () => {
    const none = parseContractFields({ ...typed, amount: ' ', currency: 'EUR' });
    expect(none.ok && none.value.value).toBeNull();
    const noCurrency = parseContractFields({ ...typed, amount: '100', currency: '' });
    expect(noCurrency.ok && noCurrency.value.value).toEqual({ value: 100, currency: '', recurrence: 'monthly' });
  });

  it('passes a negative notice or an end before the start through for the store to refuse', () => {
    const parsed = parseContractFields({ ...typed, noticeDays: '-30', termEnd: '2025-01-01' });
    expect(parsed.ok && [parsed.value.noticeDays, parsed.value.termEnd]).toEqual([-30, '2025-01-01']);
  });

  it.each([
    [{ termEnd: '' }, /start and end dates/],
    [{ noticeDays: '' }, /notice period in days/],
    [{ noticeDays: 'sixty' }, /notice period in days/],
    [{ amount: 'a lot' }, /amount must be a number/],
    [{ renewalMonths: '' }, /length of each renewal/],
  ])('refuses what is not data: %o', (over, message) => {
    const parsed = parseContractFields({ ...typed, ...over });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });

  it('does not ask for a renewal length when the contract does not renew', () => {
    const parsed = parseContractFields({ ...typed, autoRenew: false, renewalMonths: '' });
    expect(parsed.ok && parsed.value).not.toHaveProperty('renewalMonths');
  });

  it('round-trips a stored contract through the form', () => {
    const contract: Contract = {
      id: 'k1',
      clientId: 'c',
      vendorId: 'v',
      title: 'Telephony',
      termStart: '2025-07-01',
      termEnd: '2027-06-30',
      autoRenew: false,
      renewalMonths: 24,
      noticeDays: 90,
      value: { value: 12000, currency: 'CAD', recurrence: 'yearly' },
      captureIds: ['x'],
      notes: '',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const { id: _i, clientId: _c, vendorId: _v, createdAt: _a, updatedAt: _u, ...input } = contract;
    expect(parseContractFields(contractFields(contract))).toEqual({ ok: true, value: input });
  });
});

describe('splitDomains', () => {
  it('splits on commas, spaces and new lines, lower-cases and drops repeats', () => {
    expect(splitDomains(' Acme-MSP.com, portal.acme-msp.com\nacme-msp.com ;, ')).toEqual([
      'acme-msp.com',
      'portal.acme-msp.com',
    ]);
    expect(splitDomains('  ')).toEqual([]);
  });
});
