import { PROTOCOL_VERSION, type PushResponse } from '../../shared/sync/protocol';
import type { DocketDB } from '../store/db';
import { replicaId } from '../store/outbox';
import type { SyncTransport } from './transport';

const BATCH = 500;
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
    const batch = await db.outbox.where('clientId').equals(clientId).limit(BATCH).sortBy('seq');
    if (!batch.length) return { pushed, conflicts };
    const last = batch.at(-1)!.seq!;
    // The batch number travels with the last outbox entry it covers: a retry of the same entries reuses it.
    const saved = (await db.settings.get(seqKey(space)))?.value as { seq: number; upTo: number } | undefined;
    const seq = saved && saved.upTo === last ? saved.seq : (saved?.seq ?? 0) + 1;
    await db.settings.put({ key: seqKey(space), value: { seq, upTo: last } });
    const changes = batch.map(({ table, id, field, value, hlc, base }) => ({ table, id, field, value, hlc, base }));
    const ack: PushResponse = await transport.push(space, {
      protocol: PROTOCOL_VERSION,
      replicaId: replica,
      seq,
      changes,
    });
    await db.outbox.bulkDelete(batch.map((e) => e.seq!));
    pushed += batch.length;
    conflicts += ack.conflicts;
  }
}
