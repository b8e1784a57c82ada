import type { DocketDB } from '../store/db';
import { pullSpace } from './pull';
import { pushClient } from './push';
import type { SyncTransport } from './transport';

export interface SyncResult {
  pushed: number;
  applied: number;
  conflicts: number;
  pending: number;
}

/** One round for one shared client: what this browser wrote goes up, then what the team wrote comes down. */
export async function syncClient(
  db: DocketDB,
  transport: SyncTransport,
  clientId: string,
  space: string,
): Promise<SyncResult> {
  const up = await pushClient(db, transport, clientId, space);
  const down = await pullSpace(db, transport, space);
  const pending = await db.outbox.where('clientId').equals(clientId).count();
  return { pushed: up.pushed, applied: down.applied, conflicts: up.conflicts + down.conflicts, pending };
}
