import type { FieldChange, HistoryEntry } from '../../shared/domain';
import { ENTITY_OF, TOMBSTONE } from '../../shared/sync/constants';
import { fieldChanges } from '../../shared/changes';
import { newId } from '../../shared/ids';
import { recordFromFields } from '../../shared/sync/fields';
import { applyChange, type Conflict, isDeleted, type RecordFields, valuesOf } from '../../shared/sync/merge';
import type { LoggedChange, SyncTable } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';

/** Stamp for a local field written before sync was set up: it loses to any stamped write. */
const UNSTAMPED = '0000000000000:0000:local';

type Row = { id: string; itemId?: string } & Record<string, unknown>;

function tableOf(db: DocketDB, table: SyncTable) {
  return db[table] as unknown as {
    get(id: string): Promise<Row | undefined>;
    put(row: Row): Promise<unknown>;
    delete(id: string): Promise<void>;
  };
}

/** The record as the merge sees it: each local field with its stamp, or the staged fields of a record still arriving. */
async function currentFields(
  db: DocketDB,
  table: SyncTable,
  id: string,
  key: string,
): Promise<{ row: Row | undefined; fields: RecordFields }> {
  const row = await tableOf(db, table).get(id);
  const staged = await db.staged.get(key);
  if (!row) return { row, fields: staged?.fields ?? {} };
  const stamps = (await db.clocks.get(key))?.fields ?? {};
  const fields: RecordFields = { ...(staged?.fields ?? {}) };
  for (const [field, value] of Object.entries(row))
    if (field !== 'id') fields[field] = { value, hlc: stamps[field] ?? UNSTAMPED };
  return { row, fields };
}

/** Fields history leaves out, as it does for local edits: ids and timestamps are the entry's own who and when. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', TOMBSTONE]);

/** One remote edit as history shows it: consecutive changes by one replica, a field appearing at most once. */
interface Edit {
  replicaId: string;
  author: string;
  at: string;
  changes: FieldChange[];
}

/** Groups the winning changes into edits, so a value overwritten later in the same pull still appears in history. */
function editsOf(applied: { change: LoggedChange; from: unknown }[]): Edit[] {
  const edits: Edit[] = [];
  let current: Edit | null = null;
  for (const { change, from } of applied) {
    if (BOOKKEEPING.has(change.field)) continue;
    if (!current || current.replicaId !== change.replicaId || current.changes.some((c) => c.field === change.field)) {
      current = { replicaId: change.replicaId, author: change.author, at: change.receivedAt, changes: [] };
      edits.push(current);
    }
    current.changes.push({ field: change.field, from: from ?? null, to: change.value });
  }
  return edits;
}

function historyOf(
  table: SyncTable,
  row: Row | null,
  before: Row | undefined,
  id: string,
  applied: { change: LoggedChange; from: unknown }[],
  conflicts: Conflict[],
): HistoryEntry[] {
  const entity = ENTITY_OF[table];
  const itemId = table === 'items' ? id : table === 'captures' ? ((row ?? before)?.itemId ?? null) : null;
  const last = applied.at(-1)?.change;
  const entries: HistoryEntry[] = editsOf(applied).map((edit, i) => ({
    id: newId(),
    entity,
    entityId: id,
    itemId,
    action: !before && i === 0 ? 'create' : 'update',
    at: edit.at,
    by: edit.author,
    changes: edit.changes,
  }));
  if (!row && before && last)
    entries.push({
      id: newId(),
      entity,
      entityId: id,
      itemId,
      action: 'delete',
      at: last.receivedAt,
      by: last.author,
      changes: fieldChanges<object>(before, { id }),
    });
  for (const c of conflicts) {
    const by = applied.find((a) => a.change.hlc === c.kept.hlc)?.change ?? last;
    entries.push({
      id: newId(),
      entity,
      entityId: id,
      itemId,
      action: 'update',
      at: by?.receivedAt ?? new Date().toISOString(),
      by: by?.author ?? 'sync',
      conflict: true,
      changes: [{ field: c.field, from: c.lost.value, to: c.kept.value }],
    });
  }
  return entries;
}

/**
 * Applies changes pulled from the server: merged field by field with the same code the server runs, written to
 * the local tables WITHOUT going back into the outbox, each record's story (and any concurrent edit that lost)
 * added to history under the author who made it. A record whose fields have not all arrived waits in `staged`.
 */
export async function applyRemote(
  db: DocketDB,
  changes: readonly LoggedChange[],
): Promise<{ applied: number; conflicts: number }> {
  const byRecord = new Map<string, LoggedChange[]>();
  for (const c of changes) {
    const key = `${c.table}:${c.id}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), c]);
  }
  let applied = 0;
  let conflictCount = 0;
  const tables = [
    db.clients,
    db.meetings,
    db.vendors,
    db.contracts,
    db.items,
    db.captures,
    db.history,
    db.clocks,
    db.staged,
  ];
  await db.transaction('rw', tables, async () => {
    for (const [key, list] of byRecord) {
      const { table, id } = list[0]!;
      const { row: before, fields: start } = await currentFields(db, table, id, key);
      let fields = start;
      let changed = false;
      const conflicts: Conflict[] = [];
      const won: { change: LoggedChange; from: unknown }[] = [];
      for (const change of list) {
        const from = fields[change.field]?.value;
        const result = applyChange(fields, change);
        fields = result.fields;
        changed ||= result.changed;
        if (result.changed) won.push({ change, from });
        // updatedAt is rewritten by every edit: two edits of different fields "conflict" on it, which is bookkeeping.
        if (result.conflict && result.conflict.field !== 'updatedAt') conflicts.push(result.conflict);
      }
      if (!changed && !conflicts.length) continue;
      if (isDeleted(fields)) {
        // Deletes win for the record; its fields stay staged so a late write cannot bring it back.
        if (before) await tableOf(db, table).delete(id);
        await db.staged.put({ key, fields });
        await db.clocks.delete(key);
        if (before) await db.history.bulkAdd(historyOf(table, null, before, id, won, conflicts));
      } else {
        const assembled = recordFromFields(table, id, valuesOf(fields));
        if (!assembled.ok) {
          await db.staged.put({ key, fields }); // not all of it yet; the rest comes with a later page
          continue;
        }
        const row = assembled.record as Row;
        await tableOf(db, table).put(row);
        await db.staged.delete(key);
        await db.clocks.put({ key, fields: Object.fromEntries(Object.entries(fields).map(([f, st]) => [f, st.hlc])) });
        await db.history.bulkAdd(historyOf(table, row, before, id, won, conflicts));
      }
      applied += 1;
      conflictCount += conflicts.length;
    }
  });
  return { applied, conflicts: conflictCount };
}
