import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../support/postgres';
import { type RunningServer, startSyncServer } from '../../support/sync-server';
import { call, events } from '../../support/http';

/** Two real server processes on one PostgreSQL database (DATABASE_URL), as behind a proxy. */
describe('two server processes on one PostgreSQL', () => {
  let pg: RunningPostgres;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    pg = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    pg?.stop();
  });
  const start = async (opts: { dataDir?: string } = {}) => {
    const server = await startSyncServer({ ...opts, args: ['--database-url', pg.url] });
    servers.push(server);
    return server;
  };

  it('name the store, share setup (the last code printed is live), and poke streams across processes', async () => {
    const a = await start();
    const b = await start(); // setup still pending: B prints a new code, and A's stops working
    expect(a.setupCode).not.toBe(b.setupCode);
    for (const s of [a, b]) {
      expect((await call('GET', `${s.url}/v1/health`)).body).toEqual({ ok: true, protocol: 1, store: 'postgres' });
    }
    expect((await call('POST', `${a.url}/v1/setup`, { code: a.setupCode, name: 'Alice' })).status).toBe(401);
    const setup = await call('POST', `${a.url}/v1/setup`, { code: b.setupCode, name: 'Alice' });
    expect(setup.status).toBe(201);
    const token = setup.body.token as string;
    // A third process started once setup is done prints no code.
    const c = await start({ dataDir: mkdtempSync(join(tmpdir(), 'docket-server-')) });
    expect(c.setupCode).toBe('');

    const space = (await call('POST', `${b.url}/v1/spaces`, { name: 'Northwind' }, token)).body.id as string;
    const stream = await events(`${b.url}/v1/spaces/${space}/events`, token);
    await expect.poll(() => stream.seqs, { timeout: 2000, interval: 20 }).toEqual([0]);
    const changes = [1, 2, 3].map((j) => ({
      table: 'items',
      id: `item-${j}`,
      field: 'title',
      value: `t${j}`,
      hlc: `${String(Date.now()).padStart(13, '0')}:000${j}:two-process-replica`,
      base: null,
    }));
    const t0 = Date.now();
    const push = await call(
      'POST',
      `${a.url}/v1/spaces/${space}/push`,
      { protocol: 1, replicaId: 'two-process-replica', seq: 1, changes },
      token,
    );
    expect(push.body).toMatchObject({ ackedSeq: 1, serverSeq: 3 });
    await expect.poll(() => stream.seqs.includes(3), { timeout: 1000, interval: 10 }).toBe(true);
    expect(Date.now() - t0).toBeLessThan(1000);
    stream.close();
    // Both processes answer the same pull.
    const pulls = await Promise.all(
      [a, b, c].map((s) => call('GET', `${s.url}/v1/spaces/${space}/pull?limit=100`, undefined, token)),
    );
    expect(pulls[0]!.body).toEqual(pulls[1]!.body);
    expect(pulls[0]!.body).toEqual(pulls[2]!.body);
    expect((pulls[0]!.body.changes as unknown[]).length).toBe(3);
  }, 60_000);
});
