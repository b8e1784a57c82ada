import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffToChanges } from '../../../shared/sync/changes';
import { validateField } from '../../../shared/sync/fields';
import { formatHlc } from '../../../shared/sync/hlc';
import { applyChanges, isDeleted, recordKey, valuesOf, type RecordFields } from '../../../shared/sync/merge';
import type { Hlc } from '../../../shared/sync/protocol';
import { fieldsOf, sampleRecords } from './records';

const seed = Number(process.env.SYNC_PROPERTY_SEED ?? 20261126);
const numRuns = Number(process.env.SYNC_PROPERTY_RUNS ?? 300);
const T = 1_764_169_200_000;

/** A clock for tests: each call gives the next stamp of replica `node`. */
function stamps(node = 'r1', from = T) {
  let ms = from;
  return () => formatHlc({ ms: ms++, counter: 0, node });
}

/** A replica's fields for a record, every field stamped `hlc`. */
function stored(record: object, hlc: Hlc): RecordFields {
  return Object.fromEntries(Object.entries(fieldsOf(record)).map(([f, value]) => [f, { value, hlc }]));
}

describe('diffToChanges', () => {
  const item = sampleRecords.items;

  it('sets every field but the id of a new record, in field order, each with its own stamp', () => {
    const changes = diffToChanges('items', item.id, null, item, stamps(), () => null);
    expect(changes.map((c) => c.field)).toEqual(Object.keys(fieldsOf(item)).sort());
    expect(new Set(changes.map((c) => c.hlc)).size).toBe(changes.length);
    expect(changes.every((c) => c.table === 'items' && c.id === item.id && c.base === null)).toBe(true);
    // What a local write produces passes the server's checks.
    for (const c of changes) expect(validateField('items', c.field, c.value)).toMatchObject({ ok: true });
  });

  it('sets only the fields that differ on an update, with the stamps this replica held as bases', () => {
    const base = formatHlc({ ms: T - 100, counter: 0, node: 'r2' });
    const after = {
      ...item,
      title: 'Quote Q-1042 (revised)',
      amount: { ...item.amount!, value: 4200 },
      updatedAt: '2026-11-27T10:00:00.000Z',
    };
    const changes = diffToChanges('items', item.id, item, after, stamps(), () => base);
    expect(changes.map((c) => [c.field, c.value, c.base])).toEqual([
      ['amount', { value: 4200, currency: 'USD', recurrence: 'monthly' }, base],
      ['title', 'Quote Q-1042 (revised)', base],
      ['updatedAt', '2026-11-27T10:00:00.000Z', base],
    ]);
  });

  it('sees no change where only key order differs', () => {
    const reordered = {
      ...item,
      amount: { recurrence: 'monthly', currency: 'USD', value: 4500 } as typeof item.amount,
    };
    expect(diffToChanges('items', item.id, item, reordered, stamps(), () => null)).toEqual([]);
  });

  it('writes one tombstone for a delete, and nothing when there was nothing', () => {
    const changes = diffToChanges('items', item.id, item, null, stamps(), () => null);
    expect(changes).toEqual([
      {
        table: 'items',
        id: item.id,
        field: '_deleted',
        value: true,
        hlc: formatHlc({ ms: T, counter: 0, node: 'r1' }),
        base: null,
      },
    ]);
    expect(diffToChanges('items', item.id, null, null, stamps(), () => null)).toEqual([]);
  });

  it('ignores an id change and undefined fields', () => {
    const after = { ...item, id: 'other', notes: undefined };
    expect(diffToChanges('items', item.id, item, after, stamps(), () => null)).toEqual([]);
  });

  it('round-trips a real record: before’s fields plus the changes give after', () => {
    const base = formatHlc({ ms: T - 100, counter: 0, node: 'r2' });
    const after = { ...item, status: 'on-agenda' as const, tags: ['msp', 'renewal'], decideBy: '2026-12-15' };
    const state = new Map([[recordKey('items', item.id), stored(item, base)]]);
    const { conflicts } = applyChanges(
      state,
      diffToChanges('items', item.id, item, after, stamps(), () => base),
    );
    expect(conflicts).toEqual([]);
    expect(valuesOf(state.get(recordKey('items', item.id))!)).toEqual(fieldsOf(after));
  });

  const json = fc.oneof(
    fc.constantFrom(null, true, false, 0, 1, 'a', 'b', ''),
    fc.array(fc.constantFrom(1, 2, 'x'), { maxLength: 3 }),
    fc.record({ k: fc.constantFrom(1, 2), j: fc.constantFrom('x', 'y') }),
  );
  const record = fc.record({ id: fc.constant('rec-1'), title: json, notes: json, tags: json, amount: json });

  it('round-trips any update, create and delete (property)', () => {
    fc.assert(
      fc.property(fc.option(record, { nil: null }), fc.option(record, { nil: null }), (before, after) => {
        const base = formatHlc({ ms: T - 100, counter: 0, node: 'r2' });
        const key = recordKey('items', 'rec-1');
        const state = new Map<string, RecordFields>(before ? [[key, stored(before, base)]] : []);
        const held = state.get(key);
        const changes = diffToChanges('items', 'rec-1', before, after, stamps(), (f) => held?.[f]?.hlc ?? null);
        const { conflicts } = applyChanges(state, changes);
        expect(conflicts).toEqual([]);
        if (after) expect(valuesOf(state.get(key) ?? {})).toEqual(fieldsOf(after));
        else expect(before ? isDeleted(state.get(key)) : state.has(key)).toBe(!!before);
      }),
      { seed, numRuns },
    );
  });
});
