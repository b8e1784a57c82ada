import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/ledger/canonical';
import { PACK_FILES } from '../../../../shared/ledger/pack';
import { verifyPack, type PackReport } from '../../../../shared/ledger/verify';
import { acmeScenario, type Scenario } from '../../../support/ledger-scenario';

/**
 * Any single change to a shared client's pack is detected and named: a byte of a leaf line, of records.json, the
 * checkpoints, the keys or an evidence image; a leaf line removed, repeated or two swapped. A change that leaves a
 * JSON file's value as it was (indentation) changes nothing and is not counted.
 */
const seed = Number(process.env.LEDGER_PROPERTY_SEED ?? 20261206);
const numRuns = Number(process.env.LEDGER_PROPERTY_RUNS ?? 50);

let pack: Scenario;
let leafLines: Uint8Array[];
beforeAll(async () => {
  pack = await acmeScenario(true);
  const bytes = pack.files.get(PACK_FILES.leaves)!;
  leafLines = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
    leafLines.push(bytes.slice(start, i + 1));
    start = i + 1;
  }
});

const joined = (lines: Uint8Array[]) => {
  const out = new Uint8Array(lines.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lines) {
    out.set(l, at);
    at += l.length;
  }
  return out;
};
const sameJson = (a: Uint8Array, b: Uint8Array) => {
  try {
    const text = (x: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(x);
    return canonicalJson(JSON.parse(text(a))) === canonicalJson(JSON.parse(text(b)));
  } catch {
    return false;
  }
};
const naming = (report: PackReport, test: (p: string) => boolean) => report.problems.some(test);
/** "line 12" but not "line 123"; or a range "lines 10–40" that holds it. */
const namesLine = (p: string, line: number) => {
  if (new RegExp(`\\bline ${line}\\b`).test(p)) return true;
  return [...p.matchAll(/lines (\d+)–(\d+)/g)].some((m) => Number(m[1]) <= line && line <= Number(m[2]));
};
const lineOfByte = (bytes: Uint8Array, at: number) => {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 10) line += 1;
  return line;
};

const FILES = ['leaves', 'records', 'checkpoints', 'keys', 'image'] as const;
type Target = (typeof FILES)[number];
const pathOf = (t: Target) => (t === 'image' ? pack.imagePath : PACK_FILES[t]);

const byteChange = fc.record({
  kind: fc.constant('byte' as const),
  file: fc.constantFrom(...FILES),
  at: fc.nat(),
  xor: fc.integer({ min: 1, max: 255 }),
});
const lineChange = fc.record({
  kind: fc.constantFrom('remove' as const, 'repeat' as const, 'swap' as const),
  a: fc.nat(),
  b: fc.nat(),
});

type ByteChange = { kind: 'byte'; file: Target; at: number; xor: number };
type LineChange = { kind: 'remove' | 'repeat' | 'swap'; a: number; b: number };

async function check(change: ByteChange | LineChange): Promise<void> {
  const files = new Map(pack.files);
  if (change.kind === 'byte') {
    const path = pathOf(change.file);
    const before = pack.files.get(path)!;
    const at = change.at % before.length;
    const after = before.slice();
    after[at]! ^= change.xor;
    if (change.file !== 'leaves' && change.file !== 'image') fc.pre(!sameJson(before, after));
    files.set(path, after);
    const report = await verifyPack(files);
    expect(report.ok, `byte ${at} of ${path}`).toBe(false);
    if (change.file === 'leaves') {
      const line = lineOfByte(before, at);
      expect(
        naming(report, (p) => p.includes(path) && (namesLine(p, line) || namesLine(p, line + 1))),
        `byte ${at} (line ${line}) of ${path}:\n${report.problems.join('\n')}`,
      ).toBe(true);
      return;
    }
    expect(
      naming(report, (p) => p.includes(path)),
      `byte ${at} of ${path}:\n${report.problems.join('\n')}`,
    ).toBe(true);
    if (change.file === 'records') {
      const span = pack.spans.find((s) => s.from <= at && at < s.to);
      let parses = true;
      try {
        JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(after));
      } catch {
        parses = false;
      }
      if (span && parses)
        expect(
          naming(report, (p) => p.includes(path) && p.includes(span.id)),
          `byte ${at} of ${path}, in ${span.table} ${span.id}:\n${report.problems.join('\n')}`,
        ).toBe(true);
    }
    return;
  }
  const n = leafLines.length;
  const lines = [...leafLines];
  let named: number[];
  if (change.kind === 'remove') {
    const a = change.a % n;
    lines.splice(a, 1);
    named = [a + 1];
  } else if (change.kind === 'repeat') {
    const a = change.a % n;
    const p = change.b % (n + 1);
    lines.splice(p, 0, leafLines[a]!);
    named = [p + 1, p + 2];
  } else {
    const a = change.a % n;
    const b = change.b % n;
    fc.pre(a !== b);
    [lines[a], lines[b]] = [lines[b]!, lines[a]!];
    named = [Math.min(a, b) + 1];
  }
  files.set(PACK_FILES.leaves, joined(lines));
  const report = await verifyPack(files);
  expect(report.ok, `${change.kind} ${change.a} ${change.b}`).toBe(false);
  expect(
    naming(
      report,
      (p) =>
        p.includes(PACK_FILES.leaves) &&
        named.some((l) => namesLine(p, l) || new RegExp(`\\bchanges? ${l}\\b`).test(p)),
    ),
    `${change.kind} ${change.a} ${change.b}:\n${report.problems.join('\n')}`,
  ).toBe(true);
}

describe('verifyPack, by property', () => {
  it('the untouched pack verifies', async () => {
    expect((await verifyPack(pack.files)).problems).toEqual([]);
  });

  it('any changed byte of a leaf, records.json, the checkpoints, the keys or an image is detected and named', async () => {
    await fc.assert(fc.asyncProperty(byteChange, check), { seed, numRuns: numRuns * 2 });
  }, 30_000);

  it('a leaf line removed, repeated or swapped with another is detected and named by line', async () => {
    await fc.assert(fc.asyncProperty(lineChange, check), { seed, numRuns });
  }, 30_000);
});
