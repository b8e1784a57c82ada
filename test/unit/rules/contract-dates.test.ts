import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Contract } from '../../../shared/domain';
import { addDays, addMonths, contractDates, contractTerms, termsBetween } from '../../../shared/rules';

const contract = (o: Partial<Contract> = {}): Contract =>
  Contract.parse({
    id: 'k1',
    clientId: 'acme',
    vendorId: 'v1',
    title: 'Acme backup',
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    autoRenew: false,
    renewalMonths: 12,
    noticeDays: 90,
    value: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...o,
  });

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-05-15', 12, '2027-05-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-01-15', 0, '2026-01-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses a fractional month count and a bad date', () => {
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(/not a calendar date/);
  });
});

describe('contractDates', () => {
  it.each<[string, Partial<Contract>, string, { termEnd: string; noticeDeadline: string; expired: boolean }]>([
    ['fixed term, running', {}, '2026-06-01', { termEnd: '2026-12-31', noticeDeadline: '2026-10-02', expired: false }],
    ['fixed term, last day', {}, '2026-12-31', { termEnd: '2026-12-31', noticeDeadline: '2026-10-02', expired: false }],
    ['fixed term, ended', {}, '2027-01-01', { termEnd: '2026-12-31', noticeDeadline: '2026-10-02', expired: true }],
    [
      'auto-renew, still in first term',
      { autoRenew: true },
      '2026-12-31',
      { termEnd: '2026-12-31', noticeDeadline: '2026-10-02', expired: false },
    ],
    [
      'auto-renew, rolled once',
      { autoRenew: true },
      '2027-01-01',
      { termEnd: '2027-12-31', noticeDeadline: '2027-10-02', expired: false },
    ],
    [
      'auto-renew, rolled three times',
      { autoRenew: true },
      '2029-07-04',
      { termEnd: '2029-12-31', noticeDeadline: '2029-10-02', expired: false },
    ],
    [
      'monthly from Jan 31 clamps to Feb 28',
      { termStart: '2026-01-01', termEnd: '2026-01-31', autoRenew: true, renewalMonths: 1, noticeDays: 10 },
      '2026-02-10',
      { termEnd: '2026-02-28', noticeDeadline: '2026-02-18', expired: false },
    ],
    [
      'monthly from Jan 31 clamps to Feb 29 in a leap year',
      { termStart: '2028-01-01', termEnd: '2028-01-31', autoRenew: true, renewalMonths: 1, noticeDays: 0 },
      '2028-02-01',
      { termEnd: '2028-02-29', noticeDeadline: '2028-02-29', expired: false },
    ],
    [
      'monthly: clamping in February does not drift March',
      { termStart: '2026-01-01', termEnd: '2026-01-31', autoRenew: true, renewalMonths: 1, noticeDays: 0 },
      '2026-03-15',
      { termEnd: '2026-03-31', noticeDeadline: '2026-03-31', expired: false },
    ],
    [
      'monthly from a month end keeps month ends',
      { termStart: '2026-04-01', termEnd: '2026-04-30', autoRenew: true, renewalMonths: 1, noticeDays: 0 },
      '2026-05-01',
      { termEnd: '2026-05-31', noticeDeadline: '2026-05-31', expired: false },
    ],
    [
      'quarterly from mid-month',
      { termStart: '2026-01-16', termEnd: '2026-04-15', autoRenew: true, renewalMonths: 3, noticeDays: 30 },
      '2026-05-01',
      { termEnd: '2026-07-15', noticeDeadline: '2026-06-15', expired: false },
    ],
    [
      'a long history of monthly renewals',
      { termStart: '1990-01-01', termEnd: '1990-01-31', autoRenew: true, renewalMonths: 1, noticeDays: 0 },
      '2026-06-15',
      { termEnd: '2026-06-30', noticeDeadline: '2026-06-30', expired: false },
    ],
  ])('%s', (_name, overrides, today, expected) => {
    const c = contract(overrides);
    expect(contractDates(c, today)).toEqual({ ...expected, renewsAutomatically: c.autoRenew });
  });

  it('the schema refuses a term that ends before it starts, and so does the rule', () => {
    const result = Contract.safeParse({ ...contract(), termStart: '2026-06-01', termEnd: '2026-05-31' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['termEnd', 'the term cannot end before it starts'],
    ]);
    const bad = { ...contract(), termStart: '2026-06-01', termEnd: '2026-05-31' };
    expect(() => contractDates(bad, '2026-01-01')).toThrow('the term cannot end before it starts');
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => contractDates(contract(), '2026-13-01')).toThrow(/not a calendar date/);
  });
});

describe('contract terms', () => {
  it('lists the terms through the one containing the date', () => {
    const c = contract({ autoRenew: true });
    expect(contractTerms(c, '2028-03-01')).toEqual([
      { start: '2026-01-01', end: '2026-12-31' },
      { start: '2027-01-01', end: '2027-12-31' },
      { start: '2028-01-01', end: '2028-12-31' },
    ]);
    expect(contractTerms(contract(), '2030-01-01')).toEqual([{ start: '2026-01-01', end: '2026-12-31' }]);
  });

  it('finds the terms overlapping a window', () => {
    const c = contract({ autoRenew: true, termStart: '2026-01-01', termEnd: '2026-03-31', renewalMonths: 3 });
    expect(termsBetween(c, '2026-05-01', '2026-10-01')).toEqual([
      { start: '2026-04-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-09-30' },
    ]);
    expect(termsBetween(contract(), '2027-01-01', '2027-12-31')).toEqual([]);
    expect(termsBetween(contract(), '2025-01-01', '2026-01-01')).toEqual([]);
    expect(termsBetween(contract(), '2025-01-01', '2026-01-02')).toHaveLength(1);
  });

  const date = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1990-01-01', n));
  const renewing = fc.record({
    start: date,
    length: fc.integer({ min: 0, max: 800 }),
    renewalMonths: fc.integer({ min: 1, max: 36 }),
    noticeDays: fc.integer({ min: 0, max: 400 }),
  });

  it('terms follow each other day by day, and the current one is the first not yet ended', () => {
    fc.assert(
      fc.property(renewing, date, ({ start, length, renewalMonths, noticeDays }, today) => {
        const c = contract({ termStart: start, termEnd: addDays(start, length), autoRenew: true, renewalMonths });
        const terms = contractTerms(c, today);
        terms.forEach((t, i) => {
          expect(t.end >= t.start).toBe(true);
          if (i > 0) expect(t.start).toBe(addDays(terms[i - 1]!.end, 1));
        });
        const dates = contractDates({ ...c, noticeDays }, today);
        expect(dates.termEnd).toBe(terms.at(-1)!.end);
        expect(dates.termEnd >= today).toBe(true);
        if (terms.length > 1) expect(terms.at(-2)!.end < today).toBe(true);
        expect(dates.noticeDeadline).toBe(addDays(dates.termEnd, -noticeDays));
        expect(dates.expired).toBe(false);
      }),
    );
  });
});
