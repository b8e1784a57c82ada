import type { DocketDB } from '../store/db';
import { getConnection, saveConnection } from './connection';
import { syncMessage } from './messages';
import { countPending } from './pending';
import { pullSpace } from './pull';
import { pushClient } from './push';
import { getStatus, lastSynced, STATUS_KEY, type SyncState, type SyncStatus } from './status';
import { type Fetch, httpTransport, requestJson, SyncError } from './transport';

export type { SyncState, SyncStatus };

/** How long to wait before trying again after `failures` failures in a row: 5 s doubling, at most 5 minutes. */
export function backoffMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(5 * 60_000, 5_000 * 2 ** (failures - 1));
}

/**
 * One sync round for every shared space: push then pull (a viewer only pulls: the server refuses a viewer's
 * changes). A space joined by invite learns which local client it holds from its first pull. With nothing shared
 * the round still asks the server who we are, so "Synced" always means the server answered. The outcome is saved
 * as the status the popup and log page show.
 */
export async function syncAll(
  db: DocketDB,
  fetchImpl: Fetch = (u, i) => fetch(u, i),
  now = () => new Date(),
): Promise<SyncStatus> {
  const connection = await getConnection(db);
  const previous = await getStatus(db);
  let status: SyncStatus;
  if (!connection)
    status = {
      state: 'not-connected',
      at: now().toISOString(),
      pending: 0,
      message: '',
      failures: 0,
      lastSyncedAt: null,
    };
  else {
    const transport = httpTransport(connection.serverUrl, connection.token, fetchImpl);
    try {
      const spaces = [...connection.spaces];
      if (!spaces.length)
        await requestJson(fetchImpl, `${connection.serverUrl}/v1/me`, {
          headers: { authorization: `Bearer ${connection.token}` },
        });
      for (const [i, space] of spaces.entries()) {
        if (space.clientId && space.role !== 'viewer') await pushClient(db, transport, space.clientId, space.id);
        const before = space.clientId ? null : new Set(await db.clients.toCollection().primaryKeys());
        await pullSpace(db, transport, space.id);
        const found = before && (await db.clients.toCollection().primaryKeys()).find((id) => !before.has(id));
        if (found) spaces[i] = { ...space, clientId: found };
      }
      const saved = { ...connection, spaces };
      await saveConnection(db, saved);
      const pending = await countPending(db, saved);
      const at = now().toISOString();
      status = { state: pending ? 'pending' : 'synced', at, pending, message: '', failures: 0, lastSyncedAt: at };
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
        pending: await countPending(db, connection),
        message: syncMessage(err, connection.serverUrl),
        failures: (previous?.failures ?? 0) + 1,
        lastSyncedAt: lastSynced(previous),
      };
    }
  }
  await db.settings.put({ key: STATUS_KEY, value: status });
  return status;
}
