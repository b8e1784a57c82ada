import type { DBCore } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DocketDB } from '../../../extension/store/db';
import { updateItem } from '../../../extension/store/items';
import { alice, fileItem, freshDb, makeClient } from '../../support/store';

/**
 * Counts every row a database writes (added, put or deleted), per table, at IndexedDB's level (Dexie's DBCore): what
 * a write costs, counted rather than guessed. The count only grows while `counting` is on.
 */
function countWrites(db: DocketDB) {
  const rows = new Map<string, number>();
  const state = { counting: false };
  db.use({
    stack: 'dbcore',
    name: 'count-writes',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (req) => {
            const n = req.type === 'delete' ? req.keys.length : req.type === 'deleteRange' ? 1 : req.values.length;
            if (state.counting) rows.set(name, (rows.get(name) ?? 0) + n);
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return {
    async during(work: () => Promise<unknown>) {
      rows.clear();
      state.counting = true;
      try {
        await work();
      } finally {
        state.counting = false;
      }
      return { total: [...rows.values()].reduce((a, b) => a + b, 0), byTable: Object.fromEntries(rows) };
    },
  };
}

describe('rows written per write (the journal: record with its stamps, one outbox entry, one history entry)', () => {
  it('a one-field edit writes at most 3 rows', async () => {
    const db = freshDb();
    const writes = countWrites(db);
    const client = await makeClient(db);
    const item = await fileItem(db, client.id, 'Firewall renewal');
    const edit = await writes.during(() =>
      updateItem(db, { ...alice, at: '2026-12-05T09:00:00.000Z' }, item.id, { notes: 'Ask for 3-year pricing' }),
    );
    expect(edit.byTable).toEqual({ items: 1, outbox: 1, history: 1 });
    expect(edit.total).toBeLessThanOrEqual(3);
  });

  it('a capture saved from the form as a new item writes at most 6 rows', async () => {
    const db = freshDb();
    const writes = countWrites(db);
    const client = await makeClient(db);
    await fileItem(db, client.id, 'First clip'); // the replica id and the first stamp exist from here on
    const save = await writes.during(() => fileItem(db, client.id, 'Acme quote', {}, 'x'.repeat(20_000)));
    expect(save.byTable).toEqual({ items: 1, captures: 1, outbox: 2, history: 2 });
    expect(save.total).toBeLessThanOrEqual(6);
    // History does not keep a second copy of the capture's text.
    const added = (await db.history.orderBy('at').toArray()).filter((h) => h.entity === 'capture').at(-1)!;
    expect(added.changes.map((c) => c.field)).not.toContain('markdown');
    expect(JSON.stringify(added).length).toBeLessThan(5_000);
  });
});
