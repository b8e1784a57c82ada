import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PokeListener, Pokes } from '../../../server/pokes';
import { relayThroughPostgres } from '../../../server/relay/postgres';
import { type RunningPostgres, startPostgres } from '../../support/postgres';

/** An open stream as the test sees it: the pokes it got and whether it was ended. */
function stream(pokes: Pokes, space: string, who: { userId?: string; tokenId?: string } = {}) {
  const seen: number[] = [];
  const state = { closed: false };
  const listener: PokeListener = { poke: (seq) => seen.push(seq), close: () => (state.closed = true), ...who };
  pokes.subscribe(space, listener);
  return { seen, state };
}

/** Two server processes on one database, each with its own connections, streams and relay. */
describe('pokes and stream closes reach every process through PostgreSQL', () => {
  let pg: RunningPostgres;
  const procs: { sql: postgres.Sql; pokes: Pokes; relay: { stop(): Promise<void> } }[] = [];
  const within = (ms: number, check: () => boolean) => expect.poll(check, { timeout: ms, interval: 20 }).toBe(true);

  beforeAll(async () => {
    pg = await startPostgres();
    for (const name of ['process-a', 'process-b']) {
      const sql = postgres(pg.url, { max: 2, onnotice: () => {}, connection: { application_name: name } });
      const pokes = new Pokes();
      procs.push({ sql, pokes, relay: await relayThroughPostgres(sql, pokes) });
    }
  }, 60_000);
  afterAll(async () => {
    for (const p of procs) {
      await p.relay.stop();
      await p.sql.end({ timeout: 1 });
    }
    pg?.stop();
  });

  it('a push handled by one process pokes the streams held by the other within a second, once each', async () => {
    const [a, b] = procs;
    const here = stream(a!.pokes, 'acme');
    const there = stream(b!.pokes, 'acme');
    const elsewhere = stream(b!.pokes, 'other-space');
    const t0 = Date.now();
    a!.pokes.publish('acme', 42);
    await within(1000, () => there.seen.includes(42));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(here.seen).toEqual([42]); // its own notification is not applied twice
    await new Promise((r) => setTimeout(r, 300));
    expect(there.seen.filter((s) => s === 42)).toHaveLength(1);
    expect(elsewhere.seen).toEqual([]);
  });

  it('a removal or a revoked token ends the streams on the other process within a second, and only those', async () => {
    const [a, b] = procs;
    const bob = stream(b!.pokes, 'acme', { userId: 'bob', tokenId: 'bob-laptop' });
    const carol = stream(b!.pokes, 'acme', { userId: 'carol', tokenId: 'carol-laptop' });
    const bobElsewhere = stream(b!.pokes, 'other-space', { userId: 'bob', tokenId: 'bob-phone' });
    a!.pokes.closeMember('acme', 'bob');
    await within(1000, () => bob.state.closed);
    expect([carol.state.closed, bobElsewhere.state.closed]).toEqual([false, false]);
    a!.pokes.closeToken('bob-phone');
    await within(1000, () => bobElsewhere.state.closed);
    expect(carol.state.closed).toBe(false);
  });

  it('a process whose listening connection is cut listens again and pokes all its streams, so nothing is missed', async () => {
    const [a, b] = procs;
    const there = stream(b!.pokes, 'acme');
    const cut = await a!.sql`
      SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
      WHERE application_name = 'process-b' AND query ILIKE 'listen%'`;
    expect(cut.length).toBeGreaterThan(0);
    // While it was deaf, a push elsewhere may have gone unheard: its streams are told to pull anyway.
    await within(5000, () => there.seen.includes(0));
    a!.pokes.publish('acme', 43);
    await within(1000, () => there.seen.includes(43));
  });

  it('a process that cannot reconnect for a while (the database refuses connections) listens again once it can', async () => {
    const [a, b] = procs;
    const there = stream(b!.pokes, 'acme');
    const admin = postgres(pg.url.replace(/\/docket$/, '/postgres'), { max: 1, onnotice: () => {} });
    await admin`ALTER DATABASE docket ALLOW_CONNECTIONS false`;
    try {
      await admin`
        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'process-b' AND query ILIKE 'listen%'`;
      await new Promise((r) => setTimeout(r, 3000)); // its reconnect attempts are refused meanwhile
    } finally {
      await admin`ALTER DATABASE docket ALLOW_CONNECTIONS true`;
      await admin.end();
    }
    // The driver retries with a growing backoff (about 4 s after 3 s refused, measured).
    await within(20_000, () => there.seen.includes(0));
    a!.pokes.publish('acme', 44);
    await within(1000, () => there.seen.includes(44));
  }, 30_000);
});
