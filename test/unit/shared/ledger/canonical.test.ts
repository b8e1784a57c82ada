import { describe, expect, it } from 'vitest';
import { concatBytes, equalBytes, fromHex, toHex, utf8 } from '../../../../shared/ledger/bytes';
import { canonicalJson } from '../../../../shared/ledger/canonical';
import { sha256, sha256Hex } from '../../../../shared/ledger/sha256';
import { canonicalJson as fromMerge } from '../../../../shared/sync/merge';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
    expect(canonicalJson(undefined)).toBe('~undefined');
    expect(fromMerge).toBe(canonicalJson);
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+1F600 is stored as the surrogates D83D DE00, which sort before U+FF61.
    expect(canonicalJson({ '\uFF61': 1, '\u{1F600}': 2, é: 3, z: 4, Z: 5 })).toBe('{"Z":5,"z":4,"é":3,"😀":2,"｡":1}');
  });

  it('writes numbers in ECMAScript form', () => {
    expect(canonicalJson([0.1, 1e21, 1e-7, -0, 100, 4.5])).toBe('[0.1,1e+21,1e-7,0,100,4.5]');
  });

  it('throws a TypeError for values JSON cannot carry', () => {
    expect(() => canonicalJson(NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow(TypeError);
    expect(() => canonicalJson({ a: { b: -Infinity } })).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
  });
});

describe('bytes and SHA-256', () => {
  it('converts hex both ways and refuses bad hex', () => {
    expect(toHex(fromHex('00ff10Ab'))).toBe('00ff10ab');
    expect(fromHex('')).toEqual(new Uint8Array(0));
    expect(() => fromHex('abc')).toThrow(/odd length/);
    expect(() => fromHex('zz')).toThrow(Error);
    expect(() => fromHex('0x')).toThrow(Error);
  });

  it('compares and joins bytes', () => {
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(equalBytes(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(equalBytes(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(false);
    expect(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('hashes the FIPS 180-2 vectors, strings as UTF-8', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8('abc'))).toBe(toHex(sha256(utf8('abc'))));
    expect(sha256Hex('é')).toBe(sha256Hex(Uint8Array.of(0xc3, 0xa9)));
  });
});
