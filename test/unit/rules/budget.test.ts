import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Contract, Decision, Item, ItemStatus, Money, Recurrence } from '../../../shared/domain';
import { annualise, budgetFor, type Budget } from '../../../shared/rules';

const money = (value: number, currency: string, recurrence: Recurrence): Money => ({ value, currency, recurrence });
const decision = (o: Partial<Decision>): Decision => Decision.parse(o);
const item = (id: string, o: Partial<Item>): Item =>
  Item.parse({
    id,
    clientId: 'acme',
    meetingId: null,
    section: 'decision-to-prepare',
    kind: 'quote',
    status: 'on-agenda',
    title: id,
    vendorId: null,
    amount: null,
    decideBy: '2026-06-01',
    urgent: false,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'me',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...o,
  });
const contract = (id: string, o: Partial<Contract>): Contract =>
  Contract.parse({
    id,
    clientId: 'acme',
    vendorId: 'v1',
    title: id,
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    autoRenew: false,
    noticeDays: 30,
    value: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...o,
  });

describe('annualise', () => {
  it.each<[Money, number]>([
    [money(100, 'CAD', 'monthly'), 1200],
    [money(250, 'EUR', 'quarterly'), 1000],
    [money(999.99, 'USD', 'yearly'), 999.99],
    [money(5000, 'USD', 'one-time'), 0],
    [money(0.1, 'USD', 'monthly'), 1.2],
    [money(99.99, 'CAD', 'monthly'), 1199.88],
  ])('%o → %d', (m, expected) => {
    expect(annualise(m)).toBe(expected);
  });

  it('is linear in the amount', () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 });
    const recurrence = fc.constantFrom(...Recurrence.options);
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: 100 }), recurrence, (a, b, k, r) => {
        const of = (c: number) => annualise(money(c / 100, 'USD', r));
        expect(of(a + b)).toBeCloseTo(of(a) + of(b), 6);
        expect(of(k * a)).toBeCloseTo(k * of(a), 6);
      }),
    );
  });

  it('an amount with no currency is refused by the Money schema', () => {
    const missing = Money.safeParse({ value: 10, recurrence: 'monthly' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['currency']);
    const empty = Money.safeParse({ value: 10, currency: '', recurrence: 'monthly' });
    expect(empty.error?.issues.map((i) => i.message)).toEqual(['currency must be an ISO 4217 code such as USD']);
  });
});

describe('budgetFor', () => {
  const items = [
    item('a1 approved, no record', { status: 'decided', amount: money(1000, 'CAD', 'one-time') }),
    item('a2 accepted', {
      status: 'decided',
      decideBy: '2027-06-01', // FY2028, but it was decided in FY2027: the decision date wins
      decision: decision({ status: 'accepted', decidedOn: '2026-05-01' }),
      amount: money(100, 'CAD', 'monthly'),
    }),
    item('a3 float', { amount: money(0.1, 'USD', 'one-time') }),
    item('a3 float too', { status: 'to-prepare', amount: money(0.2, 'USD', 'one-time') }),
    item('x rejected', { status: 'rejected', amount: money(1, 'CAD', 'one-time') }),
    item('x withdrawn', { status: 'withdrawn', amount: money(1, 'CAD', 'one-time') }),
    item('x decision rejected', {
      status: 'decided',
      decision: decision({ status: 'rejected' }),
      amount: money(1, 'CAD', 'one-time'),
    }),
    item('x superseded', {
      status: 'decided',
      decision: decision({ status: 'superseded' }),
      amount: money(1, 'CAD', 'one-time'),
    }),
    item('x pending but rejected record', {
      decision: decision({ status: 'rejected' }),
      amount: money(1, 'CAD', 'one-time'),
    }),
    item('a9 inbox by creation date', {
      status: 'inbox',
      decideBy: null,
      createdAt: '2026-04-01T01:00:00.000Z',
      amount: money(300, 'CAD', 'yearly'),
    }),
    item('x next year', { decideBy: '2027-04-01', amount: money(1, 'CAD', 'one-time') }),
    item('x last year', { decideBy: '2026-03-31', amount: money(1, 'CAD', 'one-time') }),
    item('x no amount', { status: 'decided' }),
    item('a12 decided, record still proposed', {
      status: 'decided',
      decision: decision({ status: 'proposed' }),
      amount: money(50, 'CAD', 'one-time'),
    }),
    item('a13 deferred, options costed', {
      status: 'deferred',
      decision: decision({
        status: 'deferred',
        options: [
          {
            id: 'o1',
            title: 'Big',
            oneTime: money(9999, 'CAD', 'one-time'),
            recurring: money(99, 'CAD', 'monthly'),
            risk: 'low',
            notes: '',
          },
        ],
      }),
      amount: money(2000, 'CAD', 'one-time'),
    }),
    item('a14 euros', { amount: money(250, 'EUR', 'quarterly') }),
  ];
  const contracts = [
    contract('c1 last year only', {
      termStart: '2025-01-01',
      termEnd: '2025-12-31',
      value: money(500, 'CAD', 'yearly'),
    }),
    contract('c2 auto-renewed', {
      termStart: '2024-01-01',
      termEnd: '2024-12-31',
      autoRenew: true,
      value: money(1200, 'USD', 'yearly'),
    }),
    contract('c3 setup fee', { termStart: '2026-05-01', termEnd: '2029-04-30', value: money(5000, 'CAD', 'one-time') }),
    contract('c3 old setup fee', {
      termStart: '2025-05-01',
      termEnd: '2029-04-30',
      value: money(7, 'CAD', 'one-time'),
    }),
    contract('c4 no value', {}),
    contract('c5 starts on the last day', {
      termStart: '2027-03-31',
      termEnd: '2028-03-30',
      value: money(99.99, 'CAD', 'monthly'),
    }),
  ];
  const budget = budgetFor({ items, contracts, fiscalYear: 2027, startMonth: 4, today: '2026-09-01' });

  it('totals pending and approved spend per currency, one-time apart from recurring', () => {
    expect(budget.currencies).toEqual([
      {
        currency: 'CAD',
        pending: { oneTime: 2050, recurringAnnual: 300 },
        approved: { oneTime: 6000, recurringAnnual: 2399.88 },
      },
      { currency: 'EUR', pending: { oneTime: 0, recurringAnnual: 1000 }, approved: { oneTime: 0, recurringAnnual: 0 } },
      {
        currency: 'USD',
        pending: { oneTime: 0.3, recurringAnnual: 0 },
        approved: { oneTime: 0, recurringAnnual: 1200 },
      },
    ]);
  });

  it('lists exactly the lines that count, each with its state and annual amount', () => {
    expect(budget.lines.map((l) => `${l.currency} ${l.state} ${l.source} ${l.id} ${l.annual}`)).toEqual([
      'CAD approved item a1 approved, no record 0',
      'CAD approved item a2 accepted 1200',
      'CAD approved contract c3 setup fee 0',
      'CAD approved contract c5 starts on the last day 1199.88',
      'CAD pending item a12 decided, record still proposed 0',
      'CAD pending item a13 deferred, options costed 0',
      'CAD pending item a9 inbox by creation date 300',
      'EUR pending item a14 euros 1000',
      'USD approved contract c2 auto-renewed 1200',
      'USD pending item a3 float 0',
      'USD pending item a3 float too 0',
    ]);
  });

  it('counts a fixed-term contract only in the years it covers, and a one-time fee in its first year', () => {
    const fy2026 = budgetFor({ items: [], contracts, fiscalYear: 2026, startMonth: 4, today: '2026-09-01' });
    expect(fy2026.lines.map((l) => l.id)).toEqual(['c1 last year only', 'c3 old setup fee', 'c2 auto-renewed']);
    const fy2040 = budgetFor({ items: [], contracts, fiscalYear: 2040, startMonth: 4, today: '2026-09-01' });
    expect(fy2040.lines.map((l) => l.id)).toEqual(['c2 auto-renewed']);
  });

  it('an empty log has an empty budget', () => {
    expect(budgetFor({ items: [], contracts: [], fiscalYear: 2026, startMonth: 1, today: '2026-01-01' })).toEqual({
      currencies: [],
      lines: [],
    });
  });

  it('refuses a bad fiscal year setting', () => {
    expect(() => budgetFor({ items, contracts, fiscalYear: 2027, startMonth: 13, today: '2026-01-01' })).toThrow(
      RangeError,
    );
    expect(() => budgetFor({ items, contracts, fiscalYear: 2027, startMonth: 4, today: 'soon' })).toThrow(
      /not a calendar date/,
    );
  });

  it('property: the lines of each currency and state add up to its totals', () => {
    const arbItem = fc.record({
      status: fc.constantFrom(...ItemStatus.options),
      amount: fc.record({
        value: fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
        currency: fc.constantFrom('CAD', 'USD', 'EUR'),
        recurrence: fc.constantFrom(...Recurrence.options),
      }),
      oneTimeAmount: fc.option(
        fc.record({
          value: fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
          currency: fc.constantFrom('CAD', 'USD', 'EUR'),
          recurrence: fc.constant('one-time' as const),
        }),
      ),
      decideBy: fc.constantFrom('2026-05-01', '2027-02-28', '2027-05-01'),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 30 }), (specs) => {
        const list = specs.map((s, i) => item(`i${i}`, s));
        const b: Budget = budgetFor({ items: list, contracts, fiscalYear: 2027, startMonth: 4, today: '2026-09-01' });
        expect(b.currencies.map((c) => c.currency)).toEqual([...new Set(b.lines.map((l) => l.currency))].sort());
        for (const c of b.currencies) {
          for (const state of ['pending', 'approved'] as const) {
            const mine = b.lines.filter((l) => l.currency === c.currency && l.state === state);
            const oneTime = mine.filter((l) => l.money.recurrence === 'one-time');
            const sum = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 100), 0) / 100;
            expect(c[state].oneTime).toBe(sum(oneTime.map((l) => l.money.value)));
            expect(c[state].recurringAnnual).toBe(sum(mine.map((l) => l.annual)));
          }
        }
      }),
    );
  });
});

describe('budgetFor: a one-time fee beside a recurring amount', () => {
  const proposal = item('p1 managed services', {
    status: 'decided',
    amount: money(7850, 'CAD', 'monthly'),
    oneTimeAmount: money(12500, 'CAD', 'one-time'),
  });
  const budget = budgetFor({ items: [proposal], contracts: [], fiscalYear: 2027, startMonth: 4, today: '2026-09-01' });

  it('is a line of its own, counted once and never annualised', () => {
    expect(budget.lines.map((l) => [l.id, l.part, l.money, l.annual])).toEqual([
      ['p1 managed services', 'amount', money(7850, 'CAD', 'monthly'), 94200],
      ['p1 managed services', 'one-time-fee', money(12500, 'CAD', 'one-time'), 0],
    ]);
    expect(budget.currencies).toEqual([
      {
        currency: 'CAD',
        pending: { oneTime: 0, recurringAnnual: 0 },
        approved: { oneTime: 12500, recurringAnnual: 94200 },
      },
    ]);
  });

  it('follows its item: pending while the item is, out when it is rejected, in its own currency', () => {
    const pending = item('p2', { amount: money(289, 'USD', 'monthly'), oneTimeAmount: money(600, 'CAD', 'one-time') });
    const rejected = item('p3', { status: 'rejected', oneTimeAmount: money(1, 'CAD', 'one-time') });
    const b = budgetFor({
      items: [pending, rejected],
      contracts: [],
      fiscalYear: 2027,
      startMonth: 4,
      today: '2026-09-01',
    });
    expect(b.currencies).toEqual([
      { currency: 'CAD', pending: { oneTime: 600, recurringAnnual: 0 }, approved: { oneTime: 0, recurringAnnual: 0 } },
      { currency: 'USD', pending: { oneTime: 0, recurringAnnual: 3468 }, approved: { oneTime: 0, recurringAnnual: 0 } },
    ]);
  });

  it('counts alone when the item has no other amount', () => {
    const b = budgetFor({
      items: [item('p4', { oneTimeAmount: money(900, 'EUR', 'one-time') })],
      contracts: [],
      fiscalYear: 2027,
      startMonth: 4,
      today: '2026-09-01',
    });
    expect(b.lines.map((l) => [l.part, l.annual])).toEqual([['one-time-fee', 0]]);
    expect(b.currencies[0]!.pending).toEqual({ oneTime: 900, recurringAnnual: 0 });
  });

  it('is none on an item stored before there was one', () => {
    const old: Partial<Item> = { ...item('p5', { amount: money(100, 'CAD', 'yearly') }) };
    delete old.oneTimeAmount;
    const b = budgetFor({ items: [old as Item], contracts: [], fiscalYear: 2027, startMonth: 4, today: '2026-09-01' });
    expect(b.lines.map((l) => l.part)).toEqual(['amount']);
  });
});
