import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, events } from '../../support/http';
import { type RunningPostgres, startPostgres } from '../../support/postgres';
import { type RunningServer, startSyncServer } from '../../support/sync-server';

const REPLICAS = 4;
const BATCHES = 20;
const PER_BATCH = 4;

type Change = { table: string; id: string; field: string; value: string; hlc: string; base: null };
const batchOf = (replica: string, seq: number): Change[] =>
  Array.from({ length: PER_BATCH }, (_, j) => ({
    table: 'items',
    id: `${replica}-${seq}-${j}`,
    field: 'title',
    value: `${replica} ${seq}.${j}`,
    hlc: `${String(Date.now()).padStart(13, '0')}:${String(seq * 10 + j).padStart(4, '0')}:${replica}`,
    base: null,
  }));

/** Every change of a space, page by page, from one process. */
async function pullAll(url: string, space: string, token: string) {
  const all: { seq: number; id: string }[] = [];
  for (let cursor: string | null = null; ;) {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = (await call('GET', `${url}/v1/spaces/${space}/pull?limit=500${q}`, undefined, token)).body as {
      changes: { seq: number; id: string }[];
      cursor: string;
      more: boolean;
    };
    all.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return all;
  }
}

/**
 * Two real server processes on one real PostgreSQL, four replicas pushing at once to alternating processes, event
 * streams held by the other process; then with every PostgreSQL connection cut again and again mid-push.
 */
describe('four replicas pushing at once through two processes on one PostgreSQL', () => {
  let pg: RunningPostgres;
  let a: RunningServer;
  let b: RunningServer;
  let token: string;
  beforeAll(async () => {
    pg = await startPostgres();
    // The last setup code printed is the live one (B's). Rate limits off: one token pushes for all four replicas, as fast as it can.
    a = await startSyncServer({ args: ['--database-url', pg.url, '--rate-burst', '0'] });
    b = await startSyncServer({ args: ['--database-url', pg.url, '--rate-burst', '0'] });
    token = (await call('POST', `${a.url}/v1/setup`, { code: b.setupCode, name: 'Alice' })).body.token as string;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    pg?.stop();
  });

  /** Each replica pushes its batches in order, batch k to process (replica + k) % 2, retrying a batch until acked. */
  async function storm(space: string, prefix: string) {
    const answers = new Map<number, number>();
    const acked: string[] = [];
    const giveUp = Date.now() + 40_000;
    await Promise.all(
      Array.from({ length: REPLICAS }, async (_, r) => {
        const replica = `${prefix}-replica-${r}`;
        for (let seq = 1; seq <= BATCHES; seq++) {
          const changes = batchOf(replica, seq);
          for (let attempt = 0; ; attempt++) {
            const server = (r + seq + attempt) % 2 === 0 ? a : b;
            const res = await call(
              'POST',
              `${server.url}/v1/spaces/${space}/push`,
              { protocol: 1, replicaId: replica, seq, changes },
              token,
            ).catch(() => ({ status: 0, body: {} as Record<string, unknown> }));
            answers.set(res.status, (answers.get(res.status) ?? 0) + 1);
            if (res.status === 200) {
              expect(res.body.ackedSeq).toBe(seq);
              acked.push(...changes.map((c) => c.id));
              break;
            }
            if (Date.now() > giveUp)
              throw new Error(`batch ${seq} of ${replica} never acked: ${JSON.stringify(res.body)}`);
            await new Promise((ok) => setTimeout(ok, 50));
          }
        }
      }),
    );
    return { acked, answers };
  }

  /** Every acknowledged change exactly once, sequence numbers 1…n, and both processes answer the same pulls. */
  async function expectOneLog(space: string, acked: string[]) {
    const [fromA, fromB] = await Promise.all([pullAll(a.url, space, token), pullAll(b.url, space, token)]);
    expect(fromB).toEqual(fromA);
    expect(fromA.map((c) => c.seq)).toEqual(Array.from({ length: fromA.length }, (_, i) => i + 1));
    expect(fromA.map((c) => c.id).sort()).toEqual([...acked].sort());
    expect(acked.length).toBe(REPLICAS * BATCHES * PER_BATCH);
  }

  it('logs every acknowledged change once, with contiguous numbers, and pokes the streams on the other process', async () => {
    const space = (await call('POST', `${a.url}/v1/spaces`, { name: 'Northwind' }, token)).body.id as string;
    const onA = await events(`${a.url}/v1/spaces/${space}/events`, token);
    const onB = await events(`${b.url}/v1/spaces/${space}/events`, token);
    const { acked, answers } = await storm(space, 'calm');
    expect([...answers.keys()]).toEqual([200]);
    await expectOneLog(space, acked);
    const last = REPLICAS * BATCHES * PER_BATCH;
    for (const stream of [onA, onB]) {
      await expect.poll(() => stream.seqs.at(-1), { timeout: 1000, interval: 20 }).toBe(last);
      stream.close();
    }
  }, 60_000);

  it('loses no acknowledged change when PostgreSQL connections are cut mid-push (clients retry the same batch)', async () => {
    const space = (await call('POST', `${a.url}/v1/spaces`, { name: 'Fabrikam' }, token)).body.id as string;
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    let cutting = true;
    let cuts = 0;
    // Every 150 ms for 3 s, all of the servers' connections, mid-transaction or not; then the pushes finish.
    const cutter = (async () => {
      for (const end = Date.now() + 3000; cutting && Date.now() < end;) {
        const killed = await admin`
          SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = 'docket' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
        cuts += killed.length;
        await new Promise((ok) => setTimeout(ok, 150));
      }
    })();
    try {
      const { acked, answers } = await storm(space, 'cut');
      cutting = false;
      await cutter;
      expect(cuts).toBeGreaterThan(0);
      // A cut push is refused as the database being away, never as a bug, and then acked on a retry.
      expect([...answers.keys()].filter((s) => s !== 200 && s !== 503)).toEqual([]);
      await expectOneLog(space, acked);
    } finally {
      cutting = false;
      await cutter;
      await admin.end();
    }
  }, 90_000);

  it('ends a revoked token’s and a removed member’s streams on the other process within a second', async () => {
    const space = (await call('POST', `${a.url}/v1/spaces`, { name: 'Contoso' }, token)).body.id as string;
    const code = (await call('POST', `${a.url}/v1/spaces/${space}/invites`, { role: 'editor' }, token)).body
      .code as string;
    const bob = (await call('POST', `${b.url}/v1/invites/${code}/accept`, { name: 'Bob' })).body as {
      token: string;
      tokenId: string;
      user: { id: string };
    };
    const code2 = (await call('POST', `${a.url}/v1/spaces/${space}/invites`, { role: 'viewer' }, token)).body
      .code as string;
    const carol = (await call('POST', `${b.url}/v1/invites/${code2}/accept`, { name: 'Carol' })).body as {
      token: string;
      user: { id: string };
    };
    const bobsStream = await events(`${b.url}/v1/spaces/${space}/events`, bob.token);
    const carolsStream = await events(`${b.url}/v1/spaces/${space}/events`, carol.token);
    await expect.poll(() => bobsStream.seqs.length + carolsStream.seqs.length, { timeout: 2000 }).toBe(2);

    // Bob signs his device out through process A; his stream is on process B.
    let t0 = Date.now();
    expect((await call('DELETE', `${a.url}/v1/tokens/${bob.tokenId}`, undefined, bob.token)).status).toBe(204);
    await expect.poll(() => bobsStream.state.endedAt, { timeout: 1500, interval: 20 }).not.toBeNull();
    expect(bobsStream.state.endedAt! - t0).toBeLessThan(1000);

    // The owner removes Carol through process A; her stream is on process B.
    t0 = Date.now();
    expect(
      (await call('DELETE', `${a.url}/v1/spaces/${space}/members/${carol.user.id}`, undefined, token)).status,
    ).toBe(204);
    await expect.poll(() => carolsStream.state.endedAt, { timeout: 1500, interval: 20 }).not.toBeNull();
    expect(carolsStream.state.endedAt! - t0).toBeLessThan(1000);
    expect((await call('GET', `${b.url}/v1/spaces/${space}/pull`, undefined, carol.token)).body.error).toBe('removed');
  }, 60_000);
});
