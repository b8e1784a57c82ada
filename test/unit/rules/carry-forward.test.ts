import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Item, ItemStatus, Meeting, Section, type Vendor } from '../../../shared/domain';
import { holdMeeting } from '../../../shared/rules';
import { meeting } from './fixtures';

const item = (id: string, o: Partial<Item> = {}): Item =>
  Item.parse({
    id,
    clientId: 'acme',
    meetingId: 'm1',
    section: 'vendor-follow-up',
    kind: 'other',
    status: 'on-agenda',
    title: `Item ${id}`,
    vendorId: null,
    amount: null,
    decideBy: null,
    urgent: false,
    tags: [],
    createdAt: '2026-01-02T00:00:00.000Z',
    createdBy: 'me',
    updatedAt: '2026-01-02T00:00:00.000Z',
    ...o,
  });

const vendors: Pick<Vendor, 'id' | 'name'>[] = [{ id: 'v-acme', name: 'Acme Cloud' }];
// Tuesday 2026-01-13 at 21:00 in Toronto is already the 14th in UTC: notes must use the client's dates.
const m1 = meeting({ id: 'm1', startsAt: '2026-01-14T02:00:00.000Z' });
const next = { id: 'm2', startsAt: '2026-01-21T02:00:00.000Z' };
const base = { meeting: m1, vendors, next, timeZone: 'America/Toronto', at: '2026-01-14T03:30:00.000Z' };
const note = 'Not discussed on 2026-01-13; carried to 2026-01-20';

const decided = item('d1', {
  section: 'decision-to-prepare',
  status: 'decided',
  discussed: true,
  vendorId: 'v-acme',
  amount: { value: 1200, currency: 'CAD', recurrence: 'monthly' },
  oneTimeAmount: { value: 2500, currency: 'CAD', recurrence: 'one-time' },
  decision: {
    context: '',
    options: [],
    recommendation: '',
    decision: 'Sign the 3-year renewal',
    rationale: '',
    decidedBy: { name: 'Dana Lee', role: 'CFO' },
    decidedOn: '2026-01-13',
    status: 'accepted',
    supersedes: null,
    supersededBy: null,
    nist: [],
    cobit: [],
  },
  actions: [{ id: 'a1', title: 'Send signed copy', owner: 'Sam', due: '2026-01-20', done: false }],
});
const items = [
  item('u2', { section: 'urgent', status: 'withdrawn' }),
  item('u1', { section: 'urgent', status: 'rejected', agendaOrder: 5 }),
  item('v2', { status: 'decided', agendaOrder: 2 }),
  item('v1', { agendaOrder: 1, vendorId: 'v-gone' }),
  decided,
  item('p1', { section: 'project-review', discussed: true }),
  item('x1', {
    section: 'urgent',
    status: 'inbox',
    agendaOrder: 1,
    slips: [{ fromMeetingId: 'm0', toMeetingId: 'm1', at: '2026-01-07T03:00:00.000Z', note: 'earlier' }],
  }),
  item('f1', { section: 'project-review', status: 'deferred', createdAt: '2026-01-01T00:00:00.000Z' }),
];

describe('holdMeeting', () => {
  const result = holdMeeting({ ...base, items });

  it('marks the meeting held at the given time', () => {
    expect(result.meeting).toMatchObject({ id: 'm1', status: 'held', heldAt: '2026-01-14T03:30:00.000Z' });
    expect(Meeting.safeParse(result.meeting).success).toBe(true);
  });

  it('freezes the agenda in section order, then agendaOrder, then createdAt', () => {
    expect(result.meeting.heldAgenda!.map((l) => l.itemId)).toEqual(['f1', 'p1', 'v1', 'v2', 'd1', 'u2', 'x1', 'u1']);
  });

  it('records vendor, amount, decision summary and a copy of the actions on each line', () => {
    const lines = result.meeting.heldAgenda!;
    expect(lines.find((l) => l.itemId === 'd1')).toEqual({
      itemId: 'd1',
      title: 'Item d1',
      section: 'decision-to-prepare',
      status: 'decided',
      vendor: 'Acme Cloud',
      amount: { value: 1200, currency: 'CAD', recurrence: 'monthly' },
      oneTimeAmount: { value: 2500, currency: 'CAD', recurrence: 'one-time' },
      discussed: true,
      decision: { status: 'accepted', decision: 'Sign the 3-year renewal', decidedBy: 'Dana Lee, CFO' },
      actions: [{ id: 'a1', title: 'Send signed copy', owner: 'Sam', due: '2026-01-20', done: false }],
    });
    expect(lines.find((l) => l.itemId === 'd1')!.actions[0]).not.toBe(decided.actions[0]);
    expect(lines.find((l) => l.itemId === 'd1')!.oneTimeAmount).not.toBe(decided.oneTimeAmount);
    // A vendor no longer in the registry, and no vendor at all: null, not a dangling id.
    expect(lines.find((l) => l.itemId === 'v1')).toMatchObject({
      vendor: null,
      amount: null,
      decision: null,
    });
    expect(lines.find((l) => l.itemId === 'v1')).not.toHaveProperty('oneTimeAmount');
    expect(lines.find((l) => l.itemId === 'p1')).toMatchObject({ vendor: null, discussed: true });
  });

  it('freezes no one-time fee for an item stored before there was one', () => {
    const old: Partial<Item> = { ...item('o1') };
    delete old.oneTimeAmount;
    const line = holdMeeting({ ...base, items: [old as Item] }).meeting.heldAgenda![0]!;
    expect(line).not.toHaveProperty('oneTimeAmount');
    expect(Meeting.parse({ ...m1, status: 'held', heldAgenda: [line] }).heldAgenda![0]).toEqual(line);
  });

  it.each<[string, { name: string; role: string } | null, string | null]>([
    ['name and role', { name: 'Dana Lee', role: 'CFO' }, 'Dana Lee, CFO'],
    ['name only', { name: 'Dana Lee', role: '' }, 'Dana Lee'],
    ['role only', { name: '', role: 'Board' }, 'Board'],
    ['nobody', null, null],
  ])('decided by: %s', (_name, by, expected) => {
    const d = item('d1', { status: 'decided', decision: { ...decided.decision!, decidedBy: by } });
    expect(holdMeeting({ ...base, items: [d] }).meeting.heldAgenda![0]!.decision!.decidedBy).toBe(expected);
  });

  it('carries exactly the undiscussed open items, with a slip note in the client’s dates', () => {
    expect(result.carried.map((c) => c.id)).toEqual(['f1', 'v1', 'x1']);
    const x1 = result.carried.find((c) => c.id === 'x1')!;
    expect(x1.patch).toEqual({
      meetingId: 'm2',
      discussed: false,
      slips: [
        { fromMeetingId: 'm0', toMeetingId: 'm1', at: '2026-01-07T03:00:00.000Z', note: 'earlier' },
        { fromMeetingId: 'm1', toMeetingId: 'm2', at: '2026-01-14T03:30:00.000Z', note },
      ],
    });
    for (const c of result.carried) {
      expect(Item.safeParse({ ...items.find((i) => i.id === c.id), ...c.patch }).success).toBe(true);
    }
  });

  it('an empty meeting is held with an empty agenda', () => {
    expect(holdMeeting({ ...base, items: [] })).toEqual({
      meeting: { ...m1, status: 'held', heldAt: base.at, heldAgenda: [], updatedAt: base.at },
      carried: [],
    });
  });

  it('keeps at most 100 slips, dropping the oldest', () => {
    const slips = Array.from({ length: 100 }, (_, i) => ({
      fromMeetingId: `old${i}`,
      toMeetingId: 'm1',
      at: '2025-01-01T00:00:00.000Z',
      note: `slip ${i}`,
    }));
    const [carried] = holdMeeting({ ...base, items: [item('s', { slips })] }).carried;
    expect(carried!.patch.slips).toHaveLength(100);
    expect(carried!.patch.slips[0]!.note).toBe('slip 1');
    expect(carried!.patch.slips[99]!.note).toBe(note);
  });
});

describe('holdMeeting refuses', () => {
  it.each<[string, Partial<typeof base> & { items?: Item[] }, RegExp]>([
    ['a meeting already held', { meeting: { ...m1, status: 'held' } }, /already held/],
    ['a cancelled meeting', { meeting: { ...m1, status: 'cancelled' } }, /cancelled/],
    ['carrying to the same meeting', { next: { id: 'm1', startsAt: next.startsAt } }, /meeting being held/],
    [
      'a next meeting that starts before',
      { next: { id: 'm0', startsAt: '2026-01-07T02:00:00.000Z' } },
      /starts before/,
    ],
    ['an item of another meeting', { items: [item('o', { meetingId: 'm9' })] }, /not on the meeting m1/],
    ['a bad instant', { at: 'yesterday' }, /not an instant/],
  ])('%s', (_name, overrides, message) => {
    expect(() => holdMeeting({ ...base, items: [], ...overrides })).toThrow(RangeError);
    expect(() => holdMeeting({ ...base, items: [], ...overrides })).toThrow(message);
  });
});

describe('holdMeeting properties', () => {
  const arbItem = fc.record({
    status: fc.constantFrom(...ItemStatus.options),
    section: fc.constantFrom(...Section.options),
    discussed: fc.boolean(),
    agendaOrder: fc.integer({ min: -3, max: 3 }),
  });

  it('every undiscussed open item moves, no discussed or closed item does, and the inputs are unchanged', () => {
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 15 }), (specs) => {
        const list = specs.map((s, i) => item(`i${i}`, s));
        const args = { ...base, items: list };
        const before = structuredClone(args);
        const { meeting: held, carried } = holdMeeting(args);
        expect(args).toEqual(before);

        const open = (i: Item) => !['decided', 'rejected', 'withdrawn'].includes(i.status);
        const expected = list.filter((i) => !i.discussed && open(i)).map((i) => i.id);
        expect(carried.map((c) => c.id).sort()).toEqual([...expected].sort());
        for (const c of carried) {
          const original = list.find((i) => i.id === c.id)!;
          expect(c.patch.meetingId).toBe('m2');
          expect(c.patch.slips).toHaveLength(original.slips.length + 1);
        }
        expect(held.heldAgenda!.map((l) => l.itemId).sort()).toEqual(list.map((i) => i.id).sort());
        expect(Meeting.safeParse(held).success).toBe(true);
        // Mutating the result does not reach back into the inputs.
        held.heldAgenda!.forEach((l) => l.actions.push({ id: 'z', title: 'z', owner: '', due: null, done: false }));
        expect(args).toEqual(before);
      }),
    );
  });
});
