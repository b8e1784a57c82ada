import { describe, expect, it } from 'vitest';
import type { Capture, HistoryEntry, Item } from '../../../shared/domain';
import { originEntries, withOrigins } from '../../../shared/history/origins';

const item = { id: 'i1', title: 'Renew M365', createdAt: '2026-11-02T09:00:00.000Z', createdBy: 'Julie Côté' } as Item;
const capture = {
  id: 'c1',
  itemId: 'i1',
  source: { url: null, title: 'Quote Q-1042', site: 'acme.test' },
  capturedAt: '2026-11-02T09:01:00.000Z',
  capturedBy: 'Julie Côté',
} as Capture;
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: 'h',
  entity: 'item',
  entityId: 'i1',
  itemId: 'i1',
  action: 'update',
  at: '2026-11-03T10:00:00.000Z',
  by: 'Bob Tremblay',
  changes: [{ field: 'notes', from: '', to: 'x' }],
  ...over,
});

describe('origin lines of records from a first sync', () => {
  it('says who created the item and captured its evidence, from the records, before later edits', () => {
    const stored = [entry({ id: 'h1' })];
    const all = withOrigins(stored, originEntries(stored, item, [capture]));
    expect(all.map((e) => [e.id, e.action, e.by, e.at])).toEqual([
      ['origin:i1', 'create', 'Julie Côté', '2026-11-02T09:00:00.000Z'],
      ['origin:c1', 'create', 'Julie Côté', '2026-11-02T09:01:00.000Z'],
      ['h1', 'update', 'Bob Tremblay', '2026-11-03T10:00:00.000Z'],
    ]);
    expect(all[1]!.changes).toEqual([{ field: 'source', from: null, to: { title: 'Quote Q-1042' } }]);
  });

  it('adds nothing for a record whose creation is stored, nor for evidence whose move here is stored', () => {
    const stored = [
      entry({ id: 'h1', action: 'create' }),
      entry({ id: 'h2', entity: 'capture', entityId: 'c1', changes: [{ field: 'itemId', from: 'i0', to: 'i1' }] }),
    ];
    expect(originEntries(stored, item, [capture])).toEqual([]);
  });

  it('adds nothing when the item is gone', () => {
    expect(originEntries([], undefined, [])).toEqual([]);
  });
});
