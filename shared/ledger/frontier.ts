import { fromHex, toHex } from './bytes';
import { emptyRoot, half, isSize, nodeHash, odd } from './tree';

export type FrontierState = { size: number; nodes: string[] };

/** How many perfect subtrees a tree of n leaves is made of: the 1 bits of n. */
function subtreesOf(n: number): number {
  let count = 0;
  for (let s = n; s > 0; s = half(s)) if (odd(s)) count++;
  return count;
}

/**
 * An append-only Merkle tree that keeps only the roots of the perfect subtrees along its right edge (one per 1 bit
 * of its size, largest first), so a store can hold the root of millions of changes in a few hashes. Import it
 * through merkle.ts.
 */
export class MerkleFrontier {
  #size = 0;
  #nodes: Uint8Array[] = [];

  constructor(state?: FrontierState) {
    if (!state) return;
    if (!isSize(state.size) || state.nodes.length !== subtreesOf(state.size))
      throw new Error(`a Merkle frontier of ${state.size} changes needs ${subtreesOf(state.size)} nodes`);
    this.#nodes = state.nodes.map((hex) => {
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('a Merkle frontier node must be 64 lowercase hex');
      return fromHex(hex);
    });
    this.#size = state.size;
  }

  get size(): number {
    return this.#size;
  }

  /** Like binary increment: each trailing 1 bit of the size is a subtree of equal height to merge with. */
  append(leafHash: Uint8Array): void {
    let node: Uint8Array = leafHash.slice();
    for (let s = this.#size; odd(s); s = half(s)) node = nodeHash(this.#nodes.pop()!, node);
    this.#nodes.push(node);
    this.#size += 1;
  }

  /** Folding right to left gives the same root as treeRoot over all the leaves. */
  root(): Uint8Array {
    if (this.#nodes.length === 0) return emptyRoot();
    let r = this.#nodes[this.#nodes.length - 1]!;
    for (let i = this.#nodes.length - 2; i >= 0; i--) r = nodeHash(this.#nodes[i]!, r);
    return r.slice();
  }

  state(): FrontierState {
    return { size: this.#size, nodes: this.#nodes.map(toHex) };
  }
}
