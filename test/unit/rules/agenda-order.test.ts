import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Item, type Section } from '../../../shared/domain';
import {
  agendaSequence,
  moveToSection,
  moveWithin,
  orderedAgenda,
  ORDER_GAP,
  type OrderChange,
} from '../../../shared/rules';

const item = (id: string, section: Section, agendaOrder: number, createdAt = '2026-01-01T00:00:00.000Z'): Item =>
  Item.parse({
    id,
    clientId: 'acme',
    meetingId: 'm1',
    section,
    kind: 'other',
    status: 'on-agenda',
    title: id,
    vendorId: null,
    amount: null,
    decideBy: null,
    urgent: false,
    tags: [],
    agendaOrder,
    createdAt,
    createdBy: 'me',
    updatedAt: createdAt,
  });

const apply = <T extends { id: string; agendaOrder: number }>(items: T[], changes: OrderChange[]): T[] =>
  items.map((i) => ({ ...i, agendaOrder: changes.find((c) => c.id === i.id)?.agendaOrder ?? i.agendaOrder }));
const ids = (items: { id: string }[]) => items.map((i) => i.id);
const reorder = (list: string[], id: string, to: number) => {
  const rest = list.filter((x) => x !== id);
  rest.splice(to, 0, id);
  return rest;
};

describe('orderedAgenda', () => {
  it('groups by section in agenda order, then by agendaOrder, createdAt and id', () => {
    const items = [
      item('u1', 'urgent', 0),
      item('v2', 'vendor-follow-up', 2048),
      item('v1', 'vendor-follow-up', 1024),
      item('v3', 'vendor-follow-up', 1024, '2025-12-31T00:00:00.000Z'),
      item('p2', 'project-review', 5),
      item('p1', 'project-review', 5),
    ];
    const agenda = orderedAgenda(items);
    expect(Object.keys(agenda)).toEqual(['project-review', 'vendor-follow-up', 'decision-to-prepare', 'urgent']);
    expect(ids(agenda['project-review'])).toEqual(['p1', 'p2']);
    expect(ids(agenda['vendor-follow-up'])).toEqual(['v3', 'v1', 'v2']);
    expect(agenda['decision-to-prepare']).toEqual([]);
    expect(ids(agendaSequence(items))).toEqual(['p1', 'p2', 'v3', 'v1', 'v2', 'u1']);
  });
});

describe('moveWithin', () => {
  const section = [item('a', 'urgent', 1024), item('b', 'urgent', 2048), item('c', 'urgent', 3072)];

  it.each<[string, string, number, OrderChange[]]>([
    ['c to the top', 'c', 0, [{ id: 'c', agendaOrder: 0 }]],
    ['a to the bottom', 'a', 2, [{ id: 'a', agendaOrder: 4096 }]],
    ['a between b and c', 'a', 1, [{ id: 'a', agendaOrder: 2560 }]],
    ['c up one (keyboard)', 'c', 1, [{ id: 'c', agendaOrder: 1536 }]],
    ['b where it is', 'b', 1, []],
    ['a up past the top', 'a', -1, []],
    ['c down past the bottom', 'c', 3, []],
  ])('%s', (_name, id, to, expected) => {
    expect(moveWithin(section, id, to)).toEqual(expected);
  });

  it('renumbers the section 1024 apart when neighbours are tied', () => {
    const tied = [item('a', 'urgent', 0), item('b', 'urgent', 0), item('c', 'urgent', 0)];
    expect(moveWithin(tied, 'c', 1)).toEqual([
      { id: 'a', agendaOrder: 1024 },
      { id: 'c', agendaOrder: 2048 },
      { id: 'b', agendaOrder: 3072 },
    ]);
  });

  it('renumbers when the midpoint precision runs out', () => {
    const tight = [item('a', 'urgent', 1), item('b', 'urgent', 1 + Number.EPSILON), item('c', 'urgent', 5)];
    const changes = moveWithin(tight, 'c', 1);
    expect(changes.length).toBeGreaterThan(1);
    expect(ids(orderedAgenda(apply(tight, changes)).urgent)).toEqual(['a', 'c', 'b']);
    expect(changes.every((c) => c.agendaOrder % ORDER_GAP === 0)).toBe(true);
  });

  it('refuses an item that is not in the section, and a fractional position', () => {
    expect(() => moveWithin(section, 'zz', 0)).toThrow(/not in this section/);
    expect(() => moveWithin(section, 'a', 0.5)).toThrow(RangeError);
  });

  it('property: applying the changes yields the requested order, and a move usually changes one item', () => {
    const orders = fc.array(
      fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
      {
        minLength: 1,
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(orders, fc.nat(), fc.integer({ min: -2, max: 14 }), (values, pick, to) => {
        const created = (i: number) => `2026-01-01T00:00:${String(i).padStart(2, '0')}.000Z`;
        const list = orderedAgenda(values.map((v, i) => item(`i${i}`, 'urgent', v, created(i)))).urgent;
        const id = list[pick % list.length]!.id;
        const changes = moveWithin(list, id, to);
        const target = Math.min(Math.max(to, 0), list.length - 1);
        expect(ids(orderedAgenda(apply(list, changes)).urgent)).toEqual(reorder(ids(list), id, target));
        const distinct = new Set(values).size === values.length;
        if (distinct) expect(changes.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('many moves in a row keep working (midpoints narrow, then a renumber)', () => {
    let list = [item('a', 'urgent', 1024), item('b', 'urgent', 2048), item('c', 'urgent', 3072)];
    const sizes: number[] = [];
    for (let n = 0; n < 200; n += 1) {
      // Always slip the last item in right after the first: the gap halves every time.
      const last = list.at(-1)!.id;
      const changes = moveWithin(list, last, 1);
      sizes.push(changes.length);
      list = orderedAgenda(apply(list, changes)).urgent;
      expect(list[1]!.id).toBe(last);
    }
    expect(sizes.filter((n) => n === 1).length).toBeGreaterThan(150);
    expect(sizes.some((n) => n > 1)).toBe(true);
  });
});

describe('moveToSection', () => {
  const target = [item('a', 'urgent', 1024), item('b', 'urgent', 2048)];

  it.each<[number, number]>([
    [0, 0],
    [1, 1536],
    [2, 3072],
    [9, 3072],
  ])('to position %i gets agendaOrder %d', (to, order) => {
    expect(moveToSection(target, 'x', to)).toEqual([{ id: 'x', agendaOrder: order }]);
  });

  it('into an empty section', () => {
    expect(moveToSection([], 'x', 0)).toEqual([{ id: 'x', agendaOrder: 0 }]);
  });

  it('renumbers the target section when there is no room, moved item first', () => {
    const tied = [item('a', 'urgent', 7), item('b', 'urgent', 7)];
    expect(moveToSection(tied, 'x', 1)).toEqual([
      { id: 'x', agendaOrder: 2048 },
      { id: 'a', agendaOrder: 1024 },
      { id: 'b', agendaOrder: 3072 },
    ]);
  });

  it('property: the moved item lands at the requested place', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 8 }), fc.nat(10), (values, to) => {
        const list = orderedAgenda(values.map((v, i) => item(`i${i}`, 'urgent', v))).urgent;
        const changes = moveToSection(list, 'x', to);
        expect(changes[0]!.id).toBe('x');
        const moved = { ...item('x', 'urgent', changes[0]!.agendaOrder), createdAt: '2030-01-01T00:00:00.000Z' };
        const after = orderedAgenda(apply([...list, moved], changes)).urgent;
        expect(ids(after)).toEqual(reorder(ids(list), 'x', Math.min(to, list.length)));
      }),
    );
  });
});
