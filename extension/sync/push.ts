import { PROTOCOL_VERSION, type PushResponse } from '../../shared/sync/protocol';
import type { DocketDB, OutboxEntry } from '../store/db';
import { syncedTables } from '../store/synced-tables';
import { changesOf, dropFromOutbox, replicaId, withRowValues } from '../store/outbox';
import type { SyncTransport } from './transport';

/** Changes per push (the server takes up to 1000); an outbox entry's changes travel together. */
const BATCH = 500;
/**
 * Characters of values per push: the server's default body limit is 5 MiB, and a few large captures (a 1 MB page
 * each) fit in 500 changes. 1.5 million characters stay under it even at 3 bytes a character.
 */
const BATCH_CHARS = 1_500_000;
const seqKey = (space: string) => `sync.pushSeq.${space}`;

/**
 * Pushes one client's outbox to its space, oldest first, in batches. A batch's number is saved before it is
 * sent, so a retry after a crash or a lost answer reuses it and the server acks without applying twice; entries
 * leave the outbox only once acknowledged.
 */
export async function pushClient(
  db: DocketDB,
  transport: SyncTransport,
  clientId: string,
  space: string,
): Promise<{ pushed: number; conflicts: number }> {
  let pushed = 0;
  let conflicts = 0;
  const replica = await db.transaction('rw', db.settings, () => replicaId(db));
  for (;;) {
    // Entries of one client come in seq order from its index (equal keys sort by primary key); a new record's
    // values come from its row, read in the same transaction.
    const next = await db.transaction('r', [db.outbox, ...syncedTables(db)], async () =>
      withRowValues(db, await db.outbox.where('clientId').equals(clientId).limit(BATCH).toArray()),
    );
    if (!next.length) return { pushed, conflicts };
    const batch = fill(next);
    const changes = changesOf(batch);
    let ack: PushResponse | null = null;
    // Entries left with nothing to send (a new record deleted or rewritten before it was pushed) just leave.
    if (changes.length) {
      const last = batch.at(-1)!.seq!;
      // The batch number travels with the last outbox entry it covers: a retry of the same entries reuses it.
      const saved = (await db.settings.get(seqKey(space)))?.value as { seq: number; upTo: number } | undefined;
      const seq = saved && saved.upTo === last ? saved.seq : (saved?.seq ?? 0) + 1;
      await db.settings.put({ key: seqKey(space), value: { seq, upTo: last } });
      ack = await transport.push(space, { protocol: PROTOCOL_VERSION, replicaId: replica, seq, changes });
    }
    await db.transaction('rw', db.outbox, db.settings, () => dropFromOutbox(db, batch));
    pushed += changes.length;
    conflicts += ack?.conflicts ?? 0;
  }
}

/** The first entries whose changes fit in one push, by count and by size (at least one entry). */
export function fill(entries: readonly OutboxEntry[]): OutboxEntry[] {
  let count = 0;
  let chars = 0;
  let n = 0;
  for (; n < entries.length; n++) {
    const size = JSON.stringify(entries[n]!.changes).length;
    if (n > 0 && (count + entries[n]!.changes.length > BATCH || chars + size > BATCH_CHARS)) break;
    count += entries[n]!.changes.length;
    chars += size;
  }
  return entries.slice(0, n);
}
