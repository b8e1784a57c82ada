import type { Transaction } from 'dexie';

type OldOutbox = {
  seq: number;
  table: string;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
  base: string | null;
  clientId: string;
};

const SYNCED = ['clients', 'meetings', 'vendors', 'contracts', 'items', 'captures'];

/** v6 → v7: each record's stamps (a row of the `clocks` table, key `table:id`) go into the record's own row. */
export async function moveStampsIntoRows(tx: Transaction): Promise<void> {
  const clocks = (await tx.table('clocks').toArray()) as { key: string; fields: Record<string, string> }[];
  const byTable = new Map<string, Map<string, Record<string, string>>>();
  for (const { key, fields } of clocks) {
    const at = key.indexOf(':');
    const table = key.slice(0, at);
    if (!SYNCED.includes(table)) continue;
    const list = byTable.get(table) ?? new Map<string, Record<string, string>>();
    list.set(key.slice(at + 1), fields);
    byTable.set(table, list);
  }
  for (const [table, stamps] of byTable) {
    const ids = [...stamps.keys()];
    const rows = (await tx.table(table).bulkGet(ids)) as ({ id: string } | undefined)[];
    // A deleted record's stamps have no row to go to: its tombstone is in `staged` when it came from the server,
    // and a local delete's tombstone is in the outbox until pushed.
    const kept = rows.flatMap((row) => (row ? [{ ...row, _stamps: stamps.get(row.id) }] : []));
    await tx.table(table).bulkPut(kept);
  }
}

/** v6 → v7: a field-level outbox row becomes a one-field entry of the new shape, in the same place in the queue. */
export async function outboxPerRecord(tx: Transaction): Promise<void> {
  await tx
    .table('outbox')
    .toCollection()
    .modify((row: OldOutbox & { changes?: unknown }) => {
      if (row.changes) return;
      const { field, value, base } = row;
      row.changes = [{ field, value, base }];
      delete (row as Partial<OldOutbox>).field;
      delete (row as Partial<OldOutbox>).value;
      delete (row as Partial<OldOutbox>).base;
    });
}
