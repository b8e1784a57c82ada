import { leafHashOfChange } from '../../shared/ledger/log-leaf';
import { MerkleFrontier } from '../../shared/ledger/merkle';
import type { AuditEntry } from '../store/types';

/**
 * Hashes logged changes into a space's Merkle log: each one's leaf hash, appended to `frontier` (a space's log
 * from its start when none is given). Leaf n is the change of seq n + 1, so the changes must come in seq order
 * with no gap after the frontier's size; anything else is refused rather than hashed into a tree no verifier can
 * rebuild. Used where hashes are (re)computed in bulk: an upgraded data dir's old log, and an imported space.
 */
export function hashLog(
  entries: readonly AuditEntry[],
  frontier = new MerkleFrontier(),
): { hashes: Uint8Array[]; frontier: MerkleFrontier } {
  const hashes: Uint8Array[] = [];
  for (const entry of entries) {
    if (entry.seq !== frontier.size + 1) {
      throw new Error(
        `the log of a space is not numbered 1, 2, 3…: seq ${entry.seq} follows ${frontier.size}, so it cannot be hashed`,
      );
    }
    const hash = leafHashOfChange(entry);
    frontier.append(hash);
    hashes.push(hash);
  }
  return { hashes, frontier };
}
