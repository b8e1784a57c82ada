import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../server/store/postgres/schema';
import { openPostgresStore } from '../../../server/store/postgres/store';
import { applyBatch, type PushOutcome } from '../../../server/sync/apply-batch';
import type { SyncStore } from '../../../server/store/types';
import type { Change, Role } from '../../../shared/sync/protocol';
import { type RunningPostgres, startPostgres } from '../../support/postgres';
import { describeStoreContract } from '../server/store-contract';
import { Ledger } from '../../../server/ledger/ledger';
import { toHex } from '../../../shared/ledger/bytes';
import { leafHashOfChange } from '../../../shared/ledger/log-leaf';
import { MerkleFrontier, treeRoot } from '../../../shared/ledger/merkle';

const NOW = '2026-11-26T14:00:00.000Z';
const LATER = '2026-11-27T14:00:00.000Z';

/*
 * The PostgreSQL store on a real PostgreSQL (one cluster for this file, a new database for each test): the store
 * contract (test/unit/server/store-contract.ts), plus what several processes add: migrations racing, and concurrent uses of one code or space.
 */
let pg: RunningPostgres;
let admin: postgres.Sql;
let databases = 0;
const opened: { close(): Promise<void> }[] = [];
beforeAll(async () => {
  pg = await startPostgres();
  admin = postgres(pg.url, { max: 1, onnotice: () => {} });
}, 60_000);
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await admin?.end();
  pg?.stop();
});

/** A new, empty database's url. */
async function emptyDatabase(): Promise<string> {
  const name = `store_${++databases}`;
  await admin`CREATE DATABASE ${admin(name)}`;
  return pg.url.replace(/\/docket$/, `/${name}`);
}
async function open(url: string): Promise<SyncStore> {
  const store = await openPostgresStore(url, { max: 4 });
  opened.push(store);
  return store;
}
const fresh = async () => open(await emptyDatabase());
function connect(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  opened.push({ close: () => sql.end() });
  return sql;
}
async function people(store: SyncStore) {
  const owner = await store.createUser('Dana', NOW);
  const space = await store.createSpace('Acme', owner.id, NOW);
  return { owner, space };
}
const invite = (store: SyncStore, code: string, spaceId: string, by: string, role: Role = 'editor') =>
  store.createInvite(code, { spaceId, createdBy: by, createdAt: NOW, expiresAt: LATER, role });

/** A store each of whose calls first waits for it to open: the contract's factory answers at once, a database not. */
function opening(store: Promise<SyncStore>): SyncStore {
  return new Proxy({} as SyncStore, {
    get: (_, method) =>
      method === 'then'
        ? undefined
        : (...args: unknown[]) =>
            store.then((s) => (s[method as keyof SyncStore] as (...a: unknown[]) => Promise<unknown>)(...args)),
  });
}

describeStoreContract('PostgreSQL', () => ({ store: opening(fresh()) }));

describe('PostgreSQL store', () => {
  describe('beyond the contract', () => {
    it('finds a user by id, lets one create spaces, and starts a space with its seq counter and use', async () => {
      const url = await emptyDatabase();
      const store = await open(url);
      const user = await store.createUser('Dana', NOW);
      expect(await store.getUser(user.id)).toEqual(user);
      expect(await store.getUser('nobody')).toBeNull();
      expect(await store.allowSpaceCreation(user.id, true)).toBe(true);
      expect(await store.allowSpaceCreation('nobody', true)).toBe(false);
      expect((await store.getUser(user.id))?.mayCreateSpaces).toBe(true);
      const space = await store.createSpace('Acme', user.id, NOW);
      expect(await store.spaceUsage(space.id)).toEqual({ records: 0, bytes: 0 });
      expect(await store.spaceUsage('no-such-space')).toEqual({ records: 0, bytes: 0 });
      // The rows a push locks and moves: the space's next seq is 1, its use nothing.
      const sql = connect(url);
      expect(await sql`SELECT next_seq::int FROM space_seq WHERE space_id = ${space.id}`).toEqual([{ next_seq: 1 }]);
      expect(await sql`SELECT records::int, bytes::int FROM space_usage`).toEqual([{ records: 0, bytes: 0 }]);
    });

    it("tells a former member how they left, and keeps names unique across all of a person's spaces", async () => {
      const store = await fresh();
      const { owner, space } = await people(store);
      await invite(store, 'inv-1', space.id, owner.id);
      const sam = await store.acceptInvite('inv-1', { name: 'Sam', tokenHash: 's', tokenLabel: 'invite' }, NOW);
      if (!sam.ok) throw new Error('accept failed');
      expect(await store.lastRemoval(space.id, sam.user.id)).toBeNull();
      await store.removeMember(space.id, sam.user.id, owner.id, LATER);
      expect(await store.lastRemoval(space.id, sam.user.id)).toEqual({
        action: 'removed',
        at: LATER,
        actorId: owner.id,
        actorName: 'Dana',
        spaceName: 'Acme',
      });
      const other = await store.createSpace('Beta', sam.user.id, NOW);
      await invite(store, 'inv-2', other.id, sam.user.id);
      await store.acceptInvite('inv-2', { name: 'Lee', tokenHash: 'lee', tokenLabel: 'invite' }, NOW);
      expect(await store.renameUser(sam.user.id, ' LEE')).toEqual({ ok: false, reason: 'name-taken' });
      expect(await store.renameUser(sam.user.id, 'Dana')).toMatchObject({ ok: true, user: { name: 'Dana' } });
    });

    it('refuses an invite once its owner is no longer one, and one for a person who does not exist', async () => {
      const store = await fresh();
      const { owner, space } = await people(store);
      await invite(store, 'inv-sam', space.id, owner.id, 'owner');
      const sam = await store.acceptInvite('inv-sam', { name: 'Sam', tokenHash: 's', tokenLabel: 'invite' }, NOW);
      if (!sam.ok) throw new Error('accept failed');
      await invite(store, 'inv-dana', space.id, owner.id);
      expect(await store.acceptInvite('inv-dana', { userId: 'nobody' }, NOW)).toEqual({
        ok: false,
        reason: 'not-found',
      });
      await store.setMemberRole(space.id, owner.id, 'viewer', sam.user.id, NOW);
      const lee = { name: 'Lee', tokenHash: 'l', tokenLabel: 'invite' };
      expect(await store.acceptInvite('inv-dana', lee, NOW)).toEqual({ ok: false, reason: 'inviter-gone' });
    });

    it('binds a replica to the first user who claims it', async () => {
      const store = await fresh();
      const dana = await store.createUser('Dana', NOW);
      const sam = await store.createUser('Sam', NOW);
      expect(await store.claimReplica('r1', dana.id, NOW)).toBe(true);
      expect(await store.claimReplica('r1', dana.id, LATER)).toBe(true);
      expect(await store.claimReplica('r1', sam.id, NOW)).toBe(false);
      expect((await store.counts()).replicas).toBe(1);
    });

    it('logs every value, id and base as pushed (the log is written as one array per column)', async () => {
      const store = await fresh();
      const { owner, space } = await people(store);
      const odd = ['"quoted"', 'back\\slash \\"', '{braces},commas', 'NULL', 'null', '', 'Café ✓ 🚀', 'x'.repeat(5000)];
      const changes: Change[] = odd.map((text, i) => ({
        table: 'items',
        id: `item ${text.slice(0, 20)}`,
        field: i % 2 ? 'notes' : 'title',
        value: i === 3 ? null : i === 4 ? { nested: [text, 1.5, true] } : text,
        hlc: `${String(1_790_000_000_000 + i).padStart(13, '0')}:0000:r1`,
        base: i % 3 === 0 ? null : text,
      }));
      const batch = { spaceId: space.id, replicaId: 'r1', seq: 1, author: owner, receivedAt: NOW, changes };
      expect((await applyBatch(store, batch)).serverSeq).toBe(odd.length);
      const log = await store.readLog(space.id, 0, 100);
      expect(log.map(({ table, id, field, value, hlc, base }) => ({ table, id, field, value, hlc, base }))).toEqual(
        changes,
      );
      expect(log.map((e) => [e.seq, e.replicaId, e.authorId, e.author, e.receivedAt])).toEqual(
        odd.map((_, i) => [i + 1, 'r1', owner.id, owner.name, NOW]),
      );
    });
  });

  it('keeps everything across close and reopen, and answers the same from another process', async () => {
    const url = await emptyDatabase();
    const first = await openPostgresStore(url);
    const { owner, space } = await people(first);
    const counts = await first.counts();
    await first.close();
    const [again, beside] = [await open(url), await open(url)];
    expect(await again.counts()).toEqual(counts);
    expect(await again.listMemberships(owner.id)).toEqual([{ ...space, role: 'owner' }]);
    // A revocation on one process moves the access mark the other reads.
    const token = await again.addToken(owner.id, 'h', 'laptop', NOW);
    const mark = await beside.authMark();
    await again.revokeToken(token.id, LATER);
    expect(await beside.authMark()).not.toBe(mark);
  });

  describe('concurrent uses, as from several processes', () => {
    it('gives an invite or a device code to one of two at once', async () => {
      const url = await emptyDatabase();
      const [a, b] = [await open(url), await open(url)];
      const { owner, space } = await people(a);
      await invite(a, 'inv', space.id, owner.id);
      const results = await Promise.all([
        a.acceptInvite('inv', { name: 'Sam', tokenHash: 's', tokenLabel: 'invite' }, NOW),
        b.acceptInvite('inv', { name: 'Lee', tokenHash: 'l', tokenLabel: 'invite' }, NOW),
      ]);
      expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'used' });
      expect(await a.listMembers(space.id)).toHaveLength(2);

      await a.createDeviceCode('dc', {
        userId: owner.id,
        label: 'dc',
        createdBy: null,
        createdAt: NOW,
        expiresAt: LATER,
      });
      const codes = await Promise.all([
        a.acceptDeviceCode('dc', 'p1', null, NOW),
        b.acceptDeviceCode('dc', 'p2', null, NOW),
      ]);
      expect(codes.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['ok', 'used']);
      expect(await a.listTokens(owner.id)).toHaveLength(1);
    });

    it('keeps an owner when two owners leave at once, and one name when two join under it', async () => {
      const url = await emptyDatabase();
      const [a, b] = [await open(url), await open(url)];
      const { owner, space } = await people(a);
      await invite(a, 'inv', space.id, owner.id);
      const sam = await a.acceptInvite('inv', { name: 'Sam', tokenHash: 's', tokenLabel: 'invite' }, NOW);
      if (!sam.ok) throw new Error('accept failed');
      await a.setMemberRole(space.id, sam.user.id, 'owner', owner.id, NOW);
      const left = await Promise.all([
        a.removeMember(space.id, owner.id, owner.id, LATER),
        b.removeMember(space.id, sam.user.id, sam.user.id, LATER),
      ]);
      expect(left.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['last-owner', 'ok']);
      const [remaining] = await a.listMembers(space.id);
      expect(remaining?.role).toBe('owner');

      await invite(a, 'inv-a', space.id, remaining!.id);
      await invite(a, 'inv-b', space.id, remaining!.id);
      const joins = await Promise.all([
        a.acceptInvite('inv-a', { name: 'Lee', tokenHash: 'l1', tokenLabel: 'invite' }, NOW),
        b.acceptInvite('inv-b', { name: 'lee ', tokenHash: 'l2', tokenLabel: 'invite' }, NOW),
      ]);
      expect(joins.map((r) => (r.ok ? 'ok' : r.reason)).sort()).toEqual(['name-taken', 'ok']);
    });

    it('numbers concurrent pushes from two processes 1..N, each batch contiguous, and acks a retry the same', async () => {
      const url = await emptyDatabase();
      const [a, b] = [await open(url), await open(url)];
      const { owner, space } = await people(a);
      const author = { id: owner.id, name: owner.name };
      const stamp = (ms: number, node: string) => `${String(1_790_000_000_000 + ms).padStart(13, '0')}:0000:${node}`;
      const batchOf = (replica: string, seq: number): Change[] =>
        [0, 1, 2, 3, 4].map((k) => ({
          table: 'items',
          id: `${replica}-item-${k % 3}`,
          field: `f${k}`,
          value: `${replica}/${seq}/${k}`,
          hlc: stamp(seq * 10 + k, replica),
          base: null,
        }));
      const replicas = ['r1', 'r2', 'r3', 'r4'];
      const BATCHES = 8;
      const acks = new Map<string, PushOutcome>();
      // Four replicas at once, on alternating processes, each sending its batches in order.
      await Promise.all(
        replicas.map(async (replica, i) => {
          const store = i % 2 === 0 ? a : b;
          for (let seq = 1; seq <= BATCHES; seq++) {
            const batch = { spaceId: space.id, replicaId: replica, seq, author, receivedAt: NOW };
            acks.set(`${replica}:${seq}`, await applyBatch(store, { ...batch, changes: batchOf(replica, seq) }));
          }
        }),
      );
      const total = replicas.length * BATCHES * 5;
      const log = await b.readLog(space.id, 0, total + 10);
      expect(log.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(await a.lastSeq(space.id)).toBe(total);
      expect(await b.lastSeq(space.id)).toBe(total);
      for (const [key, ack] of acks) {
        const [replica, seq] = key.split(':');
        const seqs = log.filter((e) => e.replicaId === replica && String(e.value).startsWith(`${replica}/${seq}/`));
        expect(seqs.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4].map((k) => ack.serverSeq - 4 + k));
        expect(ack).toMatchObject({ ackedSeq: Number(seq), applied: true });
      }
      // A retry, on the other process, is acked as the first time and changes nothing.
      const first = acks.get('r1:3')!;
      const retry = { spaceId: space.id, replicaId: 'r1', seq: 3, author, receivedAt: LATER };
      expect(await applyBatch(b, { ...retry, changes: batchOf('r1', 3) })).toEqual({ ...first, applied: false });
      expect(await a.lastSeq(space.id)).toBe(total);
      expect(await a.spaceUsage(space.id)).toEqual(await b.spaceUsage(space.id));
      expect((await a.spaceUsage(space.id)).records).toBe(replicas.length * 3);
      expect(await a.readRecords(space.id, null, 100)).toEqual(await b.readRecords(space.id, null, 100));
      // Each push moved the space's Merkle frontier under the same lock: its root is that of the log as numbered.
      const leaves = (await a.readLog(space.id, 0, total)).map(leafHashOfChange);
      const head = await b.ledgerHead(space.id);
      expect(head.frontier.size).toBe(total);
      expect(toHex(new MerkleFrontier(head.frontier).root())).toBe(toHex(treeRoot(leaves)));
    });

    it('keeps one server key when several processes start at once, and no other key beside it', async () => {
      const url = await emptyDatabase();
      const stores = await Promise.all([open(url), open(url), open(url)]);
      const keys = await Promise.all(stores.map((s) => new Ledger(s, () => Date.parse(NOW)).serverKey()));
      expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
      const sql = connect(url);
      expect(await sql`SELECT key_id FROM signing_keys`).toEqual([{ key_id: keys[0]!.keyId }]);
      expect(await sql`SELECT count(*)::int AS n FROM server_key`).toEqual([{ n: 1 }]);
      // A restart reads it back.
      const again = await open(url);
      expect((await new Ledger(again, Date.now).serverKey()).keyId).toBe(keys[0]!.keyId);
    });

    it('binds a replica claimed by two users at once to one of them', async () => {
      const url = await emptyDatabase();
      const [a, b] = [await open(url), await open(url)];
      const dana = await a.createUser('Dana', NOW);
      const sam = await a.createUser('Sam', NOW);
      const claims = await Promise.all([a.claimReplica('r1', dana.id, NOW), b.claimReplica('r1', sam.id, NOW)]);
      expect(claims.sort()).toEqual([false, true]);
    });

    it('makes one server owner when two first starts run at once', async () => {
      const url = await emptyDatabase();
      const [a, b] = [await open(url), await open(url)];
      const owners = await Promise.all([a.startSetup('code-a', NOW), b.startSetup('code-b', NOW)]);
      expect(owners[0].id).toBe(owners[1].id);
      expect(await a.listUsers()).toHaveLength(1);
    });
  });

  describe('schema migrations', () => {
    it('records each migration once, even when two processes open an empty database at once', async () => {
      const url = await emptyDatabase();
      const stores = await Promise.all([open(url), open(url), open(url)]);
      expect(stores).toHaveLength(3);
      const sql = connect(url);
      const rows = await sql<
        { version: number; applied_at: string }[]
      >`SELECT version, applied_at FROM schema_migrations`;
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
      expect(rows[0]!.applied_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(await stores[1]!.setupPending()).toBe(true);
    });

    it('runs only the migrations a database has not had, in order, and refuses a newer database', async () => {
      const url = await emptyDatabase();
      const sql = connect(url);
      const first = [{ version: 1, name: 'one', sql: 'CREATE TABLE t (n integer); INSERT INTO t VALUES (1);' }];
      const second = [...first, { version: 2, name: 'two', sql: 'ALTER TABLE t ADD COLUMN m integer DEFAULT 2;' }];
      await migrate(sql, first);
      await migrate(sql, second);
      await migrate(sql, second); // nothing left: the insert does not run twice
      expect(await sql`SELECT n, m FROM t`).toEqual([{ n: 1, m: 2 }]);
      expect((await sql`SELECT version FROM schema_migrations ORDER BY version`).map((r) => r.version)).toEqual([1, 2]);
      await expect(migrate(sql, first)).rejects.toThrow(/newer Docket server \(schema 2\)/);
    });

    it('brings a database of schema 1 up to attachments (2), keeping its spaces', async () => {
      const url = await emptyDatabase();
      const sql = connect(url);
      await migrate(sql, MIGRATIONS.slice(0, 1));
      await sql`INSERT INTO users (id, name, created_at) VALUES ('u1', 'Dana', ${NOW})`;
      await sql`INSERT INTO spaces (id, name, created_at) VALUES ('s1', 'Acme', ${NOW})`;
      await sql`INSERT INTO members (space_id, user_id, role, added_at) VALUES ('s1', 'u1', 'owner', ${NOW})`;
      const store = await open(url);
      expect((await store.membership('s1', 'u1'))?.role).toBe('owner');
      const blob = { sha256: 'a'.repeat(64), type: 'image/png' as const, bytes: new Uint8Array([0, 255, 92, 39]) };
      expect(await store.putBlob('s1', blob, 'u1', NOW, 0)).toMatchObject({ ok: true, created: true });
      expect([...(await store.getBlob('s1', blob.sha256))!.bytes]).toEqual([0, 255, 92, 39]);
      expect((await sql`SELECT max(version) AS v FROM schema_migrations`)[0]!.v).toBe(SCHEMA_VERSION);
    });

    it('hashes the log of a database of schema 2 into its Merkle log (3), as pushes since would have', async () => {
      const url = await emptyDatabase();
      const sql = connect(url);
      await migrate(sql, MIGRATIONS.slice(0, 2));
      await sql`INSERT INTO users (id, name, created_at) VALUES ('u1', 'Dana', ${NOW})`;
      for (const s of ['s1', 's2']) {
        await sql`INSERT INTO spaces (id, name, created_at) VALUES (${s}, ${s}, ${NOW})`;
        await sql`INSERT INTO members (space_id, user_id, role, added_at) VALUES (${s}, 'u1', 'owner', ${NOW})`;
      }
      const values = ['"Café ✓"', '{"b":[1,{"a":"é"}],"a":null}', 'null', '0.30000000000000004', '"x"'];
      for (let seq = 1; seq <= 7; seq++) {
        const space = seq <= 5 ? 's1' : 's2';
        await sql`
          INSERT INTO changes (space_id, seq, tbl, record_id, field, value, hlc, base, replica_id, batch_seq, author_id,
                               author_name, received_at)
          VALUES (${space}, ${seq <= 5 ? seq : seq - 5}, 'items', ${`i${seq % 2}`}, 'title', ${values[seq % 5]!},
                  ${`179000000000${seq}:0000:r1`}, ${seq % 2 ? null : `179000000000${seq - 1}:0000:r1`}, 'r1', 1, 'u1',
                  'Dana', ${NOW})`;
      }
      await sql`INSERT INTO space_seq (space_id, next_seq) VALUES ('s1', 6), ('s2', 3)`;
      const store = await open(url);
      for (const [space, size] of [
        ['s1', 5],
        ['s2', 2],
      ] as const) {
        const leaves = (await store.readLog(space, 0, 10)).map(leafHashOfChange);
        expect((await store.readLeafHashes(space, 0, size)).map(toHex)).toEqual(leaves.map(toHex));
        const head = await store.ledgerHead(space);
        expect(head.frontier.size).toBe(size);
        expect(toHex(new MerkleFrontier(head.frontier).root())).toBe(toHex(treeRoot(leaves)));
      }
      // The next push goes on from the hashed log.
      const author = { id: 'u1', name: 'Dana' };
      const change = {
        table: 'items' as const,
        id: 'i9',
        field: 'title',
        value: 'new',
        hlc: '1790000000100:0000:r1',
        base: null,
      };
      await applyBatch(store, { spaceId: 's1', replicaId: 'r1', seq: 2, author, changes: [change], receivedAt: NOW });
      const leaves = (await store.readLog('s1', 0, 10)).map(leafHashOfChange);
      expect(toHex(new MerkleFrontier((await store.ledgerHead('s1')).frontier).root())).toBe(toHex(treeRoot(leaves)));
    });

    it('applies a failing migration not at all', async () => {
      const url = await emptyDatabase();
      const sql = connect(url);
      const broken = [{ version: 1, name: 'broken', sql: 'CREATE TABLE t (n integer); SELECT no_such_function();' }];
      await expect(migrate(sql, broken)).rejects.toThrow();
      const [row] = await sql`SELECT to_regclass('t') AS t, to_regclass('schema_migrations') AS m`;
      expect(row).toEqual({ t: null, m: null });
    });

    it('refuses to open a database written by a newer server', async () => {
      const url = await emptyDatabase();
      await (await openPostgresStore(url)).close();
      const sql = connect(url);
      await sql`
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'future', ${NOW})`;
      await expect(openPostgresStore(url)).rejects.toThrow(/newer Docket server/);
    });
  });
});
