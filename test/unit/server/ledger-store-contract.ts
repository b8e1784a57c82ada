import { expect, it } from 'vitest';
import { ApiError } from '../../../server/errors';
import type { ServerKey, SyncStore } from '../../../server/store/types';
import { applyBatch } from '../../../server/sync/apply-batch';
import { toHex } from '../../../shared/ledger/bytes';
import { leafHashOfChange } from '../../../shared/ledger/log-leaf';
import { MerkleFrontier, treeRoot } from '../../../shared/ledger/merkle';
import type { Change } from '../../../shared/sync/protocol';

const NOW = '2026-11-26T14:00:00.000Z';
const LATER = '2026-11-27T14:00:00.000Z';
const stamp = (ms: number, node: string) => `${String(1_790_000_000_000 + ms).padStart(13, '0')}:0000:${node}`;
const hex64 = (c: string) => c.repeat(64);

/** Odd values a leaf must hash the same after the store has kept them: text of every kind, numbers, nesting, null. */
const ODD = [
  'Café ✓ 🚀',
  '"quoted" back\\slash',
  '',
  'x'.repeat(3000),
  0.1 + 0.2,
  -0,
  1e21,
  null,
  { b: [1, { a: 'é' }] },
];

/** `n` changes of replica r1, from `from` (ms), over 25 records, some with a base. */
function changes(n: number, from: number): Change[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      table: i % 5 === 0 ? 'clients' : 'items',
      id: `rec-${i % 25}`,
      field: `f${i % 7}`,
      value: ODD[i % ODD.length],
      hlc: stamp(i, 'r1'),
      base: i % 3 === 0 ? null : stamp(i - 1, 'r1'),
    };
  });
}

const candidate = (c: string): ServerKey => ({
  keyId: hex64(c),
  publicKey: hex64(String.fromCharCode(c.charCodeAt(0) + 1)),
  privateKey: Uint8Array.from({ length: 48 }, (_, i) => (i * 31 + c.charCodeAt(0)) % 256),
  createdAt: NOW,
});

/**
 * The verifiable log, the part of the store contract (./store-contract.ts) for leaf hashes, frontiers, the server
 * key, checkpoints and co-signatures; registered inside its describe. `durable` (a store and the same data reopened)
 * adds the restart test.
 */
export function ledgerContract(fresh: () => SyncStore, durable?: () => { store: SyncStore; reopen: () => SyncStore }) {
  async function people(store: SyncStore) {
    const owner = await store.createUser('Dana', NOW);
    const space = await store.createSpace('Acme', owner.id, NOW);
    return { owner, space, author: { id: owner.id, name: owner.name } };
  }
  const push = (store: SyncStore, spaceId: string, author: { id: string; name: string }, seq: number, list: Change[]) =>
    applyBatch(store, { spaceId, replicaId: 'r1', seq, author, changes: list, receivedAt: NOW });

  /** The space's leaf hashes recomputed from its log as the store reads it back. */
  const recomputed = async (store: SyncStore, spaceId: string) =>
    (await store.readLog(spaceId, 0, 100_000)).map(leafHashOfChange);

  it("hashes a 1,000-change log as pushed: stored leaves and the frontier's root are those of the log read back", async () => {
    const store = fresh();
    const { owner, space, author } = await people(store);
    const other = await store.createSpace('Beta', owner.id, NOW);
    let at = 0;
    for (const [seq, n] of [1, 2, 100, 397, 500].entries()) {
      await push(store, space.id, author, seq + 1, changes(n, at));
      at += n;
    }
    const leaves = await recomputed(store, space.id);
    expect(leaves).toHaveLength(1000);
    expect((await store.readLeafHashes(space.id, 0, 1000)).map(toHex)).toEqual(leaves.map(toHex));
    expect((await store.readLeafHashes(space.id, 10, 20)).map(toHex)).toEqual(leaves.slice(10, 20).map(toHex));
    expect(await store.readLeafHashes(space.id, 5, 5)).toEqual([]);
    // The roots of its three complete blocks of 256 leaves, for proofs.
    expect((await store.readBlockRoots(space.id, 0, 3)).map(toHex)).toEqual(
      [0, 1, 2].map((b) => toHex(treeRoot(leaves.slice(b * 256, (b + 1) * 256)))),
    );
    await expect(store.readBlockRoots(space.id, 2, 4)).rejects.toThrow(/lacks block roots/);
    await expect(store.readLeafHashes(space.id, 990, 1001)).rejects.toThrow(/lacks leaf hashes/);
    const head = await store.ledgerHead(space.id);
    expect(head).toMatchObject({ frontier: { size: 1000 }, checkpoint: null });
    expect(toHex(new MerkleFrontier(head.frontier).root())).toBe(toHex(treeRoot(leaves)));
    expect(await store.ledgerHead(other.id)).toEqual({ frontier: { size: 0, nodes: [] }, checkpoint: null });

    // A retry, and a batch refused by its guard, leave the log's tree as it was.
    const retry = await push(store, space.id, author, 5, changes(3, 5000));
    expect(retry.applied).toBe(false);
    const refuse = () => {
      throw new Error('over the limit');
    };
    const refused = applyBatch(
      store,
      { spaceId: space.id, replicaId: 'r1', seq: 6, author, changes: changes(3, 6000), receivedAt: NOW },
      refuse,
    );
    await expect(refused).rejects.toThrow('over the limit');
    expect(await store.ledgerHead(space.id)).toEqual(head);
    // The next batch goes on from there.
    await push(store, space.id, author, 6, changes(3, 6000));
    const grown = await recomputed(store, space.id);
    expect(toHex(new MerkleFrontier((await store.ledgerHead(space.id)).frontier).root())).toBe(toHex(treeRoot(grown)));
    expect(grown.slice(0, 1000).map(toHex)).toEqual(leaves.map(toHex));
  });

  it('keeps one server key whoever asks first, its private key byte for byte, and its public part', async () => {
    const store = fresh();
    const [a, b] = await Promise.all([store.ensureServerKey(candidate('a')), store.ensureServerKey(candidate('c'))]);
    expect(a).toEqual(b);
    expect([candidate('a'), candidate('c')]).toContainEqual(a);
    expect(await store.ensureServerKey(candidate('e'))).toEqual(a);
    expect(await store.signingKeys([a.keyId, hex64('9'), a.keyId])).toEqual([
      { keyId: a.keyId, publicKey: a.publicKey, createdAt: NOW },
    ]);
    expect(await store.signingKeys([hex64(a.keyId === hex64('a') ? 'c' : 'a')])).toEqual([]);
  });

  it('keeps one checkpoint per size (the first), lists them in size order with their co-signatures', async () => {
    const store = fresh();
    const { owner, space, author } = await people(store);
    const sam = await store.createUser('Sam', NOW);
    const key = await store.ensureServerKey(candidate('a'));
    await push(store, space.id, author, 1, changes(3, 0));
    const base = { space: space.id, root: hex64('1'), time: NOW, keyId: key.keyId, signature: 'ab'.repeat(64) };
    expect(await store.putCheckpoint({ ...base, size: 2 })).toEqual({ ...base, size: 2, cosignatures: [] });
    // Another process signed size 2 at the same moment: the first stays.
    expect(await store.putCheckpoint({ ...base, size: 2, time: LATER, signature: 'cd'.repeat(64) })).toEqual({
      ...base,
      size: 2,
      cosignatures: [],
    });
    await store.putCheckpoint({ ...base, size: 3, root: hex64('3') });
    const cosig = (k: string, accountId: string, at = NOW) => ({
      keyId: hex64(k),
      signature: 'ef'.repeat(64),
      accountId,
      at,
    });
    expect(await store.addCosignature(space.id, 3, cosig('d', owner.id))).toBe(true);
    expect(await store.addCosignature(space.id, 3, cosig('d', owner.id, LATER))).toBe(false);
    expect(await store.addCosignature(space.id, 3, cosig('e', sam.id, LATER))).toBe(true);
    expect(await store.addCosignature(space.id, 2, cosig('e', sam.id))).toBe(true);
    const three = {
      ...base,
      size: 3,
      root: hex64('3'),
      cosignatures: [cosig('d', owner.id), cosig('e', sam.id, LATER)],
    };
    expect(await store.getCheckpoint(space.id, 3)).toEqual(three);
    expect(await store.getCheckpoint(space.id, 1)).toBeNull();
    expect(await store.ledgerHead(space.id)).toMatchObject({ frontier: { size: 3 }, checkpoint: three });
    expect(await store.listCheckpoints(space.id, 0, 10)).toEqual([
      { ...base, size: 2, cosignatures: [cosig('e', sam.id)] },
      three,
    ]);
    expect((await store.listCheckpoints(space.id, 2, 10)).map((c) => c.size)).toEqual([3]);
    expect((await store.listCheckpoints(space.id, 0, 1)).map((c) => c.size)).toEqual([2]);
    expect(await store.listCheckpoints(space.id, 3, 10)).toEqual([]);
    expect(await store.counts()).toMatchObject({ checkpoints: 2, cosignatures: 3 });
  });

  it('reads one record with the account behind each field', async () => {
    const store = fresh();
    const { space, author } = await people(store);
    await store.claimReplica('r1', author.id, NOW);
    await push(store, space.id, author, 1, [
      { table: 'items', id: 'i1', field: 'title', value: 'A', hlc: stamp(1, 'r1'), base: null },
    ]);
    expect(await store.readRecord(space.id, 'items', 'i1')).toEqual({
      table: 'items',
      id: 'i1',
      fields: { title: { value: 'A', hlc: stamp(1, 'r1'), authorId: author.id } },
    });
    expect(await store.readRecord(space.id, 'items', 'i2')).toBeNull();
    expect(await store.readRecord(space.id, 'clients', 'i1')).toBeNull();
  });

  it("refuses, whole, a batch that rewrites a capture's evidence or writes to another account's device", async () => {
    const store = fresh();
    const { space, author } = await people(store);
    const sam = await store.createUser('Sam', NOW);
    await store.claimReplica('r1', author.id, NOW);
    await store.claimReplica('r2', sam.id, NOW);
    const key = hex64('0'); // not checked here: a device's id is checked against its key by the write rules, below
    const write = (table: Change['table'], id: string, field: string, value: unknown, ms: number, node = 'r1') => ({
      table,
      id,
      field,
      value,
      hlc: stamp(ms, node),
      base: null,
    });
    await push(store, space.id, author, 1, [
      write('captures', 'c1', 'markdown', '# Quote', 1),
      write('devices', key, 'label', 'Dana’s laptop', 2),
    ]);
    const before = { counts: await store.counts(), head: await store.ledgerHead(space.id) };
    const refusal = async (p: Promise<unknown>) => {
      const error = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ApiError);
      return error as ApiError;
    };
    const evidence = await refusal(
      push(store, space.id, author, 2, [
        write('items', 'i1', 'title', 'ok', 3),
        write('captures', 'c1', 'markdown', '# Other', 4),
      ]),
    );
    expect(evidence).toMatchObject({
      code: 'evidence-immutable',
      message: expect.stringMatching(/change 1: capture c1: its markdown/),
    });
    const device = await refusal(
      applyBatch(store, {
        spaceId: space.id,
        replicaId: 'r2',
        seq: 1,
        author: { id: sam.id, name: 'Sam' },
        changes: [write('devices', key, 'label', 'mine now', 5, 'r2')],
        receivedAt: NOW,
      }),
    );
    expect(device).toMatchObject({ code: 'forbidden' });
    expect({ counts: await store.counts(), head: await store.ledgerHead(space.id) }).toEqual(before);
    // The same evidence again, a capture moved to another item, the device's own account: all fine.
    const ok = await push(store, space.id, author, 2, [
      write('captures', 'c1', 'markdown', '# Quote', 6),
      write('captures', 'c1', 'itemId', 'i2', 7),
      write('devices', key, 'label', 'Dana’s old laptop', 8),
    ]);
    expect(ok.applied).toBe(true);
  });

  if (durable)
    it('keeps each space’s Merkle log across close and reopen, and goes on from it', async () => {
      const made = durable();
      const { space, author } = await people(made.store);
      await push(made.store, space.id, author, 1, changes(40, 0));
      const head = await made.store.ledgerHead(space.id);
      const key = await made.store.ensureServerKey(candidate('a'));
      await made.store.close();
      const again = made.reopen();
      try {
        expect(await again.ledgerHead(space.id)).toEqual(head);
        expect(await again.ensureServerKey(candidate('c'))).toEqual(key);
        await push(again, space.id, author, 2, changes(21, 40));
        const leaves = await recomputed(again, space.id);
        expect(leaves).toHaveLength(61);
        expect(toHex(new MerkleFrontier((await again.ledgerHead(space.id)).frontier).root())).toBe(
          toHex(treeRoot(leaves)),
        );
      } finally {
        await again.close();
      }
    });
}
