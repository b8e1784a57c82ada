import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../../shared/ledger/bytes';
import {
  MerkleFrontier,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../../../shared/ledger/merkle';

/**
 * RFC 6962 vectors from Google's Certificate Transparency code, as kept in transparency-dev/merkle
 * proof/verify_test.go (commit 02194e9afb6c1d95b5381350007963aa70fff472; first in google/certificate-transparency).
 * The probes that must fail are that file's corruptInclusionProof and corruptConsistencyProof.
 */
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
  (hex) => leafHash(fromHex(hex)),
);
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SOME_HASH = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');
// The Go file numbers leaves from 1; these indexes are 0-based.
const INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    index: 1,
    size: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  { index: 0, size: 1, proof: [] },
];
const CONSISTENCY = [
  { size1: 1, size2: 1, proof: [] },
  {
    size1: 1,
    size2: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    size1: 6,
    size2: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    size1: 2,
    size2: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    size1: 6,
    size2: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const root = (n: number) => fromHex(n === 0 ? EMPTY : ROOTS[n - 1]!);
const flipped = (proof: Uint8Array[], i: number, mask: number) =>
  proof.map((p, j) => (j === i ? Uint8Array.from(p, (b, k) => (k === 0 ? b ^ mask : b)) : p));

describe('RFC 6962 Merkle tree, against the Certificate Transparency vectors', () => {
  it('gives the reference root for every size 0 to 8', () => {
    expect(toHex(treeRoot([]))).toBe(EMPTY);
    for (let n = 1; n <= 8; n++) expect(toHex(treeRoot(LEAVES.slice(0, n)))).toBe(ROOTS[n - 1]);
  });

  it('hashes leaves with 0x00 and nodes with 0x01', () => {
    expect(toHex(leafHash(''))).toBe(ROOTS[0]);
    expect(toHex(nodeHash(LEAVES[0]!, LEAVES[1]!))).toBe(ROOTS[1]);
  });

  it.each(INCLUSION)('makes and verifies the inclusion proof of leaf $index in $size', ({ index, size, proof }) => {
    const made = inclusionProof(LEAVES.slice(0, size), index);
    expect(made.map(toHex)).toEqual(proof);
    const [leaf, r, p] = [LEAVES[index]!, root(size), proof.map(fromHex)];
    expect(verifyInclusion(index, size, leaf, p, r)).toBe(true);
    const probes: [number, number, Uint8Array, Uint8Array[], Uint8Array][] = [
      [index - 1, size, leaf, p, r],
      [index + 1, size, leaf, p, r],
      [index ^ 2, size, leaf, p, r],
      [index, size * 2, leaf, p, r],
      [index, Math.floor(size / 2), leaf, p, r],
      [index, size, new TextEncoder().encode('WrongLeaf'), p, r],
      [index, size, leaf, p, fromHex(EMPTY)],
      [index, size, leaf, p, SOME_HASH],
      [index, size, leaf, [...p, new Uint8Array(0)], r],
      [index, size, leaf, [...p, r], r],
      [index, size, leaf, [new Uint8Array(0), ...p], r],
      [index, size, leaf, [r, ...p], r],
      ...p.map((_, i): [number, number, Uint8Array, Uint8Array[], Uint8Array] => [
        index,
        size,
        leaf,
        flipped(p, i, 8),
        r,
      ]),
    ];
    if (p.length > 0) probes.push([index, size, leaf, p.slice(0, -1), r]);
    if (p.length > 1) probes.push([index, size, leaf, [p[0]!, SOME_HASH, ...p.slice(1)], r]);
    for (const probe of probes) expect(verifyInclusion(...probe), JSON.stringify(probe.slice(0, 2))).toBe(false);
  });

  it.each(CONSISTENCY)('makes and verifies the consistency proof from $size1 to $size2', ({ size1, size2, proof }) => {
    expect(consistencyProof(LEAVES.slice(0, size2), size1).map(toHex)).toEqual(proof);
    const [r1, r2, p] = [root(size1), root(size2), proof.map(fromHex)];
    expect(verifyConsistency(size1, size2, r1, r2, p)).toBe(true);
    if (p.length === 0) return;
    const wrong = new TextEncoder().encode('WrongRoot');
    const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
      [size1 - 1, size2, r1, r2, p],
      [size1 + 1, size2, r1, r2, p],
      [size1 ^ 2, size2, r1, r2, p],
      [size1, size2 * 2, r1, r2, p],
      [size1, Math.floor(size2 / 2), r1, r2, p],
      [size1, size2, wrong, r2, p],
      [size1, size2, r1, wrong, p],
      [size1, size2, r2, r1, p],
      [size1, size2, r1, r2, []],
      [size1, size2, r1, r2, [...p, new Uint8Array(0)]],
      [size1, size2, r1, r2, [...p, r1]],
      [size1, size2, r1, r2, [...p, r2]],
      [size1, size2, r1, r2, [new Uint8Array(0), ...p]],
      [size1, size2, r1, r2, [r1, ...p]],
      [size1, size2, r1, r2, [r2, ...p]],
      [size1, size2, r1, r2, [p[0]!, ...p]],
      [size1, size2, r1, r2, p.slice(0, -1)],
      ...p.map((_, i): [number, number, Uint8Array, Uint8Array, Uint8Array[]] => [
        size1,
        size2,
        r1,
        r2,
        flipped(p, i, 16),
      ]),
    ];
    for (const probe of probes) expect(verifyConsistency(...probe), JSON.stringify(probe.slice(0, 2))).toBe(false);
  });

  it('treats the trivial consistency cases as RFC 9162 and the reference code do', () => {
    const [r1, r2, e] = [
      new TextEncoder().encode("don't care 1"),
      new TextEncoder().encode("don't care 2"),
      fromHex(EMPTY),
    ];
    expect(verifyConsistency(0, 0, r1, r1, [])).toBe(true);
    expect(verifyConsistency(0, 1, r1, r2, [])).toBe(true);
    expect(verifyConsistency(1, 1, r2, r2, [])).toBe(true);
    expect(verifyConsistency(1, 1, r1, r2, [])).toBe(false);
    expect(verifyConsistency(1, 0, r1, r2, [])).toBe(false);
    expect(verifyConsistency(2, 1, r1, r2, [])).toBe(false);
    expect(verifyConsistency(1, 2, r1, r2, [])).toBe(false);
    expect(verifyConsistency(0, 0, e, e, [e])).toBe(false);
    expect(verifyConsistency(0, 1, e, e, [e])).toBe(false);
    expect(verifyConsistency(1, 1, e, e, [e])).toBe(false);
  });

  it('refuses impossible inclusion probes and proof requests', () => {
    for (const [index, size] of [
      [0, 0],
      [0, 1],
      [1, 0],
      [2, 1],
      [-1, 4],
      [0.5, 4],
    ] as const) {
      expect(verifyInclusion(index, size, SOME_HASH, [], new Uint8Array(0))).toBe(false);
      expect(verifyInclusion(index, size, SOME_HASH, [], fromHex(EMPTY))).toBe(false);
    }
    expect(() => inclusionProof(LEAVES, 8)).toThrow(RangeError);
    expect(() => consistencyProof(LEAVES, 9)).toThrow(RangeError);
    expect(consistencyProof(LEAVES, 0)).toEqual([]);
    expect(consistencyProof(LEAVES, 8)).toEqual([]);
  });
});

describe('MerkleFrontier', () => {
  it('has the reference root after every append, and survives a round trip through its state', () => {
    const frontier = new MerkleFrontier();
    expect(toHex(frontier.root())).toBe(EMPTY);
    LEAVES.forEach((leaf, i) => {
      frontier.append(leaf);
      expect(frontier.size).toBe(i + 1);
      expect(toHex(frontier.root())).toBe(ROOTS[i]);
      const copy = new MerkleFrontier(
        JSON.parse(JSON.stringify(frontier.state())) as { size: number; nodes: string[] },
      );
      expect(toHex(copy.root())).toBe(ROOTS[i]);
    });
    expect(frontier.state().nodes).toEqual([ROOTS[7]]);
  });

  it('refuses a state whose nodes do not fit its size', () => {
    expect(() => new MerkleFrontier({ size: 3, nodes: [ROOTS[1]!] })).toThrow();
    expect(() => new MerkleFrontier({ size: 1, nodes: ['zz'] })).toThrow();
    expect(() => new MerkleFrontier({ size: -1, nodes: [] })).toThrow();
  });

  // Quadratic or recursive-slicing code would take minutes here; the bound is loose for a loaded machine.
  it('builds the root of 100 000 leaves in linear time, equal to the frontier', { timeout: 30_000 }, () => {
    const leaves = Array.from({ length: 100_000 }, (_, i) => leafHash(String(i)));
    const started = performance.now();
    const r = treeRoot(leaves);
    const frontier = new MerkleFrontier();
    let oldRoot: Uint8Array = new Uint8Array(0);
    leaves.forEach((leaf, i) => {
      frontier.append(leaf);
      if (i + 1 === 77_777) oldRoot = frontier.root();
    });
    expect(toHex(frontier.root())).toBe(toHex(r));
    expect(verifyConsistency(77_777, 100_000, oldRoot, r, consistencyProof(leaves, 77_777))).toBe(true);
    expect(verifyInclusion(4242, 100_000, leaves[4242]!, inclusionProof(leaves, 4242), r)).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
