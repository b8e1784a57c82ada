/**
 * `node verify.mjs` on the ledger pack of a large shared client (target: 10,000 items in ≤ 5 s), the bundle built by
 * scripts/build-verifier.mjs exactly as a pack carries it, timed from process start to exit. Baseline, same run:
 * a bare Node process that reads the same ledger files and does the least any verifier must (each leaf line
 * hashed with node:crypto and parsed, records.json parsed), checking nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { measure } from '../../lib/stats';
import type { BenchContext, Figure } from '../../lib/types';
import { bigPack } from './big-pack';

const BASELINE = `
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const dir = process.argv[1];
const leaves = readFileSync(dir + '/ledger/leaves.jsonl');
let start = 0, n = 0;
for (let i = leaves.indexOf(10); i !== -1; i = leaves.indexOf(10, start)) {
  const line = leaves.subarray(start, i);
  createHash('sha256').update(Buffer.of(0)).update(line).digest();
  JSON.parse(line.toString('utf8'));
  start = i + 1; n++;
}
JSON.parse(readFileSync(dir + '/ledger/records.json', 'utf8'));
JSON.parse(readFileSync(dir + '/ledger/checkpoints.json', 'utf8'));
if (n === 0) process.exit(1);
`;

const count = (n: number) => n.toLocaleString('en-US');

export async function verifyPackFigure(ctx: BenchContext, items = ctx.quick ? 500 : 10_000): Promise<Figure> {
  const dir = join(ctx.tmp, 'verifier');
  ctx.log(`ledger: building verify.mjs and a pack of ${count(items)} items`);
  execFileSync(process.execPath, [resolve('scripts/build-verifier.mjs'), dir], { stdio: 'pipe' });
  const started = performance.now();
  const pack = await bigPack(items);
  const madeMs = performance.now() - started;
  const folder = join(ctx.tmp, 'big-pack');
  let bytes = 0;
  for (const [path, data] of pack.files) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), data);
    bytes += data.length;
  }
  const verify = () => {
    const run = spawnSync(process.execPath, [join(dir, 'verify.mjs'), folder], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (run.status !== 0) throw new Error(`verify.mjs exited ${run.status}: ${(run.stdout + run.stderr).slice(-2000)}`);
  };
  const bare = () => {
    const run = spawnSync(process.execPath, ['-e', BASELINE, folder], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the baseline failed: ${run.stderr}`);
  };
  ctx.log(`ledger: verifying ${count(pack.leaves)} changes (${ctx.runs} runs)`);
  const result = await measure(verify, { runs: ctx.runs, warmup: ctx.warmup });
  const baseline = await measure(bare, { runs: ctx.runs, warmup: ctx.warmup });
  return {
    id: `ledger.verify-pack-${items >= 1000 ? `${items / 1000}k` : items}`,
    area: 'sync',
    name: `verify.mjs on the pack of a ${count(items)}-item client`,
    unit: 'ms',
    result,
    baseline: { name: 'reading the same files, hashing and parsing each leaf, checking nothing', result: baseline },
    target: { op: '<=', value: 5000 },
    note:
      `node verify.mjs <folder>, process start to exit, exit 0 checked: ${count(pack.leaves)} changes in ` +
      `leaves.jsonl, ${count(pack.checkpoints)} checkpoints (server-signed, co-signed), ${pack.meetings} sealed ` +
      `meetings of up to 200 items, ${count(items / 2)} captures; ${(bytes / 1e6).toFixed(0)} MB of ledger files ` +
      `(made in ${(madeMs / 1000).toFixed(0)} s, not timed).`,
  };
}
