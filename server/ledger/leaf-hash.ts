import { createHash } from 'node:crypto';
import { leafTextOf } from '../../shared/ledger/log-leaf';
import type { LoggedChange } from '../../shared/sync/protocol';

const LEAF_PREFIX = Buffer.of(0);

/**
 * `leafHashOfChange` (shared/ledger/log-leaf.ts: SHA-256 of 0x00 and the UTF-8 of `leafTextOf`) with Node's own
 * SHA-256, about twice as fast as the portable one on a push's thousand changes. The leaf's text is the shared
 * definition; test/unit/server/ledger-tree.test.ts holds the two hashes equal.
 */
export function serverLeafHash(change: LoggedChange): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(leafTextOf(change), 'utf8').digest();
}
