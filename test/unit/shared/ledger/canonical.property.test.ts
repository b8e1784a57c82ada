import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/ledger/canonical';

/**
 * canonicalJson takes a quick way for plain data (no replacer call per value, objects already in order used as they
 * are): it must give the exact text of the definition below (the implementation before the quick way), or throw as it
 * does, for any value at all.
 */
function reference(value: unknown): string {
  const text: string | undefined = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new TypeError(`canonical JSON has no form for ${v}`);
    if (typeof v === 'bigint') throw new TypeError('canonical JSON has no form for a BigInt');
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
  return text ?? '~undefined';
}

const outcome = (f: () => string) => {
  try {
    return { text: f() };
  } catch (error) {
    return { threw: (error as Error).constructor.name, message: (error as Error).message };
  }
};

const seed = Number(process.env.LEDGER_PROPERTY_SEED ?? 20261126);
const numRuns = Number(process.env.LEDGER_PROPERTY_RUNS ?? 400);

const key = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom(
    '__proto__',
    'toJSON',
    'constructor',
    '0',
    '1',
    '2',
    '9',
    '10',
    '01',
    '-1',
    '1.5',
    'a',
    'A',
    'é',
    '😀',
    '\uFF61',
  ),
  fc.nat({ max: 2 ** 32 }).map(String),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 0.1, Number.MAX_SAFE_INTEGER, 5e-324, NaN, Infinity, -Infinity),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, undefined),
    number,
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
}));
// Plain data as JSON.parse gives it, with its keys put in order, so the quick way's "already in order" is taken.
const sortedJson = fc.jsonValue().map((v) => JSON.parse(reference(v)) as unknown);

describe('canonicalJson, the quick way', () => {
  it('gives the definition’s text for JSON values (any key order, unicode keys, numbers, nesting)', () => {
    fc.assert(
      fc.property(fc.oneof(json.value, fc.jsonValue(), sortedJson), (value) => {
        expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => reference(value)));
      }),
      { seed, numRuns },
    );
  });

  it('gives the definition’s text or error for any value at all (boxed, dates, maps, typed arrays, null prototypes…)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          key,
          maxDepth: 4,
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withObjectString: true,
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
          withUnicodeString: true,
        }),
        (value) => {
          expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => reference(value)));
        },
      ),
      { seed, numRuns },
    );
  });

  it('agrees on the values a quick way could get wrong', () => {
    const withToJson = { b: 1, a: 2, toJSON: () => ({ z: 1, y: [3, { d: 1, c: 2 }] }) };
    const protoKey = JSON.parse('{"a":1,"__proto__":{"x":1}}') as unknown;
    const protoPrimitive = JSON.parse('{"__proto__":5,"b":2}') as unknown;
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000)) as unknown;
    const holes = [1, , 3];
    const getterOnce = Object.defineProperty({ a: 1 }, 'b', { enumerable: true, get: () => ({ d: 1, c: 2 }) });
    for (const value of [
      withToJson,
      [withToJson],
      protoKey,
      [protoKey],
      protoPrimitive,
      cycle,
      deep,
      holes,
      getterOnce,
      new Date(0),
      { d: new Date(0), a: new Number(3), s: new String('x'), b: new Boolean(false) },
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      { 10: 'ten', 9: 'nine', a: 1 },
      { 1: 'one', 2: 'two', a: 1 },
      new Uint8Array([3, 1, 2]),
      new Map([['a', 1]]),
      [NaN],
      { a: { b: [1, 2, { c: -Infinity }] } },
      { a: 1n },
      { f: () => 1, s: Symbol('s'), u: undefined, a: [undefined, () => 1, Symbol('t')] },
      () => 1,
      Symbol('top'),
      undefined,
      -0,
      '\u2028\ud800"\\',
    ])
      expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => reference(value)));
  });

  it('is the definition for the values Docket hashes', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});
