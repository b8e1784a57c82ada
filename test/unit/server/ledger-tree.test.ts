import { describe, expect, it } from 'vitest';
import { appendLeaf, BLOCK, type BlockRoot } from '../../../server/ledger/hash-log';
import { serverLeafHash } from '../../../server/ledger/leaf-hash';
import { SpaceTree, TreeCache } from '../../../server/ledger/tree-cache';
import { leafHashOfChange } from '../../../shared/ledger/log-leaf';
import { toHex } from '../../../shared/ledger/bytes';
import { consistencyProof, leafHash, MerkleFrontier, treeRoot, verifyConsistency } from '../../../shared/ledger/merkle';

/*
 * The server's in-memory tree for proofs (server/ledger/tree-cache.ts) is the RFC 6962 tree of shared/ledger: the same
 * roots at every size and the same consistency proofs, node for node, as the shared functions that hash every leaf.
 */
const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`leaf ${i}`));
const hex = (nodes: Uint8Array[]) => nodes.map(toHex);

describe('the server’s cached Merkle tree', () => {
  it('gives the root of every prefix, and every consistency proof, exactly as shared/ledger does', () => {
    const all = leaves(70);
    const tree = new TreeCache();
    const frontier = new MerkleFrontier();
    for (const [n, leaf] of all.entries()) {
      tree.append(leaf);
      frontier.append(leaf);
      expect(toHex(tree.root())).toBe(toHex(frontier.root()));
      expect(tree.size).toBe(n + 1);
    }
    for (let to = 0; to <= all.length; to++) {
      const prefix = all.slice(0, to);
      expect(toHex(tree.root(to))).toBe(toHex(treeRoot(prefix)));
      for (let from = 0; from <= to; from++) {
        const proof = tree.consistencyProof(from, to);
        expect(hex(proof)).toEqual(hex(consistencyProof(prefix, from)));
        expect(verifyConsistency(from, to, tree.root(from), tree.root(to), proof)).toBe(true);
      }
    }
  });

  it('refuses sizes it does not hold and ranges that are not nodes of the tree', () => {
    const tree = new TreeCache();
    for (const leaf of leaves(5)) tree.append(leaf);
    expect(() => tree.consistencyProof(3, 6)).toThrow(RangeError);
    expect(() => tree.consistencyProof(4, 3)).toThrow(RangeError);
    expect(() => tree.rangeRoot(1, 3)).toThrow(/not a node/);
    expect(toHex(tree.rangeRoot(4, 4))).toBe(toHex(treeRoot([])));
  });

  it('proves from block roots and the leaves of the blocks where the sizes end, as from every leaf', () => {
    const all = leaves(4 * BLOCK + 37);
    const full = new TreeCache();
    const frontier = new MerkleFrontier();
    const blocks: BlockRoot[] = [];
    for (const leaf of all) {
      full.append(leaf);
      appendLeaf(frontier, leaf, blocks);
    }
    expect(blocks.map((b) => b.index)).toEqual([0, 1, 2, 3]);
    expect(blocks.map((b) => toHex(b.root))).toEqual(
      [0, 1, 2, 3].map((i) => toHex(treeRoot(all.slice(i * BLOCK, (i + 1) * BLOCK)))),
    );
    /** A tree holding only what PROOF(from, D[to]) should need. */
    const sparse = (from: number, to: number) => {
      const tree = new SpaceTree();
      for (const b of blocks.slice(0, Math.floor(to / BLOCK))) tree.upper.append(b.root);
      for (const { index, leaves: n } of SpaceTree.blocksFor(from, to)) {
        const block = new TreeCache();
        for (const leaf of all.slice(index * BLOCK, index * BLOCK + n)) block.append(leaf);
        tree.blocks.set(index, block);
      }
      return tree;
    };
    const sizes = [0, 1, 2, 3, 100, 255, 256, 257, 300, 511, 512, 513, 700, 768, 1000, 1024, 1025, all.length];
    let random = 7;
    const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) % (all.length + 1);
    const pairs: [number, number][] = [];
    for (const a of sizes) for (const b of sizes) if (a <= b) pairs.push([a, b]);
    for (let k = 0; k < 400; k++) {
      const [a, b] = [next(), next()];
      pairs.push([Math.min(a, b), Math.max(a, b)]);
    }
    for (const [from, to] of pairs) {
      const tree = sparse(from, to);
      expect({ from, to, proof: hex(tree.consistencyProof(from, to)) }).toEqual({
        from,
        to,
        proof: hex(full.consistencyProof(from, to)),
      });
      if (to % BLOCK === 0 || SpaceTree.blocksFor(0, to).length > 0)
        expect(toHex(tree.root(to))).toBe(toHex(full.root(to)));
    }
  });

  it("hashes a change with Node's SHA-256 exactly as the shared leaf definition does", () => {
    const values = [
      'Café ✓ 🚀',
      '',
      '\u0000\u2028"',
      'x'.repeat(5000),
      0.1 + 0.2,
      -0,
      1e21,
      null,
      true,
      [],
      { b: [1, { a: 'é' }], a: null },
    ];
    for (const [i, value] of values.entries()) {
      const change = {
        ...{ table: 'items' as const, id: `i${i}`, field: 'title', value, hlc: `${1_790_000_000_000 + i}:0000:r1` },
        ...{ base: i % 2 ? null : `${1_790_000_000_000 + i - 1}:0000:r1`, seq: i + 1, replicaId: 'r1' },
        ...{ authorId: 'u1', author: 'Zoë “Z” Ng', receivedAt: '2026-11-26T14:00:00.000Z' },
      };
      expect(toHex(serverLeafHash(change))).toBe(toHex(leafHashOfChange(change)));
    }
  });
});
