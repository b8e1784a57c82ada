import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/ledger/bytes';
import {
  MerkleFrontier,
  consistencyProof,
  inclusionProof,
  leafHash,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../../../shared/ledger/merkle';

/** Proofs over random tree sizes up to 300: honest proofs verify, any altered byte or wrong root does not. */
const seed = Number(process.env.LEDGER_PROPERTY_SEED ?? 20261126);
const numRuns = Number(process.env.LEDGER_PROPERTY_RUNS ?? 150);
const MAX = 300;
const LEAVES = Array.from({ length: MAX }, (_, i) => leafHash(`change ${i}`));
// Roots of every prefix, from a frontier (checked against treeRoot below).
const ROOTS: Uint8Array[] = [treeRoot([])];
const frontier = new MerkleFrontier();
for (const leaf of LEAVES) {
  frontier.append(leaf);
  ROOTS.push(frontier.root());
}

const sizes = fc
  .integer({ min: 1, max: MAX })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n), fc.nat(), fc.nat({ max: 31 })));
const withByte = (proof: Uint8Array[], node: number, byte: number) =>
  proof.map((p, i) => (i === node ? Uint8Array.from(p, (b, k) => (k === byte ? b ^ 0x01 : b)) : p));

describe('Merkle proofs, by property', () => {
  it('the frontier root equals treeRoot at every size up to 300', () => {
    for (let n = 0; n <= MAX; n += 1) expect(toHex(ROOTS[n]!), `size ${n}`).toBe(toHex(treeRoot(LEAVES.slice(0, n))));
  });

  it('every consistency proof verifies; a changed byte or a wrong old root fails', () => {
    fc.assert(
      fc.property(sizes, ([m, n, pick, byte]) => {
        const proof = consistencyProof(LEAVES.slice(0, n), m);
        expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, proof)).toBe(true);
        if (m === 0 || m === n) return;
        for (let node = 0; node < proof.length; node++)
          expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n]!, withByte(proof, node, byte))).toBe(false);
        const other = ROOTS[m === 1 ? 2 : 1 + (pick % (m - 1))]!;
        expect(verifyConsistency(m, n, other, ROOTS[n]!, proof)).toBe(false);
        expect(verifyConsistency(m, n, ROOTS[m]!, ROOTS[n - 1]!, proof)).toBe(false);
      }),
      { seed, numRuns },
    );
  });

  it('every inclusion proof verifies; a changed byte, another leaf or another index fails', () => {
    fc.assert(
      fc.property(sizes, ([, n, pick, byte]) => {
        const index = pick % n;
        const proof = inclusionProof(LEAVES.slice(0, n), index);
        expect(verifyInclusion(index, n, LEAVES[index]!, proof, ROOTS[n]!)).toBe(true);
        for (let node = 0; node < proof.length; node++)
          expect(verifyInclusion(index, n, LEAVES[index]!, withByte(proof, node, byte), ROOTS[n]!)).toBe(false);
        if (n === 1) return;
        const other = (index + 1) % n;
        expect(verifyInclusion(index, n, LEAVES[other]!, proof, ROOTS[n]!)).toBe(false);
        expect(verifyInclusion(other, n, LEAVES[index]!, proof, ROOTS[n]!)).toBe(false);
      }),
      { seed, numRuns },
    );
  });

  it('a frontier restored from its state at any size goes on to the same roots', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX - 10 }), (n) => {
        const f = new MerkleFrontier();
        for (const leaf of LEAVES.slice(0, n)) f.append(leaf);
        const restored = new MerkleFrontier(f.state());
        for (const leaf of LEAVES.slice(n, n + 10)) restored.append(leaf);
        expect(toHex(restored.root())).toBe(toHex(ROOTS[n + 10]!));
      }),
      { seed, numRuns: 30 },
    );
  });
});
