import { recordKey } from '../../shared/sync/merge';
import { mergeRecord } from '../../shared/sync/merge-record';
import type { LogEntry, RecordKey, RecordWrite, StoredRecord } from '../store/tx';
import type { ConflictEntry, SpaceUsage } from '../store/types';

/** What a batch does to the records it touches. */
export type BatchEffect = {
  /** the records it changed, in the order the batch first names them */ writes: RecordWrite[];
  /** every conflict it met, in log order */ conflicts: ConflictEntry[];
  /** how the space's use moves: records added, bytes added (or taken away) */ usage: SpaceUsage;
};

/** The records a batch touches, each once, in the order it first names them. */
export function touchedKeys(entries: readonly RecordKey[]): RecordKey[] {
  const keys = new Map<string, RecordKey>();
  for (const { table, id } of entries) {
    const key = recordKey(table, id);
    if (!keys.has(key)) keys.set(key, { table, id });
  }
  return [...keys.values()];
}

/**
 * Merges a logged batch into the stored records it touches (`stored`, keyed by `recordKey`), each record's changes
 * in log order with the merge every replica runs (shared/sync/merge-record.ts). A record's stored size is the UTF-8
 * length of its fields' JSON; a record not stored yet adds one to the space's count.
 */
export function mergeBatch(stored: Map<string, StoredRecord>, entries: readonly LogEntry[]): BatchEffect {
  const byRecord = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const key = recordKey(entry.table, entry.id);
    const list = byRecord.get(key);
    if (list) list.push(entry);
    else byRecord.set(key, [entry]);
  }
  const writes: RecordWrite[] = [];
  const conflicts: ConflictEntry[] = [];
  const usage: SpaceUsage = { records: 0, bytes: 0 };
  for (const [key, list] of byRecord) {
    const { table, id } = list[0]!;
    const current = stored.get(key);
    const merged = mergeRecord(current?.fields, list);
    for (const { change, conflict } of merged.conflicts) {
      conflicts.push({
        seq: change.seq,
        table,
        id,
        field: change.field,
        winner: { value: conflict.kept.value, hlc: conflict.kept.hlc },
        lost: { value: conflict.lost.value, hlc: conflict.lost.hlc },
        detectedAt: change.receivedAt,
      });
    }
    if (!merged.changed) continue;
    const json = JSON.stringify(merged.fields);
    if (!current) usage.records += 1;
    usage.bytes += Buffer.byteLength(json) - (current?.bytes ?? 0);
    writes.push({ table, id, json });
  }
  conflicts.sort((a, b) => a.seq - b.seq);
  return { writes, conflicts, usage };
}
