import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/admin';
import { openPostgresStore } from '../../../server/store/postgres/store';
import { DEFAULT_DB_FILE, openSqliteStore } from '../../../server/store/sqlite';
import { BLOB_COLUMNS, columnsOf, LEFT_BEHIND, SPACE_ROWS, type SpaceRows } from '../../../server/store/transfer';
import type { SyncStore } from '../../../server/store/types';
import { type RunningPostgres, startPostgres } from '../../support/postgres';
import { ackOf, change, harness, hlc, pushBody } from '../server/helpers';
import { buildSpace, viewSpace } from '../server/space-fixture';

/*
 * Moving a space from the SQLite store to PostgreSQL (and back) on a real PostgreSQL, with the admin command line
 * run as the processes an admin runs: every client sees the same through the HTTP API after the move, the log goes
 * on with the next seq, and a refused import writes nothing.
 */
let pg: RunningPostgres;
let admin: postgres.Sql;
let databases = 0;
const cleanup: (() => unknown)[] = [];
beforeAll(async () => {
  pg = await startPostgres();
  admin = postgres(pg.url, { max: 1, onnotice: () => {} });
}, 60_000);
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
afterAll(async () => {
  await admin?.end();
  pg?.stop();
});

async function emptyDatabase(): Promise<string> {
  const name = `transfer_${++databases}`;
  await admin`CREATE DATABASE ${admin(name)}`;
  return pg.url.replace(/\/docket$/, `/${name}`);
}
async function openPg(url: string): Promise<SyncStore> {
  const store = await openPostgresStore(url, { max: 4 });
  cleanup.push(() => store.close());
  return store;
}
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'docket-transfer-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** `node --import tsx server/admin.ts …` as a process of its own; its exit code and output. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/admin.ts', ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, out: stdout.trim() };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}`.trim() };
  }
}
const state = async (store: SyncStore, sql: postgres.Sql) => ({
  counts: await store.counts(),
  spaces: await store.listSpaces(),
  users: await store.listUsers(),
  rows: await sql`SELECT (SELECT count(*)::int FROM membership_events) AS trail, (SELECT count(*)::int FROM space_seq) AS seq,
                         (SELECT count(*)::int FROM space_usage) AS usage`,
});

describe('moving a space from SQLite to PostgreSQL', () => {
  it('with the admin command line: the same space for every client, and the next push gets the next seq', async () => {
    const dataDir = tempDir();
    const source = harness({}, openSqliteStore(join(dataDir, DEFAULT_DB_FILE)));
    cleanup.push(() => source.store.close());
    const f = await buildSpace(source);
    const file = join(tempDir(), 'acme.docket-space');
    const url = await emptyDatabase();

    const exported = await cli(['--data-dir', dataDir, 'spaces', 'export', f.space, file]);
    expect(exported).toEqual({ code: 0, out: expect.stringContaining('(Acme Manufacturing) written to') });
    const listed = await cli(['--data-dir', dataDir, 'spaces', 'list']);
    expect(listed.out).toContain(`${f.space}  Acme Manufacturing`);
    const imported = await cli(['spaces', 'import', file], { DATABASE_URL: url });
    expect(imported).toEqual({
      code: 0,
      out: expect.stringMatching(/imported: 7 changes, .* next change is seq 8\.$/),
    });
    expect((await cli(['spaces', 'list'], { DATABASE_URL: url })).out).toMatch(
      new RegExp(`^${f.space}  Acme Manufacturing  created \\S+  3 members  3 records  7 changes$`),
    );

    const store = await openPg(url);
    const target = harness({}, store);
    target.clock.now = source.clock.now;
    const sql = (store as SyncStore & { sql: postgres.Sql }).sql;
    // Refused the second time, with nothing written.
    const kept = await state(store, sql);
    const again = await cli(['spaces', 'import', file], { DATABASE_URL: url });
    expect(again).toEqual({ code: 1, out: `Space ${f.space} is already on this server. Nothing imported.` });
    expect(await state(store, sql)).toEqual(kept);

    const before = await viewSpace(harness({}, source.store), f);
    const after = await viewSpace(harness({}, store), f);
    expect(after).toEqual(before);
    // PostgreSQL's own export is the SQLite one, row for row.
    const [fromSqlite, fromPg] = await Promise.all([
      source.store.exportSpace(f.space, 'x'),
      store.exportSpace(f.space, 'x'),
    ]);
    expect({ ...fromPg, source: 'sqlite' }).toEqual(fromSqlite);
    expect(fromPg?.blobs.map((b) => b.sha256)).toEqual([...f.blobs].sort());
    expect(after.blobs.filter((b) => b.status === 200)).toHaveLength(2);

    expect(await sql`SELECT next_seq::int FROM space_seq WHERE space_id = ${f.space}`).toEqual([{ next_seq: 8 }]);
    expect(ackOf((await target.push(f.tokens.sam, f.space, f.samBatch)).json)).toEqual(ackOf(f.samAck));
    const batch = pushBody([change({ value: 'Moved', hlc: hlc(300_000), base: hlc(62_000, 'replica-s') })], 3);
    const next = await target.push(f.tokens.dana, f.space, batch);
    expect(ackOf(next.json)).toEqual({ ackedSeq: 3, serverSeq: 8, conflicts: 0 });
    const there = await source.push(f.tokens.dana, f.space, batch);
    expect(ackOf(there.json)).toEqual(ackOf(next.json));
    // The log hashes the same on PostgreSQL: the same root at 8 (each server signs with its own key).
    expect(next.json.checkpoint).toMatchObject({ size: 8, root: there.json.checkpoint.root });
    expect(await store.spaceUsage(f.space)).toEqual(await source.store.spaceUsage(f.space));
    expect((await store.readLog(f.space, 0, 100)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await target.call('POST', `/v1/invites/${f.invite}/accept`, { body: { name: 'Noor' } })).status).toBe(200);
  }, 60_000);

  it('refuses a damaged file or a person who differs, writing nothing; moves back to SQLite the same', async () => {
    const source = harness();
    const f = await buildSpace(source);
    const store = await openPg(await emptyDatabase());
    const sql = (store as SyncStore & { sql: postgres.Sql }).sql;
    const run = async (s: SyncStore, args: string[]) => {
      const lines: string[] = [];
      return { code: await runAdmin(s, args, (l) => lines.push(l), new Date(source.clock.now)), out: lines.join('\n') };
    };
    const [acme, beta] = [join(tempDir(), 'acme'), join(tempDir(), 'beta')];
    expect((await run(source.store, ['spaces', 'export', f.space, acme])).code).toBe(0);
    expect((await run(source.store, ['spaces', 'export', f.other, beta])).code).toBe(0);
    const text = readFileSync(acme, 'utf8');
    const cut = join(tempDir(), 'cut');
    writeFileSync(cut, text.slice(0, text.length - 40));
    const empty = await state(store, sql);
    expect(await run(store, ['spaces', 'import', cut])).toMatchObject({
      code: 1,
      out: expect.stringMatching(/cut short/),
    });
    expect(await state(store, sql)).toEqual(empty);

    expect((await run(store, ['spaces', 'import', acme])).code).toBe(0);
    const dana = (await store.listUsers()).find((u) => u.name === 'Dana (vCIO)')!;
    await store.allowSpaceCreation(dana.id, true); // moot for the server owner, but her data now differs
    const kept = await state(store, sql);
    expect(await run(store, ['spaces', 'import', beta])).toEqual({
      code: 1,
      out: expect.stringMatching(new RegExp(`^User ${dana.id} is already on this server with another name`)),
    });
    expect(await state(store, sql)).toEqual(kept);
    await store.allowSpaceCreation(dana.id, false);
    expect((await run(store, ['spaces', 'import', beta])).code).toBe(0);
    expect((await store.listMemberships(dana.id)).map((m) => m.name)).toEqual(['Acme Manufacturing', 'Beta Logistics']);

    // And back: PostgreSQL's export loads into a fresh SQLite store, the same for every client.
    const back = harness({}, openSqliteStore(':memory:'));
    back.clock.now = source.clock.now;
    const file = join(tempDir(), 'back');
    expect((await run(store, ['spaces', 'export', f.space, file])).code).toBe(0);
    expect((await run(back.store, ['spaces', 'import', file])).code).toBe(0);
    expect(await viewSpace(harness({}, back.store), f)).toEqual(await viewSpace(harness({}, source.store), f));
  }, 60_000);

  it('copies every table of the PostgreSQL schema keyed by the space or its people, or says why not', async () => {
    const store = await openPg(await emptyDatabase());
    const sql = (store as SyncStore & { sql: postgres.Sql }).sql;
    const columns = await sql<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`;
    const copied: Record<string, string[]> = {
      spaces: ['id', 'name', 'created_at'],
      signing_keys: columnsOf('signing_keys'),
      space_seq: ['space_id', 'next_seq'],
      space_usage: ['space_id', 'records', 'bytes'],
      users: columnsOf('users'),
      tokens: columnsOf('tokens'),
      replicas: columnsOf('replicas'),
      blobs: ['space_id', ...BLOB_COLUMNS],
      ...Object.fromEntries(
        Object.keys(SPACE_ROWS).map((list) => [list, [...columnsOf(list as SpaceRows), 'space_id', 'id']]),
      ),
    };
    copied.changes!.push('leaf_hash'); // recomputed by the import from the changes, never copied
    const missing = columns.filter((c) => !LEFT_BEHIND[c.table_name] && !copied[c.table_name]?.includes(c.column_name));
    expect(missing).toEqual([]);
  });
});
