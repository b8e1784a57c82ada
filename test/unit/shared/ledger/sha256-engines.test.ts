import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as nodeEngine from '../../../../cli/verifier/sha256-node';
import * as shared from '../../../../shared/ledger/sha256';

/**
 * verify.mjs swaps shared/ledger/sha256.ts for cli/verifier/sha256-node.ts: both engines must give the same bytes as
 * SHA-256 itself, for every function, every length (past the Node engine's reused buffer too) and calls in a row.
 */
const seed = Number(process.env.LEDGER_PROPERTY_SEED ?? 20261126);
const reference = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }),
  fc.integer({ min: 60_000, max: 140_000 }).map((n) => {
    const long = new Uint8Array(n);
    for (let i = 0; i < n; i++) long[i] = (i * 31 + n) & 255;
    return long;
  }),
);

describe('SHA-256 engines', () => {
  for (const [name, engine] of [
    ['shared (noble)', shared],
    ['verify.mjs (node:crypto)', nodeEngine],
  ] as const)
    it(`${name}: sha256, sha256Prefixed and sha256Hex are SHA-256`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(bytes, fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), (inputs) => {
          for (const [data, prefix] of inputs) {
            const plain = engine.sha256(data);
            expect(plain).toBeInstanceOf(Uint8Array);
            expect([...plain]).toEqual([...reference(data)]);
            const prefixed = engine.sha256Prefixed(prefix, data);
            expect([...prefixed]).toEqual([...reference(Uint8Array.of(prefix), data)]);
            expect(prefixed.length).toBe(32);
            expect(engine.sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'));
          }
        }),
        { seed, numRuns: 60 },
      );
    });

  it('hashes a text as its UTF-8 bytes, lone surrogates as TextEncoder writes them', () => {
    for (const text of ['', 'abc', 'élan — ✓ 𝄞', '\ud800x', 'x\udfff']) {
      const utf8 = new TextEncoder().encode(text);
      expect(nodeEngine.sha256Hex(text)).toBe(createHash('sha256').update(utf8).digest('hex'));
      expect(shared.sha256Hex(text)).toBe(nodeEngine.sha256Hex(text));
    }
  });

  it('gives each digest its own bytes', () => {
    const a = nodeEngine.sha256Prefixed(0, Uint8Array.of(1));
    const b = nodeEngine.sha256Prefixed(0, Uint8Array.of(2));
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.byteLength).toBe(a.buffer.byteLength);
  });
});
