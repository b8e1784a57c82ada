import type { LoggedChange, RecordState } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';
import { applyRemote } from './apply-remote';
import type { SyncTransport } from './transport';

const cursorKey = (space: string) => `sync.cursor.${space}`;

/** A snapshot record as changes, so it goes through the same merge as everything else. */
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
    author: 'sync server (snapshot)',
    receivedAt,
  }));
}

/**
 * Brings a space's changes into the local log. A replica that never synced starts from the snapshot, then
 * pages through the log from the cursor the server gave; the cursor is saved after each page is applied, so an
 * interrupted pull resumes where it stopped.
 */
export async function pullSpace(
  db: DocketDB,
  transport: SyncTransport,
  space: string,
  now = () => new Date(),
): Promise<{ applied: number; conflicts: number }> {
  let applied = 0;
  let conflicts = 0;
  let cursor = (await db.settings.get(cursorKey(space)))?.value as string | undefined;
  if (!cursor) {
    let page: string | null = null;
    do {
      const snap = await transport.snapshot(space, page);
      const result = await applyRemote(
        db,
        snap.records.flatMap((r) => asChanges(r, now().toISOString())),
      );
      applied += result.applied;
      cursor ??= snap.cursor; // the first page's cursor: everything after it is pulled below
      page = snap.next;
    } while (page);
    await db.settings.put({ key: cursorKey(space), value: cursor });
  }
  for (;;) {
    const res = await transport.pull(space, cursor ?? null, 500);
    const result = await applyRemote(db, res.changes);
    applied += result.applied;
    conflicts += result.conflicts;
    cursor = res.cursor;
    await db.settings.put({ key: cursorKey(space), value: cursor });
    if (!res.more) return { applied, conflicts };
  }
}
