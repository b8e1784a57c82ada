import type { Table } from 'dexie';
import type { HistoryEntry } from '../../shared/domain';
import { recordFromFields } from '../../shared/sync/fields';
import { isDeleted, type RecordFields, valuesOf } from '../../shared/sync/merge';
import { mergeRecord } from '../../shared/sync/merge-record';
import type { LoggedChange, SyncTable } from '../../shared/sync/protocol';
import type { DocketDB, StagedRecord } from '../store/db';
import { syncedTables } from '../store/synced-tables';
import { ORIGIN_AUTHOR, originAuthorOf, type Stamps, stamped, stampsOf, withoutStamps } from '../store/stamps';
import { readKeys } from './read-keys';
import { historyOf, type Row } from './remote-history';

/** Stamp for a local field written before sync was set up: it loses to any stamped write. */
const UNSTAMPED = '0000000000000:0000:local';

function tableOf(db: DocketDB, table: SyncTable): Table<Row, string> {
  return db[table] as unknown as Table<Row, string>;
}

/** The tables an apply reads and writes, in one transaction. */
export const applyTables = (db: DocketDB) => [...syncedTables(db), db.history, db.staged];

/** The record as the merge sees it: each local field with its stamp, or the staged fields of a record still arriving. */
function currentFields(row: Row | undefined, staged: StagedRecord | undefined) {
  if (!row) return staged?.fields ?? {};
  const stamps = stampsOf(row);
  const fields: RecordFields = { ...(staged?.fields ?? {}) };
  for (const [field, value] of Object.entries(withoutStamps(row)))
    if (field !== 'id') fields[field] = { value, hlc: stamps[field] ?? UNSTAMPED };
  return fields;
}

/** Appends to the list under `key`, starting one if needed. */
export function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every write of one apply, gathered so each kind goes to IndexedDB as one batch. */
export class Writes {
  readonly put = new Map<SyncTable, Row[]>();
  readonly remove = new Map<SyncTable, string[]>();
  readonly staged: StagedRecord[] = [];
  readonly unstage: string[] = [];
  readonly history: HistoryEntry[] = [];

  /** A complete record to store with its field stamps (returned), or its fields staged until the rest arrives (null). */
  record(table: SyncTable, id: string, fields: RecordFields, stamps: Stamps): Row | null {
    const assembled = recordFromFields(table, id, valuesOf(fields));
    if (!assembled.ok) {
      this.staged.push({ key: `${table}:${id}`, fields }); // not all of it yet; the rest comes with a later page
      return null;
    }
    const row = assembled.record as Row;
    add(this.put, table, stamped(row, stamps));
    return row;
  }

  flush(db: DocketDB): Promise<unknown> {
    return Promise.all([
      ...[...this.remove].map(([table, ids]) => tableOf(db, table).bulkDelete(ids)),
      ...[...this.put].map(([table, rows]) => tableOf(db, table).bulkPut(rows)),
      this.staged.length && db.staged.bulkPut(this.staged),
      this.unstage.length && db.staged.bulkDelete(this.unstage),
      this.history.length && db.history.bulkAdd(this.history),
    ]);
  }
}

/** What the merge needs of the records an apply touches, read table by table before any of it is merged. */
export async function readCurrent(db: DocketDB, ids: Map<SyncTable, string[]>, dense: boolean) {
  const rows = new Map<string, Row>();
  const staged = new Map<string, StagedRecord>();
  await Promise.all(
    [...ids].map(async ([table, list]) => {
      const keys = list.map((id) => `${table}:${id}`);
      const [found, stagedFound] = await Promise.all([
        readKeys(tableOf(db, table), list, (row) => row.id, dense),
        readKeys(db.staged, keys, (s) => s.key, dense),
      ]);
      for (const [id, row] of found) rows.set(`${table}:${id}`, row);
      for (const [key, value] of stagedFound) staged.set(key, value);
    }),
  );
  return { rows, staged };
}

/**
 * Merges one record's changes into what this replica holds and gathers the writes: the record (or its removal),
 * its story for history, any concurrent edit that lost. Returns whether it changed and how many conflicts it had.
 */
export function mergeInto(
  writes: Writes,
  list: readonly LoggedChange[],
  stored: Row | undefined,
  staged: StagedRecord | undefined,
): { applied: boolean; conflicts: number } {
  const { table, id } = list[0]!;
  const key = `${table}:${id}`;
  const before = stored && withoutStamps(stored);
  const merged = mergeRecord(currentFields(stored, staged), list);
  const { changed, won } = merged;
  const fields = merged.fields ?? {};
  // updatedAt is rewritten by every edit: two edits of different fields "conflict" on it, which is bookkeeping.
  const conflicts = merged.conflicts.map((c) => c.conflict).filter((c) => c.field !== 'updatedAt');
  if (!changed && !conflicts.length) return { applied: false, conflicts: 0 };
  if (isDeleted(fields)) {
    // Deletes win for the record; its fields stay staged so a late write cannot bring it back.
    if (before) add(writes.remove, table, id);
    writes.staged.push({ key, fields });
    if (before) writes.history.push(...historyOf(table, null, before, id, won, conflicts));
  } else {
    const stamps: Stamps = Object.fromEntries(Object.entries(fields).map(([f, st]) => [f, st.hlc]));
    const by = stored && originAuthorOf(stored);
    if (by) stamps[ORIGIN_AUTHOR] = by;
    const row = writes.record(table, id, fields, stamps);
    if (!row) return { applied: false, conflicts: 0 };
    if (staged) writes.unstage.push(key);
    writes.history.push(...historyOf(table, row, before, id, won, conflicts));
  }
  return { applied: true, conflicts: conflicts.length };
}

/**
 * Applies changes pulled from the server: merged field by field with the same code the server runs, written to
 * the local tables WITHOUT going back into the outbox, each record's story (and any concurrent edit that lost)
 * added to history under the author who made it. A record whose fields have not all arrived waits in `staged`.
 * Reads and writes go to IndexedDB in batches (a round trip per record made a large first sync take minutes).
 */
export async function applyRemote(
  db: DocketDB,
  changes: readonly LoggedChange[],
): Promise<{ applied: number; conflicts: number }> {
  const byRecord = new Map<string, LoggedChange[]>();
  const ids = new Map<SyncTable, string[]>();
  for (const c of changes) {
    const key = `${c.table}:${c.id}`;
    if (!byRecord.has(key)) add(ids, c.table, c.id);
    add(byRecord, key, c);
  }
  let applied = 0;
  let conflicts = 0;
  await db.transaction('rw', applyTables(db), async () => {
    const current = await readCurrent(db, ids, false);
    const writes = new Writes();
    for (const [key, list] of byRecord) {
      const result = mergeInto(writes, list, current.rows.get(key), current.staged.get(key));
      if (result.applied) applied += 1;
      conflicts += result.conflicts;
    }
    await writes.flush(db);
  });
  return { applied, conflicts };
}
