import type { FieldChange, HistoryEntry } from '../../shared/domain';
import { fieldChanges } from '../../shared/changes';
import { newId } from '../../shared/ids';
import { KEPT_BY_RECORD } from '../../shared/history/of-write';
import { ENTITY_OF, TOMBSTONE } from '../../shared/sync/constants';
import type { Conflict } from '../../shared/sync/merge';
import type { LoggedChange, SyncTable } from '../../shared/sync/protocol';

export type Row = { id: string; itemId?: string } & Record<string, unknown>;

/** A change that won the merge, with the value it replaced. */
export type Won = { change: LoggedChange; from: unknown };

/** Fields history leaves out, as it does for local edits: ids and timestamps are the entry's own who and when. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'createdBy', TOMBSTONE]);

/** One remote edit as history shows it: consecutive changes by one replica, a field appearing at most once. */
interface Edit {
  replicaId: string;
  author: string;
  authorId: string;
  at: string;
  changes: FieldChange[];
}

/** Groups the winning changes into edits, so a value overwritten later in the same pull still appears in history. */
function editsOf(applied: Won[]): Edit[] {
  const edits: Edit[] = [];
  let current: Edit | null = null;
  for (const { change, from } of applied) {
    if (BOOKKEEPING.has(change.field)) continue;
    if (!current || current.replicaId !== change.replicaId || current.changes.some((c) => c.field === change.field)) {
      current = {
        replicaId: change.replicaId,
        author: change.author,
        authorId: change.authorId,
        at: change.receivedAt,
        changes: [],
      };
      edits.push(current);
    }
    current.changes.push({ field: change.field, from: from ?? null, to: change.value });
  }
  return edits;
}

/** The account a change came from, when the server named one. */
const authorOf = (id: string | undefined): { byId?: string } => (id ? { byId: id } : {});

/** A remote record's story for history: its edits under their authors, its deletion, and any conflict it lost. */
export function historyOf(
  table: SyncTable,
  row: Row | null,
  before: Row | undefined,
  id: string,
  applied: Won[],
  conflicts: Conflict[],
): HistoryEntry[] {
  const entity = ENTITY_OF[table];
  const itemId = table === 'items' ? id : table === 'captures' ? ((row ?? before)?.itemId ?? null) : null;
  const last = applied.at(-1)?.change;
  const kept = KEPT_BY_RECORD[entity];
  const entries: HistoryEntry[] = editsOf(applied).map((edit, i) => {
    const created = !before && i === 0;
    return {
      id: newId(),
      entity,
      entityId: id,
      itemId,
      action: created ? 'create' : 'update',
      at: edit.at,
      by: edit.author,
      ...authorOf(edit.authorId),
      // As for a local write: a new record's history does not copy the text the record keeps.
      changes: created && kept ? edit.changes.filter((c) => !kept.has(c.field)) : edit.changes,
    };
  });
  if (!row && before && last)
    entries.push({
      id: newId(),
      entity,
      entityId: id,
      itemId,
      action: 'delete',
      at: last.receivedAt,
      by: last.author,
      ...authorOf(last.authorId),
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
      ...authorOf(by?.authorId),
      conflict: true,
      changes: [{ field: c.field, from: c.lost.value, to: c.kept.value }],
    });
  }
  return entries;
}
