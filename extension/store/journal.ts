import type { Dexie, Table } from 'dexie';
import type { Entity, FieldChange, HistoryEntry } from '../../shared/domain';
import { historyOfWrite } from '../../shared/history/of-write';
import { newId } from '../../shared/ids';
import { diffToChanges } from '../../shared/sync/changes';
import { SYNC_TABLE_OF, TOMBSTONE } from '../../shared/sync/constants';
import { type Clock, formatHlc, tick } from '../../shared/sync/hlc';
import type { Hlc } from '../../shared/sync/protocol';
import type { DocketDB, OutboxEntry } from './db';
import { readClock, replicaId } from './outbox';
import { STAMPS, type StampedRow, stamped, stampsOf, withoutStamps } from './stamps';
import { refuseIfViewOnly } from './view-only';

export interface Actor {
  by: string;
  at: string;
  /** The account signed in to the sync server, if any: history names members by it. */
  byId?: string;
}

/** What one write transaction's journal keeps between its records: the replica, the clock, the clients checked. */
type Context = { replica: string; clock: Clock | null; allowed: Set<string> };
const contexts = new WeakMap<object, Promise<Context>>();

/** The journal's state for the current write transaction, read once (see `readClock` for where the clock lives). */
function contextOf(db: DocketDB): Promise<Context> {
  // Dexie's static `currentTransaction`, reached through the instance: a value import of Dexie here would load it
  // before a test's fake IndexedDB (and before the popup needs it).
  const tx = (db.constructor as typeof Dexie).currentTransaction;
  if (!tx) throw new Error('journal writes run inside db.write(...)');
  let context = contexts.get(tx);
  if (!context) {
    context = Promise.all([replicaId(db), readClock(db)]).then(([replica, clock]) => ({
      replica,
      clock,
      allowed: new Set<string>(),
    }));
    contexts.set(tx, context);
  }
  return context;
}

/** The next stamp of this transaction (one per record written: its changed fields share it). */
function nextStamp(context: Context, now: number): Hlc {
  context.clock = tick(context.clock, now, context.replica);
  return formatHlc(context.clock);
}

/** Every local write to a client's log is refused, whole, when this account may only view it. */
async function checkWritable(db: DocketDB, context: Context, clientId: string): Promise<void> {
  if (context.allowed.has(clientId)) return;
  await refuseIfViewOnly(db, clientId);
  context.allowed.add(clientId);
}

const tableOf = (db: DocketDB, entity: Entity) => db[SYNC_TABLE_OF[entity]] as unknown as Table<StampedRow, string>;

/**
 * Writes one record the way every local write goes: the record with its field stamps in one row, the changed
 * fields (one diff, one stamp) as one outbox entry for sync, and one history entry holding what changed, from what
 * to what (never a second copy of a capture's text). `after` null deletes: the record's tombstone waits in `staged`
 * so a late remote edit cannot bring it back. Returns the history entry, or null when nothing changed (then nothing
 * is written). Inside the caller's `db.write` transaction: the record, its outbox entry and its history land
 * together or not at all.
 */
export async function journal<T extends { id: string }>(
  db: DocketDB,
  actor: Actor,
  entity: Entity,
  before: T | null,
  after: T | null,
  itemId: string | null,
  /** For a delete: what history says instead of every field going to null (a filing names where it went). */
  deleteChanges?: FieldChange[],
): Promise<HistoryEntry | null> {
  const id = (after ?? before)!.id;
  const table = SYNC_TABLE_OF[entity];
  const old = before ? withoutStamps(before) : null;
  const next = after ? withoutStamps(after) : null;
  const history = historyOfWrite(entity, old, next, deleteChanges);
  if (old && next && history.length === 0) return null; // only bookkeeping moved: not an edit
  const context = await contextOf(db);
  const record = (next ?? old) as { clientId?: string };
  const clientId = table === 'clients' ? id : (record.clientId ?? '');
  await checkWritable(db, context, clientId);
  // The stamps come with a `before` read from the database; one built in code (a meeting made earlier in this
  // transaction, say) has none, and its stored row is read for them: a base of null would look like an edit that
  // never saw the value it replaces, a conflict with oneself.
  const stamps = { ...stampsOf(before && STAMPS in before ? before : await tableOf(db, entity).get(id)) };
  const hlc = nextStamp(context, Date.now());
  const changes = diffToChanges(
    table,
    id,
    old,
    next,
    () => hlc,
    (field) => stamps[field] ?? null,
  );
  if (changes.length === 0) return null;
  for (const c of changes) stamps[c.field] = c.hlc;
  const entry: HistoryEntry = {
    id: newId(),
    entity,
    entityId: id,
    itemId,
    action: !old ? 'create' : next ? 'update' : 'delete',
    at: actor.at,
    by: actor.by,
    ...(actor.byId ? { byId: actor.byId } : {}),
    changes: history,
  };
  // A new record's values are in its row: the entry names them (outbox.ts withRowValues).
  const queued: OutboxEntry = old
    ? { table, id, clientId, hlc, changes: changes.map(({ field, value, base }) => ({ field, value, base })) }
    : { table, id, clientId, hlc, changes: changes.map(({ field }) => ({ field, base: null })), fromRow: true };
  const key = `${table}:${id}`;
  await Promise.all([
    // add for a new record: an id already taken aborts the write instead of overwriting a record.
    next
      ? tableOf(db, entity)[old ? 'put' : 'add'](stamped(next, stamps) as StampedRow)
      : tableOf(db, entity).delete(id),
    next ? undefined : db.staged.put({ key, fields: { [TOMBSTONE]: { value: true, hlc } } }),
    db.outbox.add(queued),
    db.history.add(entry),
  ]);
  return entry;
}

/** Records many new records at once (an import): rows with stamps, one outbox entry each, in bulk. No history: an
 * imported log brings its own. Inside the caller's transaction. */
export async function journalNew(
  db: DocketDB,
  records: readonly { entity: Entity; record: { id: string; clientId?: string } }[],
): Promise<void> {
  const context = await contextOf(db);
  const clientOf = (entity: Entity, record: { id: string; clientId?: string }) =>
    entity === 'client' ? record.id : (record.clientId ?? '');
  // One check per client, then no await until the bulk writes: tens of thousands of awaits inside one IndexedDB
  // transaction let Chromium commit it under Dexie (PrematureCommitError), and cost time besides.
  for (const clientId of new Set(records.map((r) => clientOf(r.entity, r.record))))
    await checkWritable(db, context, clientId);
  const rows = new Map<Entity, StampedRow[]>();
  const queued: OutboxEntry[] = [];
  const now = Date.now();
  for (const { entity, record } of records) {
    const table = SYNC_TABLE_OF[entity];
    const clientId = clientOf(entity, record);
    const hlc = nextStamp(context, now);
    const fields = withoutStamps(record) as Record<string, unknown>;
    const changes = diffToChanges(
      table,
      record.id,
      null,
      fields,
      () => hlc,
      () => null,
    );
    const stamps = Object.fromEntries(changes.map((c) => [c.field, hlc]));
    const list = rows.get(entity) ?? [];
    list.push(stamped(fields, stamps) as StampedRow);
    rows.set(entity, list);
    queued.push({
      table,
      id: record.id,
      clientId,
      hlc,
      changes: changes.map(({ field }) => ({ field, base: null })),
      fromRow: true,
    });
  }
  // add, not put: a record that appeared since the import was planned aborts the whole import.
  await Promise.all([
    ...[...rows].map(([entity, list]) => tableOf(db, entity).bulkAdd(list)),
    db.outbox.bulkAdd(queued),
  ]);
}
