import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningPostgres, startPostgres } from '../../support/postgres';

/** The throwaway cluster the PostgreSQL store's tests run on: it starts, answers, and is private to this run. */
describe('a throwaway PostgreSQL for the tests', () => {
  let pg: RunningPostgres;
  let sql: postgres.Sql;
  beforeAll(async () => {
    pg = await startPostgres();
    sql = postgres(pg.url, { max: 2, onnotice: () => {} });
  }, 60_000);
  afterAll(async () => {
    await sql?.end();
    pg?.stop();
  });

  it('answers through postgres.js on its own loopback port, version 15 or later', async () => {
    const [row] = await sql<{ version: string; db: string }[]>`
      SELECT current_setting('server_version_num') AS version, current_database() AS db`;
    expect(Number(row!.version)).toBeGreaterThanOrEqual(150000);
    expect(row!.db).toBe('docket');
    const [where] = await sql<{ listen: string; sockets: string; port: string }[]>`
      SELECT current_setting('listen_addresses') AS listen, current_setting('unix_socket_directories') AS sockets,
             current_setting('port') AS port`;
    expect(where).toEqual({ listen: '127.0.0.1', sockets: pg.socketDir, port: String(pg.port) });
  });

  it('keeps what a transaction committed and nothing of one that failed', async () => {
    await sql`CREATE TABLE t (n int PRIMARY KEY)`;
    await sql.begin(async (tx) => {
      await tx`INSERT INTO t VALUES (1)`;
    });
    await expect(
      sql.begin(async (tx) => {
        await tx`INSERT INTO t VALUES (2)`;
        await tx`INSERT INTO t VALUES (1)`; // duplicate: the whole transaction goes
      }),
    ).rejects.toThrow(/duplicate key/);
    expect((await sql<{ n: number }[]>`SELECT n FROM t ORDER BY n`).map((r) => r.n)).toEqual([1]);
  });
});
