/**
 * `npx tsx bench/verify-pack.ts [--items=10000] [--runs=5] [--quick]`: measures `node verify.mjs` on a large
 * client's pack on its own (bench/suites/ledger/verify-pack.ts has the figure, for a suite to include) and prints
 * the figure as JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyPackFigure } from './suites/ledger/verify-pack';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = process.argv.includes('--quick');
const tmp = mkdtempSync(join(tmpdir(), 'docket-verify-bench-'));
const started = performance.now();
try {
  const figure = await verifyPackFigure(
    {
      quick,
      runs: Number(arg('runs') ?? (quick ? 1 : 5)),
      warmup: quick ? 0 : 1,
      extensionDir: '',
      productionDir: '',
      tmp,
      log: (m) => console.log(`[verify-pack ${((performance.now() - started) / 1000).toFixed(0)}s] ${m}`),
    },
    arg('items') ? Number(arg('items')) : undefined,
  );
  console.log(JSON.stringify(figure, null, 2));
  const { median, min, max } = figure.result;
  console.log(
    `median ${median.toFixed(0)} ms (min ${min.toFixed(0)}, max ${max.toFixed(0)}); baseline ${figure.baseline!.result.median.toFixed(0)} ms; target ≤ ${figure.target!.value} ms`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
