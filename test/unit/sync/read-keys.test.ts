import 'fake-indexeddb/auto';
import { Dexie, type EntityTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readKeys } from '../../../extension/sync/read-keys';

type Row = { id: string; n: number };
const key = (n: number) => `r${String(n).padStart(4, '0')}`;

async function table(count: number) {
  const db = new Dexie(`read-keys-${Math.random()}`) as Dexie & { rows: EntityTable<Row, 'id'> };
  db.version(1).stores({ rows: 'id' });
  await db.rows.bulkPut(Array.from({ length: count }, (_, n) => ({ id: key(n), n })));
  return db.rows;
}

describe('reading the records a page touches', () => {
  it('finds what is stored and leaves out what is not, read as a range or key by key', async () => {
    const rows = await table(100);
    const keys = [key(10), key(11), 'r0011x', key(12), key(500)];
    for (const dense of [true, false]) {
      const found = await readKeys(rows, keys, (r) => r.id, dense);
      expect([...found.keys()].sort()).toEqual([key(10), key(11), key(12)]);
      expect(found.get(key(11))).toEqual({ id: key(11), n: 11 });
    }
  });

  it('falls back to key by key when the range holds many other records', async () => {
    const rows = await table(500);
    const found = await readKeys(rows, [key(499), key(0)], (r) => r.id, true);
    expect([...found.keys()].sort()).toEqual([key(0), key(499)]);
  });

  it('reads nothing for no keys', async () => {
    expect((await readKeys(await table(3), [], (r) => r.id, true)).size).toBe(0);
  });
});
