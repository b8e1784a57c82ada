import { newId } from '../../shared/ids';
import { type Clock, parseHlc } from '../../shared/sync/hlc';
import type { Change } from '../../shared/sync/protocol';
import type { DocketDB, OutboxEntry } from './db';

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

/** The protocol's field-level changes of some outbox entries, in order. */
export function changesOf(entries: readonly OutboxEntry[]): Change[] {
  return entries.flatMap(({ table, id, hlc, changes }) =>
    changes.map(({ field, value, base }) => ({ table, id, field, value, hlc, base })),
  );
}
