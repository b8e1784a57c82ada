import type { DocketDB } from '../store/db';
import { getConnection, saveConnection } from './connection';
import { pullSpace } from './pull';
import { syncClient } from './sync-client';
import { getStatus, STATUS_KEY, type SyncState, type SyncStatus } from './status';
import { type Fetch, httpTransport, SyncError } from './transport';

export type { SyncState, SyncStatus };

/** How long to wait before trying again after `failures` failures in a row: 5 s doubling, at most 5 minutes. */
export function backoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(5 * 60_000, 5_000 * 2 ** (failures - 1));
}

/**
 * One sync round for every shared space: push then pull. A space joined by invite learns which local client it
 * holds from its first pull. The outcome is saved as the status the popup and log page show.
 */
export async function syncAll(
  db: DocketDB,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
  now = () => new Date(),
): Promise<SyncStatus> {
  const connection = await getConnection(db);
  const previous = await getStatus(db);
  let status: SyncStatus;
  if (!connection) status = { state: 'not-connected', at: now().toISOString(), pending: 0, message: '', failures: 0 };
  else {
    const transport = httpTransport(connection.serverUrl, connection.token, fetchImpl);
    try {
      const spaces = [...connection.spaces];
      for (const [i, space] of spaces.entries()) {
        if (space.clientId) await syncClient(db, transport, space.clientId, space.id);
        else {
          const before = new Set(await db.clients.toCollection().primaryKeys());
          await pullSpace(db, transport, space.id);
          const found = (await db.clients.toCollection().primaryKeys()).find((id) => !before.has(id));
          if (found) spaces[i] = { ...space, clientId: found };
        }
      }
      await saveConnection(db, { ...connection, spaces });
      const pending = await db.outbox.count();
      status = { state: pending ? 'pending' : 'synced', at: now().toISOString(), pending, message: '', failures: 0 };
    } catch (e) {
      const err =
        e instanceof SyncError ? e : new SyncError('server-error', e instanceof Error ? e.message : String(e));
      const state: SyncState =
        err.code === 'offline'
          ? 'offline'
          : err.code === 'unauthorized' || err.code === 'token-revoked'
            ? 'sign-in-needed'
            : 'error';
      status = {
        state,
        at: now().toISOString(),
        pending: await db.outbox.count(),
        message: err.message,
        failures: (previous?.failures ?? 0) + 1,
      };
    }
  }
  await db.settings.put({ key: STATUS_KEY, value: status });
  return status;
}
