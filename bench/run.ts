/**
 * `npm run bench`: builds the extension (production for sizes, bench for Chromium), runs every suite, judges each
 * figure against its target and same-run baseline, and writes bench/results.json, BENCHMARKS.md and bench/chart.svg.
 * `--quick` (CI) runs small data once to prove the harness works, judges nothing and writes to bench/quick/.
 * `--only=capture,log` runs some suites (the others' figures are kept from the last bench/results.json); `--no-build` reuses the builds in .output (or DOCKET_OUT_DIR);
 * `--report` only rewrites BENCHMARKS.md and the chart from bench/results.json (after editing bench/findings.md).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { BENCH_BUILD, buildExtension, PRODUCTION_BUILD } from './lib/build';
import { judge } from './lib/judge';
import { describeMachine } from './lib/machine';
import { stopBenchPostgres } from './lib/postgres';
import type { BenchContext, Figure, Series, Suite } from './lib/types';
import { renderChart } from './report/chart';
import { renderMarkdown, type Report } from './report/markdown';
import { suite as bundles } from './suites/bundles';
import { suite as capture } from './suites/capture';
import { suite as ledger } from './suites/ledger';
import { suite as log } from './suites/log';
import { suite as server } from './suites/server';
import { suite as sync } from './suites/sync';

const SUITES: Suite[] = [bundles, capture, log, sync, server, ledger];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const unknown = only?.filter((name) => !SUITES.some((s) => s.name === name)) ?? [];
if (unknown.length) {
  console.error(`unknown suite ${unknown.join(', ')}; the suites are ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const say = (message: string) =>
  console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}`);
const outDir = resolve(quick ? 'bench/quick' : 'bench');
const markdownPath = quick ? join(outDir, 'BENCHMARKS.md') : resolve('BENCHMARKS.md');
const chartPath = join(outDir, 'chart.svg');

function writeReport(report: Report): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(chartPath, renderChart(report.series));
  let findings = '';
  try {
    findings = readFileSync(resolve('bench/findings.md'), 'utf8');
  } catch {
    // No analysis written yet.
  }
  writeFileSync(markdownPath, renderMarkdown(report, findings, relative(resolve(markdownPath, '..'), chartPath)));
}

if (args.includes('--report')) {
  writeReport(JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as Report);
  say(
    `rewrote ${relative(process.cwd(), markdownPath)} and the chart from ${relative(process.cwd(), outDir)}/results.json`,
  );
  process.exit(0);
}

if (!args.includes('--no-build')) {
  say('building the extension (production, then bench)…');
  buildExtension('production');
  buildExtension('bench');
}

const tmp = mkdtempSync(join(tmpdir(), 'docket-bench-'));
const ctx: BenchContext = {
  quick,
  runs: quick ? 1 : 5,
  warmup: quick ? 0 : 1,
  extensionDir: BENCH_BUILD,
  productionDir: PRODUCTION_BUILD,
  tmp,
  log: say,
};

const figures: Figure[] = [];
const series: Series[] = [];
const errors: Report['errors'] = [];
try {
  for (const suite of SUITES.filter((s) => !only || only.includes(s.name))) {
    say(`suite ${suite.name}…`);
    try {
      const result = await suite.run(ctx);
      figures.push(...result.figures.map((f) => judge({ ...f, suite: suite.name }, quick)));
      series.push(...result.series.map((x) => ({ ...x, suite: suite.name })));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      errors.push({ suite: suite.name, message: message.split('\n').slice(0, 3).join(' ') });
      say(`suite ${suite.name} failed: ${message}`);
    }
  }
} finally {
  await stopBenchPostgres();
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * A run of some suites (`--only`) keeps the other suites' figures from the last results, so the report stays whole:
 * each names its suite (older results: ids start with their suite's name, `log.open-50k`); a figure measured again
 * in this run is never kept twice.
 */
function keptFromLast(): Pick<Report, 'figures' | 'series'> {
  if (!only) return { figures: [], series: [] };
  try {
    const last = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as Report;
    const fresh = new Set([...figures, ...series].map((x) => x.id));
    const other = (x: { id: string; suite?: string }) =>
      !fresh.has(x.id) && !only.includes(x.suite ?? x.id.split('.')[0]!);
    return { figures: last.figures.filter(other), series: last.series.filter(other) };
  } catch {
    return { figures: [], series: [] }; // no earlier results
  }
}

const kept = keptFromLast();
const order = (id: string) => SUITES.findIndex((s) => s.name === id.split('.')[0]);
const byOrder = <T extends { id: string }>(list: T[]) => list.sort((a, b) => order(a.id) - order(b.id));
const report: Report = {
  machine: describeMachine(),
  quick,
  durationS: (performance.now() - started) / 1000,
  figures: byOrder([...kept.figures, ...figures]),
  series: byOrder([...kept.series, ...series]),
  errors,
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), JSON.stringify(report, null, 2) + '\n');
writeReport(report);

for (const f of figures)
  say(
    `${f.status?.padEnd(8)} ${f.id}: ${f.result.median.toFixed(2)} ${f.unit}${f.ratio ? ` (×${f.ratio.toFixed(2)})` : ''}`,
  );
say(`wrote ${relative(process.cwd(), markdownPath)}, ${relative(process.cwd(), outDir)}/results.json and chart.svg`);
if (errors.length) {
  console.error(`${errors.length} suite(s) failed: ${errors.map((e) => e.suite).join(', ')}`);
  process.exit(1);
}
// A quick run with no figure measured proves nothing.
if (figures.length === 0) {
  console.error('no figure was measured');
  process.exit(1);
}
