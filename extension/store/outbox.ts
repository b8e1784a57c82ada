import { newId } from '../../shared/ids';
import { type Clock, parseHlc } from '../../shared/sync/hlc';
import type { Table } from 'dexie';
import type { Change, SyncTable } from '../../shared/sync/protocol';
import type { DocketDB, OutboxEntry } from './db';
import { stampsOf } from './stamps';

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

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/**
 * The hybrid logical clock as the last local write left it, without a write per transaction to keep it: every
 * stamp this replica issues goes into an outbox entry, so the newest entry holds the latest stamp; what leaves the
 * outbox (acknowledged by the server) saves its newest stamp first (`dropFromOutbox`). Inside the caller's
 * transaction.
 */
export async function readClock(db: DocketDB): Promise<Clock | null> {
  const [saved, newest] = await Promise.all([db.settings.get(CLOCK), db.outbox.orderBy('seq').last()]);
  const stamp = later(typeof saved?.value === 'string' ? saved.value : null, newest?.hlc ?? null);
  return stamp ? parseHlc(stamp) : null;
}

/** Removes entries from the outbox (they reached the server), keeping the clock they carried. In a rw transaction over outbox and settings. */
export async function dropFromOutbox(db: DocketDB, entries: readonly OutboxEntry[]): Promise<void> {
  const saved = (await db.settings.get(CLOCK))?.value;
  const newest = entries.reduce<string | null>((max, e) => later(max, e.hlc), typeof saved === 'string' ? saved : null);
  if (newest && newest !== saved) await db.settings.put({ key: CLOCK, value: newest });
  await db.outbox.bulkDelete(entries.map((e) => e.seq!));
}

/** The protocol's field-level changes of some outbox entries (their values filled in), in order. */
export function changesOf(entries: readonly OutboxEntry[]): Change[] {
  return entries.flatMap(({ table, id, hlc, changes }) =>
    changes.map(({ field, value, base }) => ({ table, id, field, value, hlc, base })),
  );
}

/**
 * Outbox entries with the values of new records' entries read from their rows. A field whose row stamp has moved
 * on (edited again before the push, which queued its own entry with the value) is left out, as is every field of
 * a record deleted since (its tombstone follows): nobody could have seen the value it replaced.
 */
export async function withRowValues(db: DocketDB, entries: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
  const wanted = new Map<SyncTable, string[]>();
  for (const e of entries) {
    if (!e.fromRow) continue;
    const ids = wanted.get(e.table);
    if (ids) ids.push(e.id);
    else wanted.set(e.table, [e.id]);
  }
  if (!wanted.size) return [...entries];
  const rows = new Map<string, Record<string, unknown> | undefined>();
  await Promise.all(
    [...wanted].map(async ([table, ids]) => {
      const found = await (db[table] as unknown as Table<Record<string, unknown>, string>).bulkGet(ids);
      ids.forEach((id, i) => rows.set(`${table}:${id}`, found[i]));
    }),
  );
  return entries.map((e) => {
    if (!e.fromRow) return e;
    const { fromRow: _, ...entry } = e;
    const row = rows.get(`${e.table}:${e.id}`);
    const stamps = stampsOf(row);
    const changes = row
      ? e.changes.filter((c) => stamps[c.field] === e.hlc).map((c) => ({ ...c, value: row[c.field] }))
      : [];
    return { ...entry, changes };
  });
}
