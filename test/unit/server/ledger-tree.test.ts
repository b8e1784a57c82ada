import { describe, expect, it } from 'vitest';
import { TreeCache } from '../../../server/ledger/tree-cache';
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
});
