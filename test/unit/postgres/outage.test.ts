import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../support/http';
import { type RunningPostgres, startPostgres } from '../../support/postgres';
import { type RunningServer, startSyncServer } from '../../support/sync-server';

const batch = (replica: string, seq: number, n = 3) => ({
  protocol: 1,
  replicaId: replica,
  seq,
  changes: Array.from({ length: n }, (_, j) => ({
    table: 'items',
    id: `${replica}-${seq}-${j}`,
    field: 'title',
    value: `t${seq}.${j}`,
    hlc: `${String(Date.now()).padStart(13, '0')}:${String(seq * 10 + j).padStart(4, '0')}:${replica}`,
    base: null,
  })),
});

/** PostgreSQL going away under a running server, and a server started before its database. */
describe('the server when PostgreSQL is down', () => {
  let pg: RunningPostgres;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    pg?.stop();
  });
  // Setup is done after the first test: a data dir given tells the helper not to wait for a setup code.
  const start = async (args: string[] = [], dataDir?: string) => {
    const server = await startSyncServer({ dataDir, args: ['--database-url', pg.url, ...args] });
    servers.push(server);
    return server;
  };

  it('answers 503 store-unavailable while it is down (nothing applied, the process stays up), then serves again', async () => {
    const server = await start();
    const token = (await call('POST', `${server.url}/v1/setup`, { code: server.setupCode, name: 'Alice' })).body
      .token as string;
    const space = (await call('POST', `${server.url}/v1/spaces`, { name: 'Northwind' }, token)).body.id as string;
    const push = (seq: number) => call('POST', `${server.url}/v1/spaces/${space}/push`, batch('outage-r', seq), token);
    expect((await push(1)).body).toMatchObject({ ackedSeq: 1, serverSeq: 3 });

    pg.pause();
    try {
      const health = await call('GET', `${server.url}/v1/health`);
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ ok: false, store: 'postgres', error: 'store-unavailable' });
      const refused = await push(2);
      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe('store-unavailable');
      expect(refused.retryAfter).toBe('5');
      const pull = await call('GET', `${server.url}/v1/spaces/${space}/pull`, undefined, token);
      expect(pull.status).toBe(503);
    } finally {
      pg.resume();
    }
    // The pool reconnects by itself: the same batch, retried, is applied once.
    await expect
      .poll(async () => (await call('GET', `${server.url}/v1/health`)).status, { timeout: 15_000, interval: 200 })
      .toBe(200);
    expect((await push(2)).body).toMatchObject({ ackedSeq: 2, serverSeq: 6 });
    expect((await push(2)).body).toMatchObject({ ackedSeq: 2, serverSeq: 6 });
    const pull = await call('GET', `${server.url}/v1/spaces/${space}/pull?limit=100`, undefined, token);
    expect((pull.body.changes as { seq: number }[]).map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  }, 60_000);

  it('a process started before its database waits for it; one that waits in vain says what to check', async () => {
    pg.pause();
    let resumed = false;
    try {
      await expect(start(['--database-wait-seconds', '1'])).rejects.toThrow(
        new RegExp(`exited \\(1\\)[\\s\\S]*Cannot reach PostgreSQL at 127\\.0\\.0\\.1:${pg.port}/docket`),
      );
      const waiting = start(['--database-wait-seconds', '30'], mkdtempSync(join(tmpdir(), 'docket-server-')));
      await new Promise((ok) => setTimeout(ok, 3000)); // past the process's start: it is waiting by then
      pg.resume();
      resumed = true;
      const server = await waiting;
      expect((await call('GET', `${server.url}/v1/health`)).body).toMatchObject({ ok: true, store: 'postgres' });
    } finally {
      if (!resumed) pg.resume();
    }
  }, 60_000);

  it('refuses at once, and says so, when the database does not exist', async () => {
    const wrong = pg.url.replace(/\/docket$/, '/no_such_db');
    await expect(startSyncServer({ args: ['--database-url', wrong] })).rejects.toThrow(
      /refused Docket: 3D000: database "no_such_db" does not exist/,
    );
  }, 30_000);
});
