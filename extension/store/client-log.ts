import type { ClientLog, ImportAddition } from '../../shared/export';
import type { DocketDB } from './db';
import { StoreError } from './errors';
import { refuseIfViewOnly } from './view-only';

export type ClientLogData = Omit<ClientLog, 'format' | 'version' | 'exportedAt'>;

/** Everything the log holds about one client, as the export and the handoff pack need it. */
export async function readClientLog(db: DocketDB, clientId: string): Promise<ClientLogData> {
  return db.transaction(
    'r',
    [db.clients, db.meetings, db.vendors, db.contracts, db.items, db.captures, db.history],
    async () => {
      const client = await db.clients.get(clientId);
      if (!client) throw new StoreError('not-found', 'This client no longer exists.');
      const items = await db.items.where('clientId').equals(clientId).toArray();
      const itemIds = new Set(items.map((i) => i.id));
      const [meetings, vendors, contracts, captures] = await Promise.all([
        db.meetings.where('clientId').equals(clientId).toArray(),
        db.vendors.where('clientId').equals(clientId).toArray(),
        db.contracts.where('clientId').equals(clientId).toArray(),
        db.captures.where('clientId').equals(clientId).toArray(),
      ]);
      const ids = new Set([
        clientId,
        ...itemIds,
        ...meetings.map((m) => m.id),
        ...vendors.map((v) => v.id),
        ...contracts.map((c) => c.id),
        ...captures.map((c) => c.id),
      ]);
      const history = (await db.history.toArray()).filter(
        (h) => ids.has(h.entityId) || (h.itemId !== null && itemIds.has(h.itemId)),
      );
      return { client, meetings, vendors, contracts, items, captures, history };
    },
  );
}

/**
 * Adds what an import plan found new, in one transaction and in the plan's order (references first). Conflicting
 * records were reported to the user and are never overwritten; identical ones are skipped.
 */
export async function applyImport(db: DocketDB, add: readonly ImportAddition[]): Promise<number> {
  const tables = {
    client: db.clients,
    meetings: db.meetings,
    vendors: db.vendors,
    contracts: db.contracts,
    items: db.items,
    captures: db.captures,
    history: db.history,
  };
  // One bulkAdd per run of same-table records, all issued at once and in order: a log of 10,000 items is 40,000
  // records, and awaiting each add (or each table) would leave IndexedDB idle while the page prepares the next.
  // add, not put: a record that appeared since the plan was made fails its bulkAdd, which aborts the whole import
  // rather than overwriting anything.
  const runs: { table: ImportAddition['table']; records: unknown[] }[] = [];
  for (const { table, record } of add) {
    if (runs.at(-1)?.table !== table) runs.push({ table, records: [] });
    runs.at(-1)!.records.push(record);
  }
  // The clients the records belong to: one a viewer of its space (or one who lost access) may not import into.
  const clientIds = new Set(
    add.flatMap(({ table, record }) =>
      table === 'client' ? [record.id] : 'clientId' in record ? [record.clientId] : [],
    ),
  );
  await db.transaction('rw', [...Object.values(tables), db.settings], async () => {
    for (const clientId of clientIds) await refuseIfViewOnly(db, clientId);
    await Promise.all(
      runs.map(({ table, records }) =>
        (tables[table] as unknown as { bulkAdd: (r: unknown[]) => Promise<unknown> }).bulkAdd(records),
      ),
    );
  });
  return add.length;
}
