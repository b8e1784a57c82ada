import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from '../../../server/store/postgres/schema';
import { openPostgresStore } from '../../../server/store/postgres/store';
import type { SyncStore } from '../../../server/store/types';
import type { Role } from '../../../shared/sync/protocol';
import { type RunningPostgres, startPostgres } from '../../support/postgres';

const NOW = '2026-11-26T14:00:00.000Z';
const LATER = '2026-11-27T14:00:00.000Z';

/**
 * The PostgreSQL store on a real PostgreSQL (one cluster for this file, a new database for each test): the store
 * contract's expectations (test/unit/server/store-contract.ts) for everything but the change log, which is not on
 * PostgreSQL yet, plus what several processes add: migrations racing, and concurrent uses of one code or space.
 */
describe('PostgreSQL store', () => {
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

  describe('the store contract, without the change log', () => {
    it('keeps users and tokens by hash, and revokes a token once', async () => {
      const store = await fresh();
      const user = await store.createUser('Dana', NOW);
      const token = await store.addToken(user.id, 'a'.repeat(64), 'laptop', NOW);
      expect(await store.findToken('a'.repeat(64))).toEqual({ token, user });
      expect(await store.findToken('b'.repeat(64))).toBeNull();
      expect(await store.listUsers()).toEqual([user]);
      expect(await store.getUser(user.id)).toEqual(user);
      expect(await store.getUser('nobody')).toBeNull();
      expect(await store.revokeToken(token.id, LATER)).toBe(true);
      expect(await store.revokeToken(token.id, LATER)).toBe(false);
      expect((await store.findToken('a'.repeat(64)))?.token.revokedAt).toBe(LATER);
      expect((await store.listTokens(user.id)).map((t) => t.id)).toEqual([token.id]);
      expect(await store.allowSpaceCreation(user.id, true)).toBe(true);
      expect(await store.allowSpaceCreation('nobody', true)).toBe(false);
      expect((await store.getUser(user.id))?.mayCreateSpaces).toBe(true);
    });

    it('runs setup once: the latest code works a single time', async () => {
      const store = await fresh();
      expect(await store.setupPending()).toBe(true);
      const owner = await store.startSetup('code-1', NOW);
      expect(owner.serverOwner).toBe(true);
      expect((await store.startSetup('code-2', NOW)).id).toBe(owner.id);
      expect(await store.completeSetup('code-1', 'Dana', 'tok', NOW)).toBeNull();
      const done = await store.completeSetup('code-2', 'Dana', 'tok', NOW);
      expect(done?.user).toMatchObject({ id: owner.id, name: 'Dana', serverOwner: true });
      expect(await store.completeSetup('code-2', 'Mallory', 'tok2', NOW)).toBeNull();
      expect(await store.setupPending()).toBe(false);
      await expect(store.startSetup('code-3', NOW)).rejects.toThrow();
      expect(await store.listUsers()).toHaveLength(1);
    });

    it('makes the creator of a space its owner; others are not members', async () => {
      const store = await fresh();
      const { owner, space } = await people(store);
      const other = await store.createUser('Sam', NOW);
      expect(await store.membership(space.id, owner.id)).toEqual({ ...space, role: 'owner' });
      expect(await store.membership(space.id, other.id)).toBeNull();
      expect(await store.membership('no-such-space', owner.id)).toBeNull();
      expect(await store.listMemberships(owner.id)).toEqual([{ ...space, role: 'owner' }]);
      expect(await store.spaceUsage(space.id)).toEqual({ records: 0, bytes: 0 });
      expect(await store.spaceUsage('no-such-space')).toEqual({ records: 0, bytes: 0 });
    });

    it('uses an invite once, refuses an expired one, and never demotes', async () => {
      const store = await fresh();
      const { owner, space } = await people(store);
      const base = { spaceId: space.id, createdBy: owner.id, createdAt: NOW };
      await store.createInvite('inv-1', { ...base, role: 'editor', expiresAt: LATER });
      await store.createInvite('inv-old', { ...base, role: 'editor', expiresAt: NOW });
      await store.createInvite('inv-viewer', { ...base, role: 'viewer', expiresAt: LATER });
      const joined = await store.acceptInvite(
        'inv-1',
        { name: 'Sam', tokenHash: 'sam-hash', tokenLabel: 'invite' },
        NOW,
      );
      expect(joined).toMatchObject({ ok: true, role: 'editor', user: { name: 'Sam' }, space: { id: space.id } });
      expect((await store.findToken('sam-hash'))?.user.name).toBe('Sam');
      const before = await store.counts();
      const eve = { name: 'Eve', tokenHash: 'e', tokenLabel: 'x' };
      expect(await store.acceptInvite('inv-1', eve, NOW)).toEqual({ ok: false, reason: 'used' });
      expect(await store.acceptInvite('inv-old', eve, NOW)).toEqual({ ok: false, reason: 'expired' });
      expect(await store.acceptInvite('nope', eve, NOW)).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.counts()).toEqual(before);
      expect(await store.acceptInvite('inv-viewer', { userId: owner.id }, NOW)).toMatchObject({
        ok: true,
        role: 'owner',
        token: null,
      });
    });

    it('uses a device code once for its own person, refuses an expired one and one whose device signed out', async () => {
      const store = await fresh();
      const dana = await store.createUser('Dana', NOW);
      const laptop = await store.addToken(dana.id, 'laptop-hash', 'setup', NOW);
      const base = { userId: dana.id, label: 'device-code', createdBy: laptop.id, createdAt: NOW };
      expect(await store.createDeviceCode('dc-1', { ...base, expiresAt: LATER })).toEqual({
        ...base,
        expiresAt: LATER,
        usedAt: null,
        tokenId: null,
      });
      await store.createDeviceCode('dc-old', { ...base, expiresAt: NOW });
      await store.createDeviceCode('dc-admin', { ...base, createdBy: null, label: 'admin-code', expiresAt: LATER });
      await store.createDeviceCode('dc-orphan', { ...base, expiresAt: LATER });
      const used = await store.acceptDeviceCode('dc-1', 'phone-hash', null, NOW);
      expect(used).toMatchObject({ ok: true, user: { id: dana.id }, token: { userId: dana.id, label: 'device-code' } });
      expect((await store.findToken('phone-hash'))?.user.id).toBe(dana.id);
      const before = await store.counts();
      expect(await store.acceptDeviceCode('dc-1', 'x', null, NOW)).toEqual({ ok: false, reason: 'used' });
      expect(await store.acceptDeviceCode('dc-old', 'x', null, NOW)).toEqual({ ok: false, reason: 'expired' });
      expect(await store.acceptDeviceCode('nope', 'x', null, NOW)).toEqual({ ok: false, reason: 'not-found' });
      await store.revokeToken(laptop.id, NOW);
      expect(await store.acceptDeviceCode('dc-orphan', 'x', null, NOW)).toEqual({
        ok: false,
        reason: 'creator-signed-out',
      });
      expect(await store.counts()).toEqual(before);
      expect(await store.acceptDeviceCode('dc-admin', 'tablet-hash', 'Tablet', NOW)).toMatchObject({
        ok: true,
        token: { label: 'Tablet' },
      });
    });

    it('manages members: roles and removal keep an owner, each change in the trail, names unique per space', async () => {
      const store = await fresh();
      const { owner, space } = await people(store);
      await invite(store, 'inv-1', space.id, owner.id, 'editor');
      await store.createInvite('inv-2', {
        spaceId: space.id,
        createdBy: owner.id,
        createdAt: NOW,
        expiresAt: LATER,
        role: 'viewer',
      });
      const sam = await store.acceptInvite('inv-1', { name: 'Sam', tokenHash: 'sam', tokenLabel: 'invite' }, NOW);
      if (!sam.ok) throw new Error('accept failed');
      const clash = await store.acceptInvite('inv-2', { name: ' DANA ', tokenHash: 'd2', tokenLabel: 'invite' }, NOW);
      expect(clash).toEqual({ ok: false, reason: 'name-taken' });
      expect(await store.findToken('d2')).toBeNull();

      const refused = { ok: false, reason: 'last-owner' };
      expect(await store.setMemberRole(space.id, owner.id, 'editor', owner.id, LATER)).toEqual(refused);
      expect(await store.removeMember(space.id, owner.id, owner.id, LATER)).toEqual(refused);
      expect(await store.setMemberRole(space.id, 'nobody', 'editor', owner.id, LATER)).toEqual({
        ok: false,
        reason: 'not-found',
      });
      expect(await store.setMemberRole(space.id, sam.user.id, 'owner', owner.id, LATER)).toEqual({
        ok: true,
        before: 'editor',
        after: 'owner',
      });
      expect(await store.removeMember(space.id, owner.id, owner.id, LATER)).toEqual({
        ok: true,
        before: 'owner',
        after: null,
      });
      expect(await store.membership(space.id, owner.id)).toBeNull();
      await store.touchMember(space.id, sam.user.id, LATER);
      expect(await store.listMembers(space.id)).toEqual([
        { id: sam.user.id, name: 'Sam', role: 'owner', joinedAt: NOW, lastSeenAt: LATER },
      ]);
      expect(
        (await store.membershipEvents(space.id)).map((e) => [
          e.action,
          e.actorName,
          e.subjectName,
          e.roleBefore,
          e.roleAfter,
        ]),
      ).toEqual([
        ['invite-accepted', 'Dana', 'Sam', null, 'editor'],
        ['role-changed', 'Dana', 'Sam', 'editor', 'owner'],
        ['left', 'Dana', 'Dana', 'owner', null],
      ]);
      expect(await store.lastRemoval(space.id, owner.id)).toEqual({
        action: 'left',
        at: LATER,
        actorId: owner.id,
        actorName: 'Dana',
        spaceName: 'Acme',
      });
      expect(await store.lastRemoval(space.id, sam.user.id)).toBeNull();
      // Dana has left, so her name is free there again; Sam cannot take a name used in one of his spaces.
      expect(await store.renameUser(sam.user.id, 'dana')).toMatchObject({ ok: true, user: { name: 'dana' } });
      const other = await store.createSpace('Beta', sam.user.id, NOW);
      await invite(store, 'inv-3', other.id, sam.user.id);
      await store.acceptInvite('inv-3', { name: 'Lee', tokenHash: 'lee', tokenLabel: 'invite' }, NOW);
      expect(await store.renameUser(sam.user.id, ' LEE')).toEqual({ ok: false, reason: 'name-taken' });
    });

    it('records token use, and moves the access mark on revocation and membership changes', async () => {
      const store = await fresh();
      const { owner, space } = await people(store);
      const token = await store.addToken(owner.id, 'c'.repeat(64), 'laptop', NOW);
      expect(token.lastUsedAt).toBe(NOW);
      await store.touchToken(token.id, LATER);
      expect((await store.findToken('c'.repeat(64)))?.token.lastUsedAt).toBe(LATER);
      const marks = [await store.authMark()];
      await store.revokeToken(token.id, LATER);
      marks.push(await store.authMark());
      const other = await store.createUser('Sam', NOW);
      await invite(store, 'inv', space.id, owner.id);
      await store.acceptInvite('inv', { userId: other.id }, NOW);
      await store.removeMember(space.id, other.id, owner.id, LATER);
      marks.push(await store.authMark());
      expect(new Set(marks).size).toBe(3);
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
  });

  it('says plainly which change-log methods are not on PostgreSQL yet', async () => {
    const store = await fresh();
    const calls: [string, () => Promise<unknown>][] = [
      ['transaction', () => store.transaction(async () => 0)],
      ['lastSeq', () => store.lastSeq('s')],
      ['readLog', () => store.readLog('s', 0, 10)],
      ['readRecords', () => store.readRecords('s', null, 10)],
      ['listConflicts', () => store.listConflicts('s')],
      ['lastAck', () => store.lastAck('s', 'r1', 'u')],
    ];
    for (const [method, call] of calls) {
      await expect(call()).rejects.toThrow(`not implemented on PostgreSQL yet: ${method}`);
    }
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
      await sql`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${SCHEMA_VERSION + 1}, 'future', ${NOW})`;
      await expect(openPostgresStore(url)).rejects.toThrow(/newer Docket server/);
    });
  });
});
