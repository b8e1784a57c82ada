import type { ClientLog, ImportAddition } from '../../shared/export';
import type { Entity } from '../../shared/domain';
import { withoutKeptText } from '../../shared/history/of-write';
import type { DocketDB } from './db';
import { StoreError } from './errors';
import { journalNew } from './journal';
import { withoutStamps } from './stamps';

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
      // Out of the database, records go without their sync stamps (a file, a pack, a comparison).
      const plain = <T extends object>(rows: T[]) => rows.map(withoutStamps);
      return {
        client: withoutStamps(client),
        meetings: plain(meetings),
        vendors: plain(vendors),
        contracts: plain(contracts),
        items: plain(items),
        captures: plain(captures),
        history,
      };
    },
  );
}

const ENTITY: Record<Exclude<ImportAddition['table'], 'history'>, Entity> = {
  client: 'client',
  meetings: 'meeting',
  vendors: 'vendor',
  contracts: 'contract',
  items: 'item',
  captures: 'capture',
};

/**
 * Adds what an import plan found new, in one transaction. The records are local writes like any other (journal.ts):
 * stamped and queued for sync, so a client log imported and then shared reaches the teammates. The file's history
 * comes with it (no second "created" entry per record), a capture's "created" entry without the text the capture
 * keeps, as for a capture made here. Conflicting records were reported to the user and
 * are never overwritten; identical ones are skipped. A record that appeared since the plan was made aborts the
 * whole import rather than overwriting anything. Refused whole for a client this account may only view.
 */
export async function applyImport(db: DocketDB, add: readonly ImportAddition[]): Promise<number> {
  const records = add.flatMap((a) => (a.table === 'history' ? [] : [{ entity: ENTITY[a.table], record: a.record }]));
  // A record imported keeps its text: its "created" entry does not store it a second time.
  const imported = new Set(records.map((r) => r.record.id));
  const history = add.flatMap((a) =>
    a.table !== 'history' ? [] : [imported.has(a.record.entityId) ? withoutKeptText(a.record) : a.record],
  );
  await db.write([db.meetings, db.vendors, db.contracts, db.items, db.captures], async () => {
    await Promise.all([journalNew(db, records), db.history.bulkAdd(history)]);
  });
  return add.length;
}
