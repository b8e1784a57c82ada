import { TOMBSTONE } from '../../shared/sync/constants';
import type { RecordFields } from '../../shared/sync/merge';
import type { LoggedChange, RecordState, SyncTable } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';
import { ORIGIN_AUTHOR, type Stamps } from '../store/stamps';
import { add, applyTables, mergeInto, readCurrent, Writes } from './apply-remote';

/** A snapshot record as changes, for the merge of a record this replica already holds. */
function asChanges(record: RecordState, receivedAt: string): LoggedChange[] {
  return Object.entries(record.fields).map(([field, state]) => ({
    table: record.table,
    id: record.id,
    field,
    value: state.value,
    hlc: state.hlc,
    base: null,
    seq: 1,
    replicaId: state.hlc.split(':')[2]!,
    // The snapshot names each field's author by account only: history shows the member's name from the members list.
    authorId: state.authorId ?? '',
    author: 'sync server (snapshot)',
    receivedAt,
  }));
}

/** Who created a record: the author of its creation time (of any field, failing that). */
function creatorOf(record: RecordState): string | undefined {
  const f = record.fields;
  return (f.createdAt ?? f.capturedAt ?? Object.values(f)[0])?.authorId ?? undefined;
}

/**
 * Applies one snapshot page in one transaction. A record this replica has never seen (a first sync: all of them)
 * is stored as the server holds it: its fields with their stamps, checked by the table's schema, no field-by-field
 * merge and no history entry (the snapshot holds the state, not the story; the item's history shows where the
 * record came from from the record itself, shared/history/origins.ts). A record the replica holds, or holds staged,
 * goes through the merge as any pulled change does.
 */
export async function applySnapshot(
  db: DocketDB,
  records: readonly RecordState[],
  receivedAt: string,
): Promise<{ applied: number; conflicts: number }> {
  const ids = new Map<SyncTable, string[]>();
  for (const r of records) add(ids, r.table, r.id);
  let applied = 0;
  let conflicts = 0;
  await db.transaction('rw', applyTables(db), async () => {
    // The records come in key order, few to a table: each table is read as one key range.
    const current = await readCurrent(db, ids, true);
    const writes = new Writes();
    for (const r of records) {
      const key = `${r.table}:${r.id}`;
      const stored = current.rows.get(key);
      const staged = current.staged.get(key);
      if (stored || staged) {
        const result = mergeInto(writes, asChanges(r, receivedAt), stored, staged);
        if (result.applied) applied += 1;
        conflicts += result.conflicts;
        continue;
      }
      const fields: RecordFields = {};
      const stamps: Stamps = {};
      for (const [field, state] of Object.entries(r.fields)) {
        fields[field] = { value: state.value, hlc: state.hlc };
        stamps[field] = state.hlc;
      }
      if (TOMBSTONE in fields) {
        writes.staged.push({ key, fields }); // deleted before this replica saw it: kept so a late write stays dead
        continue;
      }
      const by = creatorOf(r);
      if (by) stamps[ORIGIN_AUTHOR] = by;
      if (writes.record(r.table, r.id, fields, stamps)) applied += 1;
    }
    await writes.flush(db);
  });
  return { applied, conflicts };
}
