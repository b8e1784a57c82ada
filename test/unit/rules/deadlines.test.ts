import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Contract, Item } from '../../../shared/domain';
import { addDays, contractDeadlines, meetingDeadlines, meetingForDate, type Deadline } from '../../../shared/rules';

const contract = (id: string, o: Partial<Contract>): Contract =>
  Contract.parse({
    id,
    clientId: 'acme',
    vendorId: 'v-acme',
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
const item = (id: string, o: Partial<Item>): Item =>
  Item.parse({
    id,
    clientId: 'acme',
    meetingId: null,
    section: 'decision-to-prepare',
    kind: 'quote',
    status: 'on-agenda',
    title: `Quote ${id}`,
    vendorId: null,
    amount: null,
    decideBy: null,
    urgent: false,
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'me',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...o,
  });

const vendors = [
  { id: 'v-acme', name: 'Acme' },
  { id: 'v-bell', name: 'Bell' },
];
const backup = contract('k1', {
  title: 'Acme backup',
  termEnd: '2027-01-01',
  autoRenew: true,
  noticeDays: 90,
});
const phones = contract('k2', { title: 'Phone lines', vendorId: 'v-bell', termEnd: '2026-11-30', noticeDays: 30 });
const ended = contract('k3', { title: 'Old firewall', termEnd: '2026-06-30' });
const brief = (list: Omit<Deadline, 'timing' | 'when'>[]) =>
  list.map((d) => `${d.date} ${d.kind} ${d.itemId ?? d.contractId}`);

describe('contractDeadlines', () => {
  it('lists notice deadlines and term ends, with titles and reasons', () => {
    const list = contractDeadlines([phones, backup, ended], '2026-09-01', vendors);
    expect(list).toEqual([
      {
        date: '2026-10-03',
        kind: 'notice',
        title: 'Last day to give notice on Acme backup (90 days before 2027-01-01)',
        itemId: null,
        contractId: 'k1',
        vendorId: 'v-acme',
        why: '90 days of notice are needed to stop it renewing; the term ends on 2027-01-01',
      },
      {
        date: '2026-10-31',
        kind: 'notice',
        title: 'Last day to give notice on Phone lines — Bell (30 days before 2026-11-30)',
        itemId: null,
        contractId: 'k2',
        vendorId: 'v-bell',
        why: '30 days of notice are needed to end it; the term ends on 2026-11-30',
      },
      {
        date: '2026-11-30',
        kind: 'expiry',
        title: 'Phone lines — Bell expires',
        itemId: null,
        contractId: 'k2',
        vendorId: 'v-bell',
        why: 'The term ends on 2026-11-30 and does not renew',
      },
      {
        date: '2027-01-01',
        kind: 'renewal',
        title: 'Acme backup renews for 12 months',
        itemId: null,
        contractId: 'k1',
        vendorId: 'v-acme',
        why: 'The term ends on 2027-01-01 and renews automatically unless notice was given by 2026-10-03',
      },
    ]);
  });

  it('skips notice deadlines already past and expired contracts', () => {
    expect(brief(contractDeadlines([phones, backup, ended], '2026-10-15'))).toEqual([
      '2026-10-31 notice k2',
      '2026-11-30 expiry k2',
      '2027-01-01 renewal k1',
    ]);
    expect(brief(contractDeadlines([phones, ended], '2026-12-01'))).toEqual([]);
  });

  it('follows an auto-renewing contract into its current term', () => {
    expect(brief(contractDeadlines([backup], '2027-06-01'))).toEqual(['2027-10-03 notice k1', '2028-01-01 renewal k1']);
  });
});

describe('meetingDeadlines', () => {
  // Tuesdays 09:00 Toronto; the following meeting is after the switch back to standard time.
  const meeting = { id: 'm1', startsAt: '2026-10-06T13:00:00.000Z' };
  const following = { startsAt: '2026-11-03T14:00:00.000Z' };
  const monthly = contract('k5', {
    title: 'Helpdesk',
    termStart: '2026-09-01',
    termEnd: '2026-09-30',
    autoRenew: true,
    renewalMonths: 1,
    noticeDays: 10,
  });
  const items = [
    item('i1', { decideBy: '2026-10-20', vendorId: 'v-bell' }),
    item('i2', { decideBy: '2026-11-03' }),
    item('i3', { decideBy: '2026-09-15', status: 'inbox' }),
    item('i4', { decideBy: '2026-10-10', status: 'decided' }),
    item('i5', { decideBy: '2026-10-10', status: 'rejected' }),
    item('i6', { decideBy: null }),
    item('i7', { decideBy: '2026-10-10', status: 'withdrawn' }),
    item('i8', { decideBy: '2026-10-01', status: 'deferred', contractId: 'k2' }),
  ];
  const args = {
    meeting,
    following,
    items,
    contracts: [backup, phones, ended, monthly],
    vendors,
    timeZone: 'America/Toronto',
    now: new Date('2026-10-01T02:00:00.000Z'), // still 2026-09-30 in Toronto
  };

  it('lists contract and decide-by deadlines from today up to the following meeting, sorted', () => {
    expect(brief(meetingDeadlines(args))).toEqual([
      '2026-09-15 decide-by i3',
      '2026-09-30 renewal k5',
      '2026-10-01 decide-by i8',
      '2026-10-03 notice k1',
      '2026-10-20 decide-by i1',
      '2026-10-21 notice k5',
      '2026-10-31 renewal k5', // same day: by title, "Helpdesk renews…" before "Last day…"
      '2026-10-31 notice k2',
    ]);
  });

  it('titles name the vendor, ids point back to the data, and overdue items say so', () => {
    const list = meetingDeadlines(args);
    expect(list.find((d) => d.itemId === 'i1')).toEqual({
      date: '2026-10-20',
      kind: 'decide-by',
      title: 'Quote i1 — Bell',
      itemId: 'i1',
      contractId: null,
      vendorId: 'v-bell',
      why: '',
      timing: 'before-next',
      when: 'After this meeting, before the next one (Tue 3 Nov 2026)',
    });
    expect(list.find((d) => d.itemId === 'i3')!.when).toBe('Overdue: it was due on Tue 15 Sep 2026');
    expect(list.find((d) => d.itemId === 'i8')!.when).toBe('Before this meeting (Tue 6 Oct 2026)');
    expect(list.find((d) => d.itemId === 'i8')!.contractId).toBe('k2');
  });

  it('reads today in the client’s zone', () => {
    expect(brief(meetingDeadlines({ ...args, timeZone: 'UTC' }))).not.toContain('2026-09-30 renewal k5');
  });

  it('looks 60 days past the meeting when no following meeting is known', () => {
    const list = meetingDeadlines({ ...args, following: null, items: [items[1]!], contracts: [phones, backup] });
    expect(brief(list)).toEqual([
      '2026-10-03 notice k1',
      '2026-10-31 notice k2',
      '2026-11-03 decide-by i2',
      '2026-11-30 expiry k2',
    ]);
    expect(list[2]!.when).toBe('After this meeting (no next meeting planned yet)');
  });

  it('property: every deadline is in the window and sorted; every open decide-by before the end is there', () => {
    const day = fc.integer({ min: -60, max: 120 }).map((n) => addDays('2026-10-01', n));
    fc.assert(
      fc.property(fc.array(fc.option(day), { maxLength: 10 }), fc.integer({ min: 1, max: 90 }), (dates, gap) => {
        const list = dates.map((d, i) => item(`q${i}`, { decideBy: d }));
        const until = addDays('2026-10-06', gap);
        const out = meetingDeadlines({
          ...args,
          items: list,
          following: { startsAt: `${until}T16:00:00.000Z` },
        });
        const keys = out.map((d) => `${d.date} ${d.title}`);
        expect(keys).toEqual([...keys].sort());
        for (const d of out) {
          expect(d.date < until).toBe(true);
          if (d.kind !== 'decide-by') expect(d.date >= '2026-09-30').toBe(true);
        }
        const due = list.filter((i) => i.decideBy !== null && i.decideBy < until).map((i) => i.id);
        expect(
          out
            .filter((d) => d.kind === 'decide-by')
            .map((d) => d.itemId)
            .sort(),
        ).toEqual(due.sort());
      }),
    );
  });
});

describe('meetingForDate', () => {
  const meetings = [
    { id: 'held', startsAt: '2026-09-29T13:00:00.000Z', status: 'held' },
    { id: 'm1', startsAt: '2026-10-06T13:00:00.000Z', status: 'planned' },
    { id: 'm2', startsAt: '2026-10-21T01:00:00.000Z', status: 'planned' }, // 2026-10-20 21:00 in Toronto
    { id: 'm3', startsAt: '2026-10-27T13:00:00.000Z', status: 'cancelled' },
    { id: 'm4', startsAt: '2026-11-03T14:00:00.000Z', status: 'planned' },
  ];

  it.each([
    ['2026-10-31', 'America/Toronto', 'm2'],
    ['2026-10-21', 'America/Toronto', 'm2'],
    ['2026-10-21', 'UTC', 'm1'],
    ['2026-10-20', 'America/Toronto', 'm1'],
    ['2026-10-06', 'America/Toronto', null],
    ['2027-01-01', 'America/Toronto', 'm4'],
  ])('a deadline on %s (%s) belongs to %s', (date, zone, expected) => {
    expect(meetingForDate(date, meetings, zone)).toBe(expected);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => meetingForDate('2026-10-32', meetings, 'UTC')).toThrow(/not a calendar date/);
  });
});
