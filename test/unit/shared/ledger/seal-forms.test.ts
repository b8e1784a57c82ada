import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceFormOf, sealedFormOf } from '../../../../shared/ledger/seal';

/** The sealed and evidence forms are hashed: they must stay what Object.fromEntries of the filtered entries made. */
const reference = (record: object, drop: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([k, v]) => !drop.includes(k) && v !== undefined));
const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    '__proto__',
    '_stamps',
    'updatedAt',
    'seal',
    'id',
    'itemId',
    'clientId',
    'urlKey',
    '0',
    '10',
    'toString',
  ),
);
const record = fc.oneof(
  fc.dictionary(key, fc.oneof(fc.jsonValue(), fc.constant(undefined)), { maxKeys: 8 }),
  // JSON.parse makes "__proto__" an own member, as a hostile records.json can.
  fc.jsonValue().map((v) => JSON.parse(`{"seal":1,"__proto__":${JSON.stringify(v)},"x":1}`) as object),
);
const same = (a: object, b: object) => {
  expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
  expect(Object.entries(a)).toEqual(Object.entries(b));
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
};

describe('sealed and evidence forms', () => {
  it('are the record less bookkeeping (or less where it is filed), members in the same order', () => {
    fc.assert(
      fc.property(record, (r) => {
        same(sealedFormOf(r), reference(r, ['_stamps', 'updatedAt', 'seal']));
        same(evidenceFormOf(r), reference(r, ['_stamps', 'id', 'itemId', 'clientId', 'urlKey']));
      }),
      { seed: 20261126, numRuns: 300 },
    );
  });

  it('keep a "__proto__" member as a member', () => {
    const r = JSON.parse('{"b":1,"__proto__":{"polluted":true},"seal":2,"a":[1]}') as object;
    same(sealedFormOf(r), reference(r, ['_stamps', 'updatedAt', 'seal']));
    expect(Object.keys(sealedFormOf(r))).toEqual(['b', '__proto__', 'a']);
  });
});
