import { equalBytes } from './bytes';
import { half, isPowerOfTwo, isSize, nodeHash, odd, rangeRoot, split } from './tree';

/** Proofs of RFC 6962 §2.1.1–2.1.2, checked with RFC 9162 §2.1.3.2 and §2.1.4.2. Import these through merkle.ts. */

/** PATH(m, D[n]), leaf side first. Each step hashes half of what is left, so O(n) in all. */
export function inclusionProof(leafHashes: readonly Uint8Array[], index: number): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index >= leafHashes.length)
    throw new RangeError(`no leaf ${index} in a tree of ${leafHashes.length}`);
  const path: Uint8Array[] = [];
  let [lo, hi, m] = [0, leafHashes.length, index];
  while (hi - lo > 1) {
    const k = split(hi - lo);
    if (m < k) {
      path.push(rangeRoot(leafHashes, lo + k, hi));
      hi = lo + k;
    } else {
      path.push(rangeRoot(leafHashes, lo, lo + k));
      [lo, m] = [lo + k, m - k];
    }
  }
  return path.reverse();
}

/** PROOF(oldSize, D[n]) with SUBPROOF unrolled into a loop, old-tree side first. */
export function consistencyProof(leafHashes: readonly Uint8Array[], oldSize: number): Uint8Array[] {
  if (!Number.isInteger(oldSize) || oldSize < 0 || oldSize > leafHashes.length)
    throw new RangeError(`no consistency proof from ${oldSize} to ${leafHashes.length} changes`);
  if (oldSize === 0) return [];
  const proof: Uint8Array[] = [];
  let [lo, hi, m, whole] = [0, leafHashes.length, oldSize, true];
  while (m < hi - lo) {
    const k = split(hi - lo);
    if (m <= k) {
      proof.push(rangeRoot(leafHashes, lo + k, hi));
      hi = lo + k;
    } else {
      proof.push(rangeRoot(leafHashes, lo, lo + k));
      [lo, m, whole] = [lo + k, m - k, false];
    }
  }
  // SUBPROOF(m, D[m], false): the verifier cannot know this subtree's root, so it is sent.
  if (!whole) proof.push(rangeRoot(leafHashes, lo, hi));
  return proof.reverse();
}

/** Does the proof show leaf (a leaf hash) at index in the tree of size with root? Never throws. */
export function verifyInclusion(
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(index) || !isSize(size) || index >= size) return false;
  let [fn, sn, r] = [index, size - 1, leaf];
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalBytes(r, root);
}

/** Does the tree of newSize with newRoot hold, unchanged, the tree of oldSize with oldRoot? Never throws. */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (oldSize === 0) return proof.length === 0;
  if (oldSize === newSize) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  if (proof.length === 0) return false;
  // An old tree that is a perfect left subtree of the new one is not repeated in the proof.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let [fn, sn] = [oldSize - 1, newSize - 1];
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let [fr, sr] = [path[0]!, path[0]!];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
      while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot);
}
