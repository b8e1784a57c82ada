import { emptyRoot, nodeHash, split } from '../../shared/ledger/tree';

const HASH = 32;

/**
 * A space's Merkle tree in memory, for proofs: every perfect, aligned subtree's root (level j, index i: the leaves
 * [i·2^j, (i+1)·2^j)), kept as the leaves are appended. A leaf's subtrees never change once complete (the log only
 * grows), so this is built once per process, one node hash per node, and any subtree of the RFC 6962 tree at any
 * size is then a fold of at most log n of them: a consistency proof over 100,000 changes is microseconds, where
 * hashing its leaves again (shared/ledger/proofs.ts) is most of a second.
 *
 * The proof is RFC 6962 PROOF(m, D[n]) exactly as `consistencyProof` in shared/ledger/proofs.ts computes it (the
 * same loop, over these cached roots); test/unit/server/ledger-tree.test.ts holds them equal.
 */
export class TreeCache {
  /** levels[j]: the roots of the complete subtrees of 2^j leaves, 32 bytes each, in a buffer that grows by doubling. */
  private levels: Uint8Array[] = [];
  private counts: number[] = [];

  get size(): number {
    return this.counts[0] ?? 0;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.levels.reduce((sum, level) => sum + level.byteLength, 0);
  }

  append(leafHash: Uint8Array): void {
    let node = leafHash;
    for (let j = 0; ; j++) {
      const index = this.push(j, node);
      if (index % 2 === 0) return;
      node = nodeHash(this.node(j, index - 1), this.node(j, index));
    }
  }

  /** The root of the complete subtree at level j, index i (a view: do not write to it). */
  node(j: number, i: number): Uint8Array {
    return this.levels[j]!.subarray(i * HASH, (i + 1) * HASH);
  }

  /**
   * MTH of leaves [lo, hi) where that range is a node of the RFC 6962 tree (lo a multiple of the power of two at or
   * above hi - lo, as every range a proof asks for is): its complete subtrees, largest first, folded right to left.
   */
  rangeRoot(lo: number, hi: number): Uint8Array {
    if (hi <= lo) return emptyRoot();
    if (hi > this.size) throw new RangeError(`the tree holds ${this.size} leaves, not ${hi}`);
    const parts: Uint8Array[] = [];
    for (let at = lo, left = hi - lo; left > 0;) {
      let j = 0;
      while (2 ** (j + 1) <= left) j++;
      if (at % 2 ** j !== 0) throw new RangeError(`[${lo}, ${hi}) is not a node of the tree`);
      parts.push(this.node(j, at / 2 ** j));
      at += 2 ** j;
      left -= 2 ** j;
    }
    let root = parts.pop()!;
    while (parts.length > 0) root = nodeHash(parts.pop()!, root);
    return root.slice();
  }

  /** MTH of the first `size` leaves: the log's root when it was that long. */
  root(size = this.size): Uint8Array {
    return this.rangeRoot(0, size);
  }

  /** PROOF(oldSize, D[newSize]), old-tree side first (RFC 6962 §2.1.2; the loop of shared/ledger/proofs.ts). */
  consistencyProof(oldSize: number, newSize = this.size): Uint8Array[] {
    if (!Number.isInteger(oldSize) || oldSize < 0 || oldSize > newSize || newSize > this.size)
      throw new RangeError(`no consistency proof from ${oldSize} to ${newSize} changes`);
    if (oldSize === 0) return [];
    const proof: Uint8Array[] = [];
    let [lo, hi, m, whole] = [0, newSize, oldSize, true];
    while (m < hi - lo) {
      const k = split(hi - lo);
      if (m <= k) {
        proof.push(this.rangeRoot(lo + k, hi));
        hi = lo + k;
      } else {
        proof.push(this.rangeRoot(lo, lo + k));
        [lo, m, whole] = [lo + k, m - k, false];
      }
    }
    if (!whole) proof.push(this.rangeRoot(lo, hi));
    return proof.reverse();
  }

  /** Appends a node at level j; answers its index. */
  private push(j: number, node: Uint8Array): number {
    const count = this.counts[j] ?? 0;
    let level = this.levels[j] ?? new Uint8Array(0);
    if ((count + 1) * HASH > level.byteLength) {
      const grown = new Uint8Array(Math.max(64 * HASH, level.byteLength * 2));
      grown.set(level);
      level = grown;
    }
    level.set(node, count * HASH);
    this.levels[j] = level;
    this.counts[j] = count + 1;
    return count;
  }
}
