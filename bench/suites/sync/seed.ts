/**
 * A real sync server whose space already holds a generated log. Seeding 1.85 M changes (50k items) over HTTP would
 * take minutes, so the store is filled in-process first: the same setup, space and invite calls through the
 * app's own routes, then the log's changes through `applyBatch` (what the push route calls) in the same
 * 1 000-change batches. Then the server process starts on that store, as after a restart: on SQLite, a data dir;
 * with `databaseUrl`, that PostgreSQL database (`--database-url`).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../../server/app';
import { prepareSetup } from '../../../server/auth/setup';
import { openPostgresStore } from '../../../server/store/postgres/store';
import { DEFAULT_DB_FILE, openSqliteStore } from '../../../server/store/sqlite';
import type { SyncStore } from '../../../server/store/types';
import { applyBatch } from '../../../server/sync/apply-batch';
import { type RunningServer, startSyncServer } from '../../../test/support/sync-server';
import { batches, logToChanges } from '../../data/changes';
import type { Log } from '../../data/log';

export interface SeededServer {
  server: RunningServer;
  space: string;
  ownerToken: string;
  editorToken: string;
  /** Changes stored in the space. */
  changes: number;
  /** How long seeding the data dir took (not measured as a figure). */
  seedMs: number;
}

export async function seededServer(tmp: string, log: Log, databaseUrl?: string): Promise<SeededServer> {
  const started = performance.now();
  const dataDir = mkdtempSync(join(tmp, 'sync-server-'));
  const store: SyncStore = databaseUrl
    ? await openPostgresStore(databaseUrl)
    : openSqliteStore(join(dataDir, DEFAULT_DB_FILE));
  try {
    const code = (await prepareSetup(store, new Date()))!;
    const app = createApp({ store, rateLimit: false });
    const call = async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
      const res = await app.request(`http://docket.test/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const owner = await call<{ token: string; user: { id: string; name: string } }>('POST', '/setup', {
      code,
      name: 'Alice Martin',
    });
    const space = (await call<{ id: string }>('POST', '/spaces', { name: 'Bench space' }, owner.token)).id;
    const invite = await call<{ code: string }>(
      'POST',
      `/spaces/${space}/invites`,
      { role: 'editor', expiresInHours: 24 },
      owner.token,
    );
    const editor = await call<{ token: string }>('POST', `/invites/${invite.code}/accept`, { name: 'Bob Tremblay' });
    const changes = logToChanges(log, 'bench-seed');
    const receivedAt = new Date().toISOString();
    let seq = 0;
    for (const batch of batches(changes))
      await applyBatch(store, {
        spaceId: space,
        replicaId: 'bench-seed',
        seq: ++seq,
        author: owner.user,
        changes: batch,
        receivedAt,
      });
    await store.close();
    const server = await startSyncServer({
      dataDir,
      args: ['--rate-per-second', '0', ...(databaseUrl ? ['--database-url', databaseUrl] : [])],
    });
    return {
      server,
      space,
      ownerToken: owner.token,
      editorToken: editor.token,
      changes: changes.length,
      seedMs: performance.now() - started,
    };
  } finally {
    await store.close();
  }
}
