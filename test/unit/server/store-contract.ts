import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStore } from '../../../server/store/types';
import type { Change } from '../../../shared/sync/protocol';

/** How a contract run gets a store: a fresh one, and (for durable stores) the same data reopened. */
export type StoreFactory = () => { store: SyncStore; reopen?: () => SyncStore; cleanup?: () => void };
export type ContractOptions = {
  /** the store keeps its data across close and reopen (its factory gives `reopen`) */ durable?: boolean;
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

/**
 * The contract every SyncStore keeps (SQLite now, PostgreSQL later): run it with `describeStoreContract`.
 */
export function describeStoreContract(label: string, factory: StoreFactory, options: ContractOptions = {}) {
  describe(`SyncStore contract: ${label}`, () => {
    let opened: ReturnType<StoreFactory> | null = null;
    const fresh = () => (opened = factory()).store;
    afterEach(() => {
      opened?.store.close();
      opened?.cleanup?.();
      opened = null;
    });

    function people(store: SyncStore) {
      const owner = store.createUser('Dana', NOW);
      const space = store.createSpace('Acme', owner.id, NOW);
      return { owner, space, author: { id: owner.id, name: owner.name } };
    }

    it('keeps users and tokens by hash, and revokes a token once', () => {
      const store = fresh();
      const user = store.createUser('Dana', NOW);
      const token = store.addToken(user.id, 'a'.repeat(64), 'laptop', NOW);
      expect(store.findToken('a'.repeat(64))).toEqual({ token, user });
      expect(store.findToken('b'.repeat(64))).toBeNull();
      expect(store.listUsers()).toEqual([user]);
      expect(store.revokeToken(token.id, LATER)).toBe(true);
      expect(store.revokeToken(token.id, LATER)).toBe(false);
      expect(store.findToken('a'.repeat(64))?.token.revokedAt).toBe(LATER);
      expect(store.listTokens(user.id).map((t) => t.id)).toEqual([token.id]);
    });

    it('runs setup once: the latest code works a single time', () => {
      const store = fresh();
      expect(store.setupPending()).toBe(true);
      const owner = store.startSetup('code-1', NOW);
      expect(owner.serverOwner).toBe(true);
      expect(store.startSetup('code-2', NOW).id).toBe(owner.id);
      expect(store.completeSetup('code-1', 'Dana', 'tok', NOW)).toBeNull();
      const done = store.completeSetup('code-2', 'Dana', 'tok', NOW);
      expect(done?.user).toMatchObject({ id: owner.id, name: 'Dana', serverOwner: true });
      expect(store.completeSetup('code-2', 'Mallory', 'tok2', NOW)).toBeNull();
      expect(store.setupPending()).toBe(false);
      expect(() => store.startSetup('code-3', NOW)).toThrow();
      expect(store.listUsers()).toHaveLength(1);
    });

    it('makes the creator of a space its owner; others are not members', () => {
      const store = fresh();
      const { owner, space } = people(store);
      const other = store.createUser('Sam', NOW);
      expect(store.membership(space.id, owner.id)).toEqual({ ...space, role: 'owner' });
      expect(store.membership(space.id, other.id)).toBeNull();
      expect(store.membership('no-such-space', owner.id)).toBeNull();
      expect(store.listMemberships(owner.id)).toEqual([{ ...space, role: 'owner' }]);
    });

    it('uses an invite once, refuses an expired one, and never demotes', () => {
      const store = fresh();
      const { owner, space } = people(store);
      const base = { spaceId: space.id, createdBy: owner.id, createdAt: NOW };
      store.createInvite('inv-1', { ...base, role: 'editor', expiresAt: LATER });
      store.createInvite('inv-old', { ...base, role: 'editor', expiresAt: NOW });
      store.createInvite('inv-viewer', { ...base, role: 'viewer', expiresAt: LATER });
      const joined = store.acceptInvite('inv-1', { name: 'Sam', tokenHash: 'sam-hash', tokenLabel: 'invite' }, NOW);
      expect(joined).toMatchObject({ ok: true, role: 'editor', user: { name: 'Sam' }, space: { id: space.id } });
      expect(store.findToken('sam-hash')?.user.name).toBe('Sam');
      const before = store.counts();
      expect(store.acceptInvite('inv-1', { name: 'Eve', tokenHash: 'e', tokenLabel: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'used',
      });
      expect(store.acceptInvite('inv-old', { name: 'Eve', tokenHash: 'e', tokenLabel: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'expired',
      });
      expect(store.acceptInvite('nope', { name: 'Eve', tokenHash: 'e', tokenLabel: 'x' }, NOW)).toEqual({
        ok: false,
        reason: 'not-found',
      });
      expect(store.counts()).toEqual(before);
      expect(store.acceptInvite('inv-viewer', { userId: owner.id }, NOW)).toMatchObject({
        ok: true,
        role: 'owner',
        token: null,
      });
    });

    it('uses a device code once for its own person, refuses an expired one and one whose device signed out', () => {
      const store = fresh();
      const dana = store.createUser('Dana', NOW);
      const laptop = store.addToken(dana.id, 'laptop-hash', 'setup', NOW);
      const base = { userId: dana.id, label: 'device-code', createdBy: laptop.id, createdAt: NOW };
      expect(store.createDeviceCode('dc-1', { ...base, expiresAt: LATER })).toEqual({
        ...base,
        expiresAt: LATER,
        usedAt: null,
        tokenId: null,
      });
      store.createDeviceCode('dc-old', { ...base, expiresAt: NOW });
      store.createDeviceCode('dc-admin', { ...base, createdBy: null, label: 'admin-code', expiresAt: LATER });
      store.createDeviceCode('dc-orphan', { ...base, expiresAt: LATER });
      const used = store.acceptDeviceCode('dc-1', 'phone-hash', null, NOW);
      expect(used).toMatchObject({ ok: true, user: { id: dana.id }, token: { userId: dana.id, label: 'device-code' } });
      expect(store.findToken('phone-hash')?.user.id).toBe(dana.id);
      const before = store.counts();
      expect(store.acceptDeviceCode('dc-1', 'x', null, NOW)).toEqual({ ok: false, reason: 'used' });
      expect(store.acceptDeviceCode('dc-old', 'x', null, NOW)).toEqual({ ok: false, reason: 'expired' });
      expect(store.acceptDeviceCode('nope', 'x', null, NOW)).toEqual({ ok: false, reason: 'not-found' });
      store.revokeToken(laptop.id, NOW);
      expect(store.acceptDeviceCode('dc-orphan', 'x', null, NOW)).toEqual({ ok: false, reason: 'creator-signed-out' });
      expect(store.counts()).toEqual(before);
      // The admin's code was made by no device: it holds, and the device may name itself.
      expect(store.acceptDeviceCode('dc-admin', 'tablet-hash', 'Tablet', NOW)).toMatchObject({
        ok: true,
        token: { label: 'Tablet' },
      });
    });

    it('manages members: roles and removal keep an owner, each change in the trail, names unique per space', () => {
      const store = fresh();
      const { owner, space } = people(store);
      store.createInvite('inv-1', {
        spaceId: space.id,
        createdBy: owner.id,
        createdAt: NOW,
        expiresAt: LATER,
        role: 'editor',
      });
      store.createInvite('inv-2', {
        spaceId: space.id,
        createdBy: owner.id,
        createdAt: NOW,
        expiresAt: LATER,
        role: 'viewer',
      });
      const sam = store.acceptInvite('inv-1', { name: 'Sam', tokenHash: 'sam', tokenLabel: 'invite' }, NOW);
      if (!sam.ok) throw new Error('accept failed');
      const clash = store.acceptInvite('inv-2', { name: ' DANA ', tokenHash: 'd2', tokenLabel: 'invite' }, NOW);
      expect(clash).toEqual({ ok: false, reason: 'name-taken' });
      expect(store.findToken('d2')).toBeNull();

      expect(store.setMemberRole(space.id, owner.id, 'editor', owner.id, LATER)).toEqual({
        ok: false,
        reason: 'last-owner',
      });
      expect(store.removeMember(space.id, owner.id, owner.id, LATER)).toEqual({ ok: false, reason: 'last-owner' });
      expect(store.setMemberRole(space.id, 'nobody', 'editor', owner.id, LATER)).toEqual({
        ok: false,
        reason: 'not-found',
      });
      expect(store.setMemberRole(space.id, sam.user.id, 'owner', owner.id, LATER)).toEqual({
        ok: true,
        before: 'editor',
        after: 'owner',
      });
      expect(store.removeMember(space.id, owner.id, owner.id, LATER)).toEqual({
        ok: true,
        before: 'owner',
        after: null,
      });
      expect(store.membership(space.id, owner.id)).toBeNull();
      store.touchMember(space.id, sam.user.id, LATER);
      expect(store.listMembers(space.id)).toEqual([
        { id: sam.user.id, name: 'Sam', role: 'owner', joinedAt: NOW, lastSeenAt: LATER },
      ]);
      expect(
        store.membershipEvents(space.id).map((e) => [e.action, e.actorName, e.subjectName, e.roleBefore, e.roleAfter]),
      ).toEqual([
        ['invite-accepted', 'Dana', 'Sam', null, 'editor'],
        ['role-changed', 'Dana', 'Sam', 'editor', 'owner'],
        ['left', 'Dana', 'Dana', 'owner', null],
      ]);
      // Dana has left, so her name is free there again; Sam cannot take a name used in one of his spaces.
      expect(store.renameUser(sam.user.id, 'dana')).toMatchObject({ ok: true, user: { name: 'dana' } });
    });

    it('records token use, and moves the access mark on revocation and membership changes', () => {
      const store = fresh();
      const { owner, space } = people(store);
      const token = store.addToken(owner.id, 'c'.repeat(64), 'laptop', NOW);
      expect(token.lastUsedAt).toBe(NOW);
      store.touchToken(token.id, LATER);
      expect(store.findToken('c'.repeat(64))?.token.lastUsedAt).toBe(LATER);
      const marks = [store.authMark()];
      store.revokeToken(token.id, LATER);
      marks.push(store.authMark());
      const other = store.createUser('Sam', NOW);
      store.createInvite('inv', {
        spaceId: space.id,
        createdBy: owner.id,
        createdAt: NOW,
        expiresAt: LATER,
        role: 'viewer',
      });
      store.acceptInvite('inv', { userId: other.id }, NOW);
      store.removeMember(space.id, other.id, owner.id, LATER);
      marks.push(store.authMark());
      expect(new Set(marks).size).toBe(3);
    });

    it('logs a batch under consecutive server seqs and merges the records', () => {
      const store = fresh();
      const { space, author } = people(store);
      const ack = store.pushBatch(
        space.id,
        'r1',
        1,
        author,
        [titleChange('A', 1), { ...titleChange('x', 2), field: 'urgent', value: true }],
        NOW,
      );
      expect(ack).toEqual({ ackedSeq: 1, serverSeq: 2, conflicts: 0, applied: true });
      const log = store.readLog(space.id, 0, 10);
      expect(log.map((e) => [e.seq, e.field, e.value, e.author, e.authorId, e.replicaId, e.receivedAt])).toEqual([
        [1, 'title', 'A', 'Dana', author.id, 'r1', NOW],
        [2, 'urgent', true, 'Dana', author.id, 'r1', NOW],
      ]);
      expect(store.readLog(space.id, 1, 10).map((e) => e.seq)).toEqual([2]);
      // Each field's author is the user its replica is bound to; an unbound replica's is unknown.
      expect(store.readRecords(space.id, null, 10)).toEqual([
        {
          table: 'items',
          id: 'item-1',
          fields: {
            title: { value: 'A', hlc: stamp(1, 'r1'), authorId: null },
            urgent: { value: true, hlc: stamp(2, 'r1'), authorId: null },
          },
        },
      ]);
      expect(store.claimReplica('r1', author.id, NOW)).toBe(true);
      expect(store.readRecords(space.id, null, 10)[0]!.fields.title!.authorId).toBe(author.id);
      expect(store.lastSeq(space.id)).toBe(2);
      expect(store.lastAck(space.id, 'r1', author.id)).toEqual({ ackedSeq: 1, serverSeq: 2, conflicts: 0 });
    });

    it('treats a batch seq at or below the last acked as a retry: same ack, nothing changed', () => {
      const store = fresh();
      const { space, author } = people(store);
      store.pushBatch(space.id, 'r1', 1, author, [titleChange('A', 1)], NOW);
      const second = store.pushBatch(space.id, 'r1', 2, author, [titleChange('B', 2)], NOW);
      const before = store.counts();
      expect(store.pushBatch(space.id, 'r1', 2, author, [titleChange('C', 3)], LATER)).toEqual({
        ...second,
        applied: false,
      });
      expect(store.pushBatch(space.id, 'r1', 1, author, [titleChange('D', 4)], LATER)).toEqual({
        ackedSeq: 1,
        serverSeq: 1,
        conflicts: 0,
        applied: false,
      });
      expect(store.counts()).toEqual(before);
      expect(store.readRecords(space.id, null, 10)[0]!.fields.title!.value).toBe('B');
      // Another person reusing the replica id is not a retry of someone else's batch.
      const sam = store.createUser('Sam', NOW);
      expect(store.pushBatch(space.id, 'r1', 2, { id: sam.id, name: 'Sam' }, [titleChange('E', 5)], NOW).applied).toBe(
        true,
      );
    });

    it('applies all of a batch or none of it', () => {
      const store = fresh();
      const { space, author } = people(store);
      const before = store.counts();
      // A BigInt cannot be stored: the third change fails after two were written inside the transaction.
      const bad = [
        titleChange('A', 1),
        titleChange('B', 2, 'r1', null, 'item-2'),
        { ...titleChange('C', 3), value: 1n },
      ];
      expect(() => store.pushBatch(space.id, 'r1', 1, author, bad, NOW)).toThrow();
      expect(store.counts()).toEqual(before);
      expect(store.lastAck(space.id, 'r1', author.id)).toBeNull();
      expect(store.pushBatch(space.id, 'r1', 1, author, [titleChange('A', 1)], NOW).applied).toBe(true);
    });

    it('keeps both values when the same field is written concurrently', () => {
      const store = fresh();
      const { space, author } = people(store);
      store.pushBatch(space.id, 'r1', 1, author, [titleChange('From r1', 10, 'r1')], NOW);
      const ack = store.pushBatch(space.id, 'r2', 1, author, [titleChange('From r2', 5, 'r2')], LATER);
      expect(ack.conflicts).toBe(1);
      expect(store.listConflicts(space.id)).toEqual([
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
      expect(store.readRecords(space.id, null, 10)[0]!.fields.title).toEqual({
        value: 'From r1',
        hlc: stamp(10, 'r1'),
        authorId: null,
      });
      expect(store.readLog(space.id, 0, 10)).toHaveLength(2);
    });

    it('pages records in (table, id) order and keeps spaces apart', () => {
      const store = fresh();
      const { owner, space, author } = people(store);
      const other = store.createSpace('Beta', owner.id, NOW);
      const ids = ['c', 'a', 'b'];
      store.pushBatch(
        space.id,
        'r1',
        1,
        author,
        ids.map((id, i) => titleChange(id, i, 'r1', null, id)),
        NOW,
      );
      store.pushBatch(other.id, 'r1', 1, author, [titleChange('other', 1)], NOW);
      const first = store.readRecords(space.id, null, 2);
      expect(first.map((r) => r.id)).toEqual(['a', 'b']);
      expect(store.readRecords(space.id, { table: 'items', id: 'b' }, 2).map((r) => r.id)).toEqual(['c']);
      expect(store.lastSeq(space.id)).toBe(3);
      expect(store.lastSeq(other.id)).toBe(1);
      expect(store.readLog(other.id, 0, 10).map((e) => e.value)).toEqual(['other']);
    });

    it("keeps each space's use as a running total, and lets a guard refuse a batch whole", () => {
      const store = fresh();
      const { owner, space, author } = people(store);
      const other = store.createSpace('Beta', owner.id, NOW);
      expect(store.spaceUsage(space.id)).toEqual({ records: 0, bytes: 0 });
      store.pushBatch(space.id, 'r1', 1, author, [titleChange('A', 1), titleChange('B', 2, 'r1', null, 'item-2')], NOW);
      const two = store.spaceUsage(space.id);
      expect(two.records).toBe(2);
      expect(two.bytes).toBeGreaterThan(0);
      // A longer value of an existing record: more bytes (its UTF-8 length, é is two), no more records.
      store.pushBatch(space.id, 'r1', 2, author, [titleChange('A longer titlé', 3)], NOW);
      expect(store.spaceUsage(space.id)).toEqual({ records: 2, bytes: two.bytes + 14 });

      const counts = store.counts();
      const asked: unknown[] = [];
      const refuse = (after: unknown, before: unknown) => {
        asked.push({ after, before });
        throw new Error('over the limit');
      };
      const third = [titleChange('C', 4, 'r1', null, 'item-3')];
      expect(() => store.pushBatch(space.id, 'r1', 3, author, third, NOW, refuse)).toThrow('over the limit');
      expect(asked).toEqual([
        {
          after: { records: 3, bytes: expect.any(Number) },
          before: { records: 2, bytes: two.bytes + 14 },
        },
      ]);
      expect(store.counts()).toEqual(counts);
      expect(store.spaceUsage(space.id)).toEqual({ records: 2, bytes: two.bytes + 14 });
      expect(store.lastAck(space.id, 'r1', author.id)?.ackedSeq).toBe(2);
      // A retry is acked without asking the guard.
      const retry = store.pushBatch(space.id, 'r1', 2, author, [titleChange('A longer titlé', 3)], NOW, refuse);
      expect(retry).toMatchObject({ ackedSeq: 2, applied: false });
      expect(asked).toHaveLength(1);
      expect(store.spaceUsage(other.id)).toEqual({ records: 0, bytes: 0 });
    });

    // Registered only for durable stores, so an in-memory run has no skipped test.
    if (options.durable)
      it('keeps everything across close and reopen', () => {
        const made = (opened = factory());
        if (!made.reopen) throw new Error('a durable store factory must give reopen');
        const { space, author } = people(made.store);
        made.store.pushBatch(space.id, 'r1', 1, author, [titleChange('A', 1)], NOW);
        const counts = made.store.counts();
        made.store.close();
        const again = made.reopen();
        made.store = again;
        expect(again.counts()).toEqual(counts);
        expect(again.pushBatch(space.id, 'r1', 1, author, [titleChange('A', 1)], NOW).applied).toBe(false);
        expect(again.readLog(space.id, 0, 10).map((e) => e.value)).toEqual(['A']);
      });
  });
}
