import { afterEach, describe, expect, it } from 'vitest';
import type { Author, SyncStore } from '../../../server/store/types';
import { applyBatch, type UsageGuard } from '../../../server/sync/apply-batch';
import type { Change } from '../../../shared/sync/protocol';
import { blobContract } from './blob-store-contract';
import { ledgerContract } from './ledger-store-contract';

/** How a contract run gets a store: a fresh one, and (for durable stores) the same data reopened. */
export type StoreFactory = () => { store: SyncStore; reopen?: () => SyncStore; cleanup?: () => void };
/** A part of the contract a store may not have yet: the change log (pushes, the log, records, conflicts, acks). */
export type ContractPart = 'change-log';
export type ContractOptions = {
  /** the store keeps its data across close and reopen (its factory gives `reopen`) */ durable?: boolean;
  /** parts the store does not have yet: their tests are not registered */ without?: readonly ContractPart[];
};

const NOW = '2026-11-26T14:00:00.000Z';
const LATER = '2026-11-27T14:00:00.000Z';
const stamp = (ms: number, node: string) => `${String(1_790_000_000_000 + ms).padStart(13, '0')}:0000:${node}`;
const titleChange = (value: string, ms: number, node = 'r1', base: string | null = null, id = 'item-1'): Change => ({
  table: 'items',
  id,
  field: 'title',
  value,
  hlc: stamp(ms, node),
  base,
});

/** A batch through the server's push path (server/sync/apply-batch.ts), over the store's transaction primitives. */
function pushBatch(
  store: SyncStore,
  spaceId: string,
  replicaId: string,
  seq: number,
  author: Author,
  changes: Change[],
  receivedAt: string,
  guard?: UsageGuard,
) {
  return applyBatch(store, { spaceId, replicaId, seq, author, changes, receivedAt }, guard);
}

/**
 * The contract every SyncStore keeps (SQLite now, PostgreSQL later): run it with `describeStoreContract`.
 */
export function describeStoreContract(label: string, factory: StoreFactory, options: ContractOptions = {}) {
  describe(`SyncStore contract: ${label}`, () => {
    const logIt = options.without?.includes('change-log') ? () => {} : it;
    let opened: ReturnType<StoreFactory> | null = null;
    const fresh = () => (opened = factory()).store;
    afterEach(async () => {
      await opened?.store.close();
      opened?.cleanup?.();
      opened = null;
    });

    async function people(store: SyncStore) {
      const owner = await store.createUser('Dana', NOW);
      const space = await store.createSpace('Acme', owner.id, NOW);
      return { owner, space, author: { id: owner.id, name: owner.name } };
    }

    it('keeps users and tokens by hash, and revokes a token once', async () => {
      const store = fresh();
      const user = await store.createUser('Dana', NOW);
      const token = await store.addToken(user.id, 'a'.repeat(64), 'laptop', NOW);
      expect(await store.findToken('a'.repeat(64))).toEqual({ token, user });
      expect(await store.findToken('b'.repeat(64))).toBeNull();
      expect(await store.listUsers()).toEqual([user]);
      expect(await store.revokeToken(token.id, LATER)).toBe(true);
      expect(await store.revokeToken(token.id, LATER)).toBe(false);
      expect((await store.findToken('a'.repeat(64)))?.token.revokedAt).toBe(LATER);
      expect((await store.listTokens(user.id)).map((t) => t.id)).toEqual([token.id]);
    });

    it('runs setup once: the latest code works a single time', async () => {
      const store = fresh();
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
      const store = fresh();
      const { owner, space } = await people(store);
      const other = await store.createUser('Sam', NOW);
      expect(await store.membership(space.id, owner.id)).toEqual({ ...space, role: 'owner' });
      expect(await store.membership(space.id, other.id)).toBeNull();
      expect(await store.membership('no-such-space', owner.id)).toBeNull();
      expect(await store.listMemberships(owner.id)).toEqual([{ ...space, role: 'owner' }]);
    });

    it('uses an invite once, refuses an expired one, and never demotes', async () => {
      const store = fresh();
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
      expect(await store.acceptInvite('inv-1', { name: 'Eve', tokenHash: 'e', tokenLabel: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'used',
      });
      expect(await store.acceptInvite('inv-old', { name: 'Eve', tokenHash: 'e', tokenLabel: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(await store.acceptInvite('nope', { name: 'Eve', tokenHash: 'e', tokenLabel: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'not-found',
      });
      expect(await store.counts()).toEqual(before);
      expect(await store.acceptInvite('inv-viewer', { userId: owner.id }, NOW)).toMatchObject({
        ok: true,
        role: 'owner',
        token: null,
      });
    });

    it('uses a device code once for its own person, refuses an expired one and one whose device signed out', async () => {
      const store = fresh();
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
      // The admin's code was made by no device: it holds, and the device may name itself.
      expect(await store.acceptDeviceCode('dc-admin', 'tablet-hash', 'Tablet', NOW)).toMatchObject({
        ok: true,
        token: { label: 'Tablet' },
      });
    });

    it('manages members: roles and removal keep an owner, each change in the trail, names unique per space', async () => {
      const store = fresh();
      const { owner, space } = await people(store);
      await store.createInvite('inv-1', {
        spaceId: space.id,
        createdBy: owner.id,
        createdAt: NOW,
        expiresAt: LATER,
        role: 'editor',
      });
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

      expect(await store.setMemberRole(space.id, owner.id, 'editor', owner.id, LATER)).toEqual({
        ok: false,
        reason: 'last-owner',
      });
      expect(await store.removeMember(space.id, owner.id, owner.id, LATER)).toEqual({
        ok: false,
        reason: 'last-owner',
      });
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
      // Dana has left, so her name is free there again; Sam cannot take a name used in one of his spaces.
      expect(await store.renameUser(sam.user.id, 'dana')).toMatchObject({ ok: true, user: { name: 'dana' } });
    });

    it('records token use, and moves the access mark on revocation and membership changes', async () => {
      const store = fresh();
      const { owner, space } = await people(store);
      const token = await store.addToken(owner.id, 'c'.repeat(64), 'laptop', NOW);
      expect(token.lastUsedAt).toBe(NOW);
      await store.touchToken(token.id, LATER);
      expect((await store.findToken('c'.repeat(64)))?.token.lastUsedAt).toBe(LATER);
      const marks = [await store.authMark()];
      await store.revokeToken(token.id, LATER);
      marks.push(await store.authMark());
      const other = await store.createUser('Sam', NOW);
      await store.createInvite('inv', {
        spaceId: space.id,
        createdBy: owner.id,
        createdAt: NOW,
        expiresAt: LATER,
        role: 'viewer',
      });
      await store.acceptInvite('inv', { userId: other.id }, NOW);
      await store.removeMember(space.id, other.id, owner.id, LATER);
      marks.push(await store.authMark());
      expect(new Set(marks).size).toBe(3);
    });

    logIt('logs a batch under consecutive server seqs and merges the records', async () => {
      const store = fresh();
      const { space, author } = await people(store);
      const ack = await pushBatch(
        store,
        space.id,
        'r1',
        1,
        author,
        [titleChange('A', 1), { ...titleChange('x', 2), field: 'urgent', value: true }],
        NOW,
      );
      expect(ack).toEqual({ ackedSeq: 1, serverSeq: 2, conflicts: 0, applied: true });
      const log = await store.readLog(space.id, 0, 10);
      expect(log.map((e) => [e.seq, e.field, e.value, e.author, e.authorId, e.replicaId, e.receivedAt])).toEqual([
        [1, 'title', 'A', 'Dana', author.id, 'r1', NOW],
        [2, 'urgent', true, 'Dana', author.id, 'r1', NOW],
      ]);
      expect((await store.readLog(space.id, 1, 10)).map((e) => e.seq)).toEqual([2]);
      // Each field's author is the user its replica is bound to; an unbound replica's is unknown.
      expect(await store.readRecords(space.id, null, 10)).toEqual([
        {
          table: 'items',
          id: 'item-1',
          fields: {
            title: { value: 'A', hlc: stamp(1, 'r1'), authorId: null },
            urgent: { value: true, hlc: stamp(2, 'r1'), authorId: null },
          },
        },
      ]);
      expect(await store.claimReplica('r1', author.id, NOW)).toBe(true);
      expect((await store.readRecords(space.id, null, 10))[0]!.fields.title!.authorId).toBe(author.id);
      expect(await store.lastSeq(space.id)).toBe(2);
      expect(await store.lastAck(space.id, 'r1', author.id)).toEqual({ ackedSeq: 1, serverSeq: 2, conflicts: 0 });
    });

    logIt('treats a batch seq at or below the last acked as a retry: same ack, nothing changed', async () => {
      const store = fresh();
      const { space, author } = await people(store);
      await pushBatch(store, space.id, 'r1', 1, author, [titleChange('A', 1)], NOW);
      const second = await pushBatch(store, space.id, 'r1', 2, author, [titleChange('B', 2)], NOW);
      const before = await store.counts();
      expect(await pushBatch(store, space.id, 'r1', 2, author, [titleChange('C', 3)], LATER)).toEqual({
        ...second,
        applied: false,
      });
      expect(await pushBatch(store, space.id, 'r1', 1, author, [titleChange('D', 4)], LATER)).toEqual({
        ackedSeq: 1,
        serverSeq: 1,
        conflicts: 0,
        applied: false,
      });
      expect(await store.counts()).toEqual(before);
      expect((await store.readRecords(space.id, null, 10))[0]!.fields.title!.value).toBe('B');
      // Another person reusing the replica id is not a retry of someone else's batch.
      const sam = await store.createUser('Sam', NOW);
      expect(
        (await pushBatch(store, space.id, 'r1', 2, { id: sam.id, name: 'Sam' }, [titleChange('E', 5)], NOW)).applied,
      ).toBe(true);
    });

    logIt('applies all of a batch or none of it', async () => {
      const store = fresh();
      const { space, author } = await people(store);
      const before = await store.counts();
      // A BigInt cannot be stored: the third change fails after two were written inside the transaction.
      const bad = [
        titleChange('A', 1),
        titleChange('B', 2, 'r1', null, 'item-2'),
        { ...titleChange('C', 3), value: 1n },
      ];
      await expect(pushBatch(store, space.id, 'r1', 1, author, bad, NOW)).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
      expect(await store.lastAck(space.id, 'r1', author.id)).toBeNull();
      expect((await pushBatch(store, space.id, 'r1', 1, author, [titleChange('A', 1)], NOW)).applied).toBe(true);
    });

    logIt(
      'runs concurrent pushes one at a time: each batch under contiguous seqs, none twice, none skipped',
      async () => {
        const store = fresh();
        const { space, author } = await people(store);
        const replicas = ['r1', 'r2', 'r3', 'r4'];
        const acks = await Promise.all(
          replicas.map((replica, i) => {
            const changes = [0, 1, 2].map((k) =>
              titleChange(`${replica}.${k}`, 10 * i + k, replica, null, `${i}-${k}`),
            );
            return pushBatch(store, space.id, replica, 1, author, changes, NOW);
          }),
        );
        const log = await store.readLog(space.id, 0, 100);
        expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        expect(acks.map((a) => a.serverSeq).sort((a, b) => a - b)).toEqual([3, 6, 9, 12]);
        for (const [i, ack] of acks.entries()) {
          const batch = log.filter((e) => e.seq > ack.serverSeq - 3 && e.seq <= ack.serverSeq);
          expect(batch.map((e) => e.replicaId)).toEqual([replicas[i], replicas[i], replicas[i]]);
        }
      },
    );

    logIt('commits a transaction whole or not at all; a read meanwhile never sees it half done', async () => {
      const store = fresh();
      const { space, author } = await people(store);
      const meanwhile: { read?: Promise<number> } = {};
      const refused = store.transaction(async (tx) => {
        await tx.lockSpace(space.id);
        const seq = await tx.nextSeqs(space.id, 1);
        const entry = { ...titleChange('A', 1), seq, replicaId: 'r1', author: author.name, authorId: author.id };
        await tx.appendChanges(space.id, [{ ...entry, receivedAt: NOW, batchSeq: 1, leafHash: new Uint8Array(32) }]);
        meanwhile.read = store.lastSeq(space.id); // not awaited: the transaction is still open
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('refused');
      });
      await expect(refused).rejects.toThrow('refused');
      expect(await meanwhile.read).toBe(0);
      expect(await store.readLog(space.id, 0, 10)).toEqual([]);
      expect(await store.transaction((tx) => tx.nextSeqs(space.id, 0))).toBe(1);
    });

    logIt('keeps both values when the same field is written concurrently', async () => {
      const store = fresh();
      const { space, author } = await people(store);
      await pushBatch(store, space.id, 'r1', 1, author, [titleChange('From r1', 10, 'r1')], NOW);
      const ack = await pushBatch(store, space.id, 'r2', 1, author, [titleChange('From r2', 5, 'r2')], LATER);
      expect(ack.conflicts).toBe(1);
      expect(await store.listConflicts(space.id)).toEqual([
        {
          seq: 2,
          table: 'items',
          id: 'item-1',
          field: 'title',
          winner: { value: 'From r1', hlc: stamp(10, 'r1') },
          lost: { value: 'From r2', hlc: stamp(5, 'r2') },
          detectedAt: LATER,
        },
      ]);
      expect((await store.readRecords(space.id, null, 10))[0]!.fields.title).toEqual({
        value: 'From r1',
        hlc: stamp(10, 'r1'),
        authorId: null,
      });
      expect(await store.readLog(space.id, 0, 10)).toHaveLength(2);
    });

    logIt('pages records in (table, id) order and keeps spaces apart', async () => {
      const store = fresh();
      const { owner, space, author } = await people(store);
      const other = await store.createSpace('Beta', owner.id, NOW);
      const ids = ['c', 'a', 'b'];
      await pushBatch(
        store,
        space.id,
        'r1',
        1,
        author,
        ids.map((id, i) => titleChange(id, i, 'r1', null, id)),
        NOW,
      );
      await pushBatch(store, other.id, 'r1', 1, author, [titleChange('other', 1)], NOW);
      const first = await store.readRecords(space.id, null, 2);
      expect(first.map((r) => r.id)).toEqual(['a', 'b']);
      expect((await store.readRecords(space.id, { table: 'items', id: 'b' }, 2)).map((r) => r.id)).toEqual(['c']);
      expect(await store.lastSeq(space.id)).toBe(3);
      expect(await store.lastSeq(other.id)).toBe(1);
      expect((await store.readLog(other.id, 0, 10)).map((e) => e.value)).toEqual(['other']);
    });

    logIt("keeps each space's use as a running total, and lets a guard refuse a batch whole", async () => {
      const store = fresh();
      const { owner, space, author } = await people(store);
      const other = await store.createSpace('Beta', owner.id, NOW);
      expect(await store.spaceUsage(space.id)).toEqual({ records: 0, bytes: 0 });
      await pushBatch(
        store,
        space.id,
        'r1',
        1,
        author,
        [titleChange('A', 1), titleChange('B', 2, 'r1', null, 'item-2')],
        NOW,
      );
      const two = await store.spaceUsage(space.id);
      expect(two.records).toBe(2);
      expect(two.bytes).toBeGreaterThan(0);
      // A longer value of an existing record: more bytes (its UTF-8 length, é is two), no more records.
      await pushBatch(store, space.id, 'r1', 2, author, [titleChange('A longer titlé', 3)], NOW);
      expect(await store.spaceUsage(space.id)).toEqual({ records: 2, bytes: two.bytes + 14 });

      const counts = await store.counts();
      const asked: unknown[] = [];
      const refuse = (after: unknown, before: unknown) => {
        asked.push({ after, before });
        throw new Error('over the limit');
      };
      const third = [titleChange('C', 4, 'r1', null, 'item-3')];
      await expect(pushBatch(store, space.id, 'r1', 3, author, third, NOW, refuse)).rejects.toThrow('over the limit');
      expect(asked).toEqual([
        {
          after: { records: 3, bytes: expect.any(Number) },
          before: { records: 2, bytes: two.bytes + 14 },
        },
      ]);
      expect(await store.counts()).toEqual(counts);
      expect(await store.spaceUsage(space.id)).toEqual({ records: 2, bytes: two.bytes + 14 });
      expect((await store.lastAck(space.id, 'r1', author.id))?.ackedSeq).toBe(2);
      // A retry is acked without asking the guard.
      const retry = await pushBatch(store, space.id, 'r1', 2, author, [titleChange('A longer titlé', 3)], NOW, refuse);
      expect(retry).toMatchObject({ ackedSeq: 2, applied: false });
      expect(asked).toHaveLength(1);
      expect(await store.spaceUsage(other.id)).toEqual({ records: 0, bytes: 0 });
    });

    blobContract(fresh);
    ledgerContract(
      fresh,
      options.durable
        ? () => {
            const made = (opened = factory());
            if (!made.reopen) throw new Error('a durable store factory must give reopen');
            return { store: made.store, reopen: made.reopen };
          }
        : undefined,
    );

    // Registered only for durable stores, so an in-memory run has no skipped test.
    if (options.durable)
      logIt('keeps everything across close and reopen', async () => {
        const made = (opened = factory());
        if (!made.reopen) throw new Error('a durable store factory must give reopen');
        const { space, author } = await people(made.store);
        await pushBatch(made.store, space.id, 'r1', 1, author, [titleChange('A', 1)], NOW);
        const counts = await made.store.counts();
        await made.store.close();
        const again = made.reopen();
        made.store = again;
        expect(await again.counts()).toEqual(counts);
        expect((await pushBatch(again, space.id, 'r1', 1, author, [titleChange('A', 1)], NOW)).applied).toBe(false);
        expect((await again.readLog(space.id, 0, 10)).map((e) => e.value)).toEqual(['A']);
      });
  });
}
