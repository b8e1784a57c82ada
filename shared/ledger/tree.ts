import { concatBytes, utf8 } from './bytes';
import { sha256, sha256Prefixed } from './sha256';

/**
 * Hashing of the Merkle tree of RFC 6962 / RFC 9162 §2.1 (Certificate Transparency), so its published test vectors
 * and proof algorithms apply unchanged. Leaves and interior nodes get different prefixes so a leaf can never be
 * passed off as a node. Import these through merkle.ts.
 */

/** MTH of no leaves: SHA-256 of the empty string. A fresh array each time, since callers may write to it. */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** SHA-256(0x00 ‖ leaf), hashed on from the prefix rather than copied after it (a log is hundreds of MB of leaves). */
export function leafHash(leaf: Uint8Array | string): Uint8Array {
  return sha256Prefixed(0, typeof leaf === 'string' ? utf8(leaf) : leaf);
}

// Interior nodes are most of the hashing; reusing one buffer for the usual two 32-byte children saves an
// allocation per node (a third of the time). Safe because hashing is synchronous.
const scratch = new Uint8Array(65);

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== 32 || right.length !== 32) return sha256(concatBytes(Uint8Array.of(1), left, right));
  scratch[0] = 1;
  scratch.set(left, 1);
  scratch.set(right, 33);
  return sha256(scratch);
}

/** Root of leaves [lo, hi), bottom-up: pairing neighbours and carrying a lone last node up gives RFC 6962's MTH. */
export function rangeRoot(hashes: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  if (hi <= lo) return emptyRoot();
  let level = hashes.slice(lo, hi);
  while (level.length > 1) {
    const up: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) up.push(nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) up.push(level[level.length - 1]!);
    level = up;
  }
  return level[0]!;
}

/** MTH(D[n]), in O(n). */
export function treeRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  return rangeRoot(leafHashes, 0, leafHashes.length);
}

/** The largest power of two strictly below n (n ≥ 2): where RFC 6962 splits a tree. */
export function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

// Sizes are plain numbers and halved with arithmetic, not `>>`, so sizes past 2^31 still work.
export const odd = (n: number): boolean => n % 2 === 1;
export const half = (n: number): number => Math.floor(n / 2);
export const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
