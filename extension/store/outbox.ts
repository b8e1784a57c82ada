import type { Entity } from '../../shared/domain';
import { newId } from '../../shared/ids';
import { diffToChanges } from '../../shared/sync/changes';
import { SYNC_TABLE_OF } from '../../shared/sync/constants';
import { type Clock, formatHlc, parseHlc, tick } from '../../shared/sync/hlc';
import type { DocketDB } from './db';
import { refuseIfViewOnly } from './view-only';

const REPLICA = 'replicaId';
const CLOCK = 'hlc';

/** This browser profile's replica id: made once, kept for good. Inside the caller's transaction. */
export async function replicaId(db: DocketDB): Promise<string> {
  const row = await db.settings.get(REPLICA);
  if (typeof row?.value === 'string') return row.value;
  const id = newId();
  await db.settings.put({ key: REPLICA, value: id });
  return id;
}

/**
 * Queues the field-level changes of one local write, stamped with the hybrid logical clock; each carries the stamp
 * of the value it replaces (`base`), so a concurrent edit elsewhere is recognised on merge. `after` null = delete.
 * Inside the write's transaction (see `DocketDB.write`), so a write and its outbox entries land together.
 */
export async function queueChanges(
  db: DocketDB,
  entity: Entity,
  id: string,
  before: object | null,
  after: object | null,
  now = Date.now(),
): Promise<number> {
  const table = SYNC_TABLE_OF[entity];
  const key = `${table}:${id}`;
  const node = await replicaId(db);
  const stored = await db.settings.get(CLOCK);
  let clock: Clock | null = typeof stored?.value === 'string' ? parseHlc(stored.value) : null;
  const fields = { ...((await db.clocks.get(key))?.fields ?? {}) };
  const changes = diffToChanges(
    table,
    id,
    before,
    after,
    () => formatHlc((clock = tick(clock, now, node))),
    (field) => fields[field] ?? null,
  );
  if (!changes.length) return 0;
  for (const change of changes) fields[change.field] = change.hlc;
  const record = (after ?? before) as { clientId?: string };
  const clientId = table === 'clients' ? id : (record.clientId ?? '');
  // Every local write comes this way: one that a view-only client's log must not take is refused here, whole.
  await refuseIfViewOnly(db, clientId);
  await db.outbox.bulkAdd(changes.map((c) => ({ ...c, clientId })));
  await db.clocks.put({ key, fields });
  await db.settings.put({ key: CLOCK, value: formatHlc(clock!) });
  return changes.length;
}
