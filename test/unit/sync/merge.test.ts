import { describe, expect, it } from 'vitest';
import { recordFromFields } from '../../../shared/sync/fields';
import { formatHlc } from '../../../shared/sync/hlc';
import {
  applyChange,
  applyChanges,
  canonicalJson,
  isDeleted,
  needsReview,
  valuesOf,
  type IncomingChange,
  type RecordFields,
} from '../../../shared/sync/merge';
import { mergeRecord } from '../../../shared/sync/merge-record';
import { fieldsOf, sampleRecords } from './records';

const T = 1_764_169_200_000;
const stamp = (dt: number, node = 'a', counter = 0) => formatHlc({ ms: T + dt, counter, node });

function change(field: string, value: unknown, hlc: string, base: string | null, replicaId?: string): IncomingChange {
  return { table: 'items', id: 'item-1', field, value, hlc, base, ...(replicaId ? { replicaId } : {}) };
}

const current: RecordFields = { title: { value: 'Quote', hlc: stamp(10, 'a'), replicaId: 'a' } };

describe('applyChange', () => {
  it('sets a field that has no value yet', () => {
    const result = applyChange(undefined, change('title', 'Quote', stamp(1), null, 'a'));
    expect(result).toEqual({
      fields: { title: { value: 'Quote', hlc: stamp(1), replicaId: 'a' } },
      changed: true,
      conflict: null,
    });
  });

  it('lets a newer write that saw the current value win, with no conflict', () => {
    const result = applyChange(current, change('title', 'Quote Q-1042', stamp(20, 'b'), stamp(10, 'a'), 'b'));
    expect(result.changed).toBe(true);
    expect(result.conflict).toBeNull();
    expect(result.fields.title).toEqual({ value: 'Quote Q-1042', hlc: stamp(20, 'b'), replicaId: 'b' });
  });

  it('lets a newer concurrent write win and keeps the value it replaced as lost', () => {
    const result = applyChange(current, change('title', 'Renewal', stamp(20, 'b'), null, 'b'));
    expect(result.fields.title?.value).toBe('Renewal');
    expect(result.conflict).toEqual({
      table: 'items',
      id: 'item-1',
      field: 'title',
      kept: { value: 'Renewal', hlc: stamp(20, 'b'), replicaId: 'b' },
      lost: { value: 'Quote', hlc: stamp(10, 'a'), replicaId: 'a' },
    });
  });

  it('keeps the current value against an older write, returning the older one as lost', () => {
    const result = applyChange(current, change('title', 'Old title', stamp(5, 'b'), null, 'b'));
    expect(result.changed).toBe(false);
    expect(result.fields).toBe(current);
    expect(result.conflict?.kept).toEqual(current.title);
    expect(result.conflict?.lost).toEqual({ value: 'Old title', hlc: stamp(5, 'b'), replicaId: 'b' });
  });

  it('reports no conflict when the concurrent values are equal', () => {
    const result = applyChange(current, change('title', 'Quote', stamp(20, 'b'), null, 'b'));
    expect(result.changed).toBe(true);
    expect(result.conflict).toBeNull();
    expect(result.fields.title?.hlc).toBe(stamp(20, 'b'));
    // Equal by canonical JSON, whatever the key order.
    const amount = { amount: { value: { value: 1, currency: 'USD' }, hlc: stamp(10) } };
    const again = applyChange(amount, change('amount', { currency: 'USD', value: 1 }, stamp(20, 'b'), null));
    expect(again.conflict).toBeNull();
  });

  it('is idempotent: the same change again is a no-op', () => {
    const c = change('title', 'Renewal', stamp(20, 'b'), null, 'b');
    const once = applyChange(current, c);
    const twice = applyChange(once.fields, c);
    expect(twice).toEqual({ fields: once.fields, changed: false, conflict: null });
    expect(twice.fields).toBe(once.fields);
  });

  it('breaks a tie of time and counter on the replica id, the same way in either order', () => {
    const fromA = change('title', 'A', stamp(10, 'replica-a'), null, 'replica-a');
    const fromB = change('title', 'B', stamp(10, 'replica-b'), null, 'replica-b');
    const ab = applyChange(applyChange(undefined, fromA).fields, fromB);
    const ba = applyChange(applyChange(undefined, fromB).fields, fromA);
    expect(ab.fields).toEqual(ba.fields);
    expect(ab.fields.title?.value).toBe('B');
    expect(ab.conflict?.lost.value).toBe('A');
    expect(ba.conflict?.lost.value).toBe('A');
  });

  it('still converges on equal stamps with different values (a misbehaving replica)', () => {
    const x = change('title', 'X', stamp(10), null);
    const y = change('title', 'Y', stamp(10), null);
    const xy = applyChange(applyChange(undefined, x).fields, y);
    const yx = applyChange(applyChange(undefined, y).fields, x);
    expect(xy.fields).toEqual(yx.fields);
    expect(xy.conflict).not.toBeNull();
  });

  it('does not mutate the fields it is given', () => {
    const before = structuredClone(current);
    applyChange(current, change('title', 'Renewal', stamp(20, 'b'), null));
    applyChange(current, change('notes', 'n', stamp(20, 'b'), null));
    expect(current).toEqual(before);
  });

  it('treats names inherited from Object as ordinary absent fields', () => {
    const result = applyChange({}, change('constructor', 'x', stamp(1), null));
    expect(result.changed).toBe(true);
    expect(result.fields.constructor).toEqual({ value: 'x', hlc: stamp(1) });
  });
});

describe('tombstones', () => {
  const live = Object.fromEntries(
    Object.entries(fieldsOf(sampleRecords.items)).map(([field, value]) => [field, { value, hlc: stamp(10) }]),
  ) as RecordFields;
  const tombstone = change('_deleted', true, stamp(30, 'b'), null, 'b');

  it('deletes the record', () => {
    expect(isDeleted(live)).toBe(false);
    expect(recordFromFields('items', 'item-1', valuesOf(live))).toEqual({ ok: true, record: sampleRecords.items });
    const deleted = applyChange(live, tombstone).fields;
    expect(isDeleted(deleted)).toBe(true);
    expect(recordFromFields('items', 'item-1', valuesOf(deleted))).toEqual({ ok: true, record: null });
  });

  it('is not undone by an older field write', () => {
    const deleted = applyChange(live, tombstone).fields;
    const edited = applyChange(deleted, change('title', 'Late edit', stamp(20, 'c'), stamp(10), 'c'));
    expect(edited.changed).toBe(true);
    expect(isDeleted(edited.fields)).toBe(true);
  });

  it('is not undone by a newer field write either (deletes win), but that write is kept', () => {
    const deleted = applyChange(live, tombstone).fields;
    const edited = applyChange(deleted, change('title', 'After delete', stamp(40, 'c'), stamp(10), 'c'));
    expect(isDeleted(edited.fields)).toBe(true);
    expect(edited.fields.title).toEqual({ value: 'After delete', hlc: stamp(40, 'c'), replicaId: 'c' });
    expect(recordFromFields('items', 'item-1', valuesOf(edited.fields))).toEqual({ ok: true, record: null });
  });

  it('never conflicts with another tombstone, and a repeated delete changes only the stamp', () => {
    const deleted = applyChange(live, tombstone).fields;
    const again = applyChange(deleted, change('_deleted', true, stamp(50, 'c'), null, 'c'));
    expect(again.conflict).toBeNull();
    expect(isDeleted(again.fields)).toBe(true);
  });
});

describe('applyChanges', () => {
  it('applies in order to a map keyed by table:id and collects conflicts', () => {
    const state = new Map<string, RecordFields>();
    const result = applyChanges(state, [
      change('title', 'Quote', stamp(1, 'a'), null, 'a'),
      { ...change('name', 'Acme', stamp(1, 'a'), null, 'a'), table: 'vendors', id: 'vendor-1' },
      change('title', 'Renewal', stamp(2, 'b'), null, 'b'),
      change('title', 'Renewal', stamp(2, 'b'), null, 'b'),
    ]);
    expect([...result.changed].sort()).toEqual(['items:item-1', 'vendors:vendor-1']);
    expect(result.conflicts.map((c) => c.lost.value)).toEqual(['Quote']);
    expect(valuesOf(state.get('items:item-1')!)).toEqual({ title: 'Renewal' });
    expect(valuesOf(state.get('vendors:vendor-1')!)).toEqual({ name: 'Acme' });
  });

  it('reports nothing changed for a batch seen before', () => {
    const state = new Map<string, RecordFields>();
    const batch = [change('title', 'Quote', stamp(1), null), change('notes', 'n', stamp(2), null)];
    applyChanges(state, batch);
    expect(applyChanges(state, batch)).toEqual({ changed: new Set(), conflicts: [] });
  });
});

describe('mergeRecord', () => {
  it("folds a record's changes in order: each winner with the value it replaced, each conflict with its change", () => {
    const first = change('title', 'Renewal', stamp(20, 'b'), null, 'b');
    const older = change('title', 'Old title', stamp(5, 'c'), null, 'c');
    const notes = change('notes', 'n', stamp(21, 'b'), null, 'b');
    const result = mergeRecord(current, [first, older, notes]);
    expect(result.changed).toBe(true);
    expect(valuesOf(result.fields!)).toEqual({ title: 'Renewal', notes: 'n' });
    expect(result.won).toEqual([
      { change: first, from: 'Quote' },
      { change: notes, from: undefined },
    ]);
    expect(result.conflicts.map((c) => [c.change, c.conflict.lost.value])).toEqual([
      [first, 'Quote'],
      [older, 'Old title'],
    ]);
    expect(current.title?.value).toBe('Quote');
  });

  it('gives back the same fields, unchanged, for changes seen before', () => {
    const again = mergeRecord(current, [change('title', 'Quote', stamp(10, 'a'), null, 'a')]);
    expect(again).toEqual({ fields: current, changed: false, won: [], conflicts: [] });
    expect(again.fields).toBe(current);
    expect(mergeRecord(undefined, [])).toEqual({ fields: undefined, changed: false, won: [], conflicts: [] });
  });
});

describe('helpers', () => {
  it('canonicalJson sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson(undefined)).not.toBe(canonicalJson(null));
  });

  it('needsReview leaves out bookkeeping conflicts', () => {
    const base = {
      table: 'items' as const,
      id: 'i',
      kept: { value: 1, hlc: stamp(2) },
      lost: { value: 2, hlc: stamp(1) },
    };
    expect(needsReview({ ...base, field: 'title' })).toBe(true);
    expect(needsReview({ ...base, field: 'updatedAt' })).toBe(false);
  });
});
