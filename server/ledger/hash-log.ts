import { MerkleFrontier } from '../../shared/ledger/merkle';
import type { AuditEntry } from '../store/types';
import { serverLeafHash } from './leaf-hash';

/** Leaves per block: the store keeps the root of each complete block of the log, so a proof reads few hashes. */
export const BLOCK = 256;
const BLOCK_LEVELS = 8; // 2^8 = BLOCK

/** A complete block's root: block `index` holds leaves [index · BLOCK, (index + 1) · BLOCK). */
export type BlockRoot = { index: number; root: Uint8Array };

/**
 * Appends a leaf to a space's frontier and, when it completes a block, adds the block's root to `blocks`. Just
 * before its last leaf a block's other leaves are the frontier's last 8 nodes (sizes 128, 64, … 1), so the root is
 * those and the leaf, folded: 8 hashes per block, nothing read back.
 */
export function appendLeaf(frontier: MerkleFrontier, leaf: Uint8Array, blocks: BlockRoot[]): void {
  if (frontier.size % BLOCK === BLOCK - 1) {
    const block = new MerkleFrontier({ size: BLOCK - 1, nodes: frontier.state().nodes.slice(-BLOCK_LEVELS) });
    block.append(leaf);
    blocks.push({ index: (frontier.size + 1) / BLOCK - 1, root: block.root() });
  }
  frontier.append(leaf);
}

/**
 * Hashes logged changes into a space's Merkle log: each one's leaf hash, appended to `frontier` (a space's log
 * from its start when none is given), and the roots of the blocks they complete. Leaf n is the change of seq n + 1,
 * so the changes must come in seq order with no gap after the frontier's size; anything else is refused rather
 * than hashed into a tree no verifier can rebuild. Used where hashes are (re)computed in bulk: an upgraded data
 * dir's old log, and an imported space.
 */
export function hashLog(
  entries: readonly AuditEntry[],
  frontier = new MerkleFrontier(),
): { hashes: Uint8Array[]; frontier: MerkleFrontier; blocks: BlockRoot[] } {
  const hashes: Uint8Array[] = [];
  const blocks: BlockRoot[] = [];
  for (const entry of entries) {
    if (entry.seq !== frontier.size + 1) {
      throw new Error(
        `the log of a space is not numbered 1, 2, 3…: seq ${entry.seq} follows ${frontier.size}, so it cannot be hashed`,
      );
    }
    const hash = serverLeafHash(entry);
    appendLeaf(frontier, hash, blocks);
    hashes.push(hash);
  }
  return { hashes, frontier, blocks };
}
