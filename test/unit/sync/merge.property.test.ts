import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, formatHlc } from '../../../shared/sync/hlc';
import {
  applyChanges,
  canonicalJson,
  recordKey,
  type Conflict,
  type IncomingChange,
  type RecordFields,
} from '../../../shared/sync/merge';

/**
 * CRDT properties of the merge, over random change sets on a few records, fields and replicas. Fixed seed by
 * default; SYNC_PROPERTY_RUNS raises the number of runs, SYNC_PROPERTY_SEED picks another seed.
 */
const seed = Number(process.env.SYNC_PROPERTY_SEED ?? 20261126);
const numRuns = Number(process.env.SYNC_PROPERTY_RUNS ?? 300);
const T = 1_764_169_200_000;

const value = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('x', 'y', null),
  // Equal objects with different key order: equal values by canonical JSON.
  fc.constantFrom({ a: 1, b: 2 }, { b: 2, a: 1 }, { a: 2 }),
);

const rawChange = fc.record({
  id: fc.constantFrom('a', 'b'),
  field: fc.constantFrom('title', 'notes', '_deleted'),
  replica: fc.constantFrom('r1', 'r2', 'r3'),
  ms: fc.integer({ min: 0, max: 6 }),
  counter: fc.integer({ min: 0, max: 2 }),
  value,
  /** Which earlier stamp of the same field the writer had seen, if any. */
  saw: fc.option(fc.nat(), { nil: null }),
});

/** A set of changes as correct replicas make them: one value per field per stamp, bases older than the write. */
const changeSet = fc.array(rawChange, { minLength: 1, maxLength: 40 }).map((raws) => {
  const seen = new Set<string>();
  const changes: IncomingChange[] = [];
  for (const r of raws) {
    const hlc = formatHlc({ ms: T + r.ms, counter: r.counter, node: r.replica });
    const key = `${r.id}:${r.field}:${hlc}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const v = r.field === '_deleted' ? true : r.value;
    changes.push({ table: 'items', id: r.id, field: r.field, value: v, hlc, base: null, replicaId: r.replica });
  }
  raws.forEach((r, i) => {
    const c = changes[i];
    if (!c || r.saw === null) return;
    const earlier = changes.filter((o) => o.id === c.id && o.field === c.field && compareHlc(o.hlc, c.hlc) < 0);
    c.base = earlier.length ? earlier[r.saw % earlier.length]!.hlc : null;
  });
  return changes;
});

/** The set in some order, with some changes delivered more than once (retries, re-pulls). */
const deliveries = (changes: IncomingChange[]) =>
  fc.array(fc.nat({ max: changes.length - 1 }), { maxLength: 10 }).chain((dups) => {
    const all = [...changes, ...dups.map((i) => changes[i]!)];
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });

const scenario = changeSet.chain((changes) => fc.tuple(fc.constant(changes), deliveries(changes), deliveries(changes)));

type Merge = (state: Map<string, RecordFields>, changes: IncomingChange[]) => { conflicts: Conflict[] };

/** A comparable picture of the state: per record and field, the stamp, writer and canonical value. */
function picture(state: Map<string, RecordFields>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const key of [...state.keys()].sort()) {
    const fields = state.get(key)!;
    out[key] = Object.fromEntries(
      Object.keys(fields)
        .sort()
        .map((f) => [f, `${fields[f]!.hlc} ${fields[f]!.replicaId} ${canonicalJson(fields[f]!.value)}`]),
    );
  }
  return out;
}

/** The reference model: each field holds the value of its highest stamp. */
function reference(changes: IncomingChange[]): Record<string, Record<string, string>> {
  const best = new Map<string, RecordFields>();
  for (const c of changes) {
    const fields = best.get(recordKey(c.table, c.id)) ?? {};
    const cur = fields[c.field];
    if (!cur || compareHlc(c.hlc, cur.hlc) > 0)
      fields[c.field] = { value: c.value, hlc: c.hlc, replicaId: c.replicaId };
    best.set(recordKey(c.table, c.id), fields);
  }
  return picture(best);
}

/**
 * No value is dropped unseen: each change's value is the field's final value, or was returned as lost in a
 * conflict, or was the value a later writer of that field had seen (its `base`) and knowingly replaced.
 */
function noValueLost(changes: IncomingChange[], order: IncomingChange[], merge: Merge): boolean {
  const state = new Map<string, RecordFields>();
  const { conflicts } = merge(state, order);
  const where = (c: { id: string; field: string }) => `${c.id}:${c.field}`;
  const kept = new Set<string>();
  for (const [key, fields] of state) {
    const id = key.slice('items:'.length);
    for (const [field, s] of Object.entries(fields)) kept.add(`${id}:${field}|${canonicalJson(s.value)}`);
  }
  for (const c of conflicts) kept.add(`${where(c)}|${canonicalJson(c.lost.value)}`);
  const bases = new Set(changes.filter((c) => c.base).map((c) => `${where(c)}:${c.base}`));
  for (const c of changes) if (bases.has(`${where(c)}:${c.hlc}`)) kept.add(`${where(c)}|${canonicalJson(c.value)}`);
  return changes.every((c) => kept.has(`${where(c)}|${canonicalJson(c.value)}`));
}

describe('merge properties', () => {
  it('converges: any order, with duplicates, gives the same fields as the reference model', () => {
    fc.assert(
      fc.property(scenario, ([changes, first, second]) => {
        const one = new Map<string, RecordFields>();
        const two = new Map<string, RecordFields>();
        applyChanges(one, first);
        applyChanges(two, second);
        expect(picture(one)).toEqual(picture(two));
        expect(picture(one)).toEqual(reference(changes));
      }),
      { seed, numRuns },
    );
  });

  it('applying a change twice is applying it once (conflicts repeat, but name the same lost stamps)', () => {
    fc.assert(
      fc.property(changeSet, (changes) => {
        const once = new Map<string, RecordFields>();
        const twice = new Map<string, RecordFields>();
        const a = applyChanges(once, changes);
        const b = applyChanges(
          twice,
          changes.flatMap((c) => [c, c]),
        );
        expect(picture(twice)).toEqual(picture(once));
        // A losing change leaves no trace in the fields, so a repeat reports it again: history keys on the lost stamp.
        const lost = (cs: Conflict[]) => [...new Set(cs.map((c) => `${c.id}:${c.field}:${c.lost.hlc}`))].sort();
        expect(lost(b.conflicts)).toEqual(lost(a.conflicts));
      }),
      { seed, numRuns },
    );
  });

  it('loses no acknowledged write: final, returned as lost, or seen and replaced by a later writer', () => {
    fc.assert(
      fc.property(scenario, ([changes, order]) => noValueLost(changes, order, applyChanges)),
      { seed, numRuns },
    );
  });

  it('(the property above catches a merge that forgets conflicts)', () => {
    const forgetful: Merge = (state, changes) => {
      applyChanges(state, changes);
      return { conflicts: [] };
    };
    const result = fc.check(
      fc.property(scenario, ([changes, order]) => noValueLost(changes, order, forgetful)),
      { seed, numRuns },
    );
    expect(result.failed).toBe(true);
  });
});
