import { emptyRoot, nodeHash, split } from '../../shared/ledger/tree';
import { BLOCK } from './hash-log';

const HASH = 32;

/** The root of the complete subtree at level j (2^j leaves), index i of a tree: from wherever a tree keeps them. */
export type NodeSource = (level: number, index: number) => Uint8Array;

/**
 * MTH of leaves [lo, hi) where that range is a node of the RFC 6962 tree (lo a multiple of the power of two at or
 * above hi - lo, as every range a proof asks for is): its complete subtrees, largest first, folded right to left.
 */
export function rangeRootOf(node: NodeSource, lo: number, hi: number): Uint8Array {
  if (hi <= lo) return emptyRoot();
  const parts: Uint8Array[] = [];
  for (let at = lo, left = hi - lo; left > 0;) {
    let j = 0;
    while (2 ** (j + 1) <= left) j++;
    if (at % 2 ** j !== 0) throw new RangeError(`[${lo}, ${hi}) is not a node of the tree`);
    parts.push(node(j, at / 2 ** j));
    at += 2 ** j;
    left -= 2 ** j;
  }
  let root = parts.pop()!;
  while (parts.length > 0) root = nodeHash(parts.pop()!, root);
  return root.slice();
}

/** PROOF(oldSize, D[newSize]), old-tree side first (RFC 6962 §2.1.2; the loop of shared/ledger/proofs.ts). */
export function consistencyProofOf(node: NodeSource, oldSize: number, newSize: number): Uint8Array[] {
  if (!Number.isInteger(oldSize) || oldSize < 0 || oldSize > newSize)
    throw new RangeError(`no consistency proof from ${oldSize} to ${newSize} changes`);
  if (oldSize === 0) return [];
  const proof: Uint8Array[] = [];
  let [lo, hi, m, whole] = [0, newSize, oldSize, true];
  while (m < hi - lo) {
    const k = split(hi - lo);
    if (m <= k) {
      proof.push(rangeRootOf(node, lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(rangeRootOf(node, lo, lo + k));
      [lo, m, whole] = [lo + k, m - k, false];
    }
  }
  if (!whole) proof.push(rangeRootOf(node, lo, hi));
  return proof.reverse();
}

/**
 * A Merkle tree in memory: every perfect, aligned subtree's root (level j, index i: the nodes [i·2^j, (i+1)·2^j) of
 * level 0), kept as level-0 nodes are appended. Subtrees never change once complete (the log only grows), so it is
 * built once, one node hash per node, and any subtree of the RFC 6962 tree at any size is then a fold of at most
 * log n of them. Level 0 is a space's leaves, or (see `SpaceTree`) the roots of its blocks of 256 leaves.
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
    if (!(i >= 0 && i < (this.counts[j] ?? 0))) throw new RangeError(`no complete subtree ${i} at level ${j}`);
    return this.levels[j]!.subarray(i * HASH, (i + 1) * HASH);
  }

  /** MTH of leaves [lo, hi), a node of the tree (see `rangeRootOf`). */
  rangeRoot(lo: number, hi: number): Uint8Array {
    if (hi > this.size) throw new RangeError(`the tree holds ${this.size} leaves, not ${hi}`);
    return rangeRootOf(this.nodes, lo, hi);
  }

  /** MTH of the first `size` leaves: the log's root when it was that long. */
  root(size = this.size): Uint8Array {
    return this.rangeRoot(0, size);
  }

  /** PROOF(oldSize, D[newSize]), old-tree side first. */
  consistencyProof(oldSize: number, newSize = this.size): Uint8Array[] {
    if (newSize > this.size) throw new RangeError(`no consistency proof from ${oldSize} to ${newSize} changes`);
    return consistencyProofOf(this.nodes, oldSize, newSize);
  }

  private readonly nodes: NodeSource = (j, i) => this.node(j, i);

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

const BLOCK_LEVELS = Math.log2(BLOCK);

/**
 * A space's tree for proofs, as the store keeps it: the roots of its complete blocks of 256 leaves (a tree of its
 * own above them, `upper`), and the leaves of the few blocks a proof reaches into (`blocks`: where the old and the
 * new tree end inside a block). A proof over 100,000 changes reads about 400 block roots and at most 512 leaf
 * hashes, where hashing every leaf again (shared/ledger/proofs.ts) takes most of a second.
 */
export class SpaceTree {
  readonly upper = new TreeCache();
  readonly blocks = new Map<number, TreeCache>();

  /** The blocks whose leaves PROOF(from, D[to]) reads: those `from` and `to` end inside. */
  static blocksFor(from: number, to: number): { index: number; leaves: number }[] {
    const needed = new Map<number, number>();
    for (const end of [from, to]) {
      if (end % BLOCK === 0) continue;
      const index = Math.floor(end / BLOCK);
      needed.set(index, Math.max(needed.get(index) ?? 0, end === to ? end % BLOCK : BLOCK));
    }
    // A block `from` ends in is whole unless `to` ends in it too: then up to `to`.
    const last = Math.floor(to / BLOCK);
    if (needed.has(last)) needed.set(last, to % BLOCK);
    return [...needed].map(([index, leaves]) => ({ index, leaves }));
  }

  readonly node: NodeSource = (j, i) => {
    if (j >= BLOCK_LEVELS) return this.upper.node(j - BLOCK_LEVELS, i);
    const index = Math.floor((i * 2 ** j) / BLOCK);
    const block = this.blocks.get(index);
    if (!block) throw new RangeError(`the leaves of block ${index} are not loaded`);
    return block.node(j, i - index * 2 ** (BLOCK_LEVELS - j));
  };

  consistencyProof(from: number, to: number): Uint8Array[] {
    return consistencyProofOf(this.node, from, to);
  }

  root(size: number): Uint8Array {
    return rangeRootOf(this.node, 0, size);
  }

  get bytes(): number {
    let bytes = this.upper.bytes;
    for (const block of this.blocks.values()) bytes += block.bytes;
    return bytes;
  }
}
