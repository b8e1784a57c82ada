import type { Machine } from '../lib/machine';
import type { Figure, Series, Status } from '../lib/types';
import { formatNumber, withUnit } from './format';

export interface Report {
  machine: Machine;
  quick: boolean;
  durationS: number;
  figures: Figure[];
  series: Series[];
  /** Suites that failed to run, with why. */
  errors: { suite: string; message: string }[];
}

const MARK: Record<Status, string> = {
  pass: '✅ pass',
  miss: '❌ miss',
  info: 'ℹ️ info',
  unjudged: '— (quick)',
  error: '⚠️ error',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function figureRow(f: Figure, noteRef: string): string {
  const r = f.result;
  const baseline = f.baseline ? `${f.baseline.name}: ${withUnit(f.baseline.result.median, f.unit)}` : '—';
  const targets = [
    f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${withUnit(f.target.value, f.unit)}` : '',
    f.ratioTarget !== undefined ? `ratio ≤ ${f.ratioTarget}` : '',
    f.ratioFloor !== undefined ? `ratio ≥ ${f.ratioFloor}` : '',
  ].filter(Boolean);
  return `| ${cell(f.area)} | ${cell(f.name)}${noteRef} | ${withUnit(r.median, f.unit)} | ${formatNumber(r.min)}–${formatNumber(
    r.max,
  )} | ${r.runs} | ${cell(baseline)} | ${f.ratio !== undefined ? formatNumber(f.ratio) : '—'} | ${
    targets.join(', ') || '—'
  } | ${MARK[f.status ?? 'info']} |`;
}

function seriesTable(s: Series): string {
  const head = `| ${cell(s.xLabel)} | median | min–max |\n|---|---|---|`;
  const rows = s.points.map(
    (p) => `| ${cell(p.label)} | ${withUnit(p.median, s.unit)} | ${formatNumber(p.min)}–${formatNumber(p.max)} |`,
  );
  return `**${s.title}**\n\n${head}\n${rows.join('\n')}`;
}

/** The human table in BENCHMARKS.md; `findings` (hand-written analysis) is appended as it is. */
export function renderMarkdown(report: Report, findings: string, chartPath: string): string {
  const m = report.machine;
  const notes: string[] = [];
  const rows = report.figures.map((f) => {
    if (!f.note) return figureRow(f, '');
    notes.push(f.note);
    return figureRow(f, ` [${notes.length}]`);
  });
  const counts = (['pass', 'miss', 'info', 'error'] as const)
    .map((s) => `${report.figures.filter((f) => f.status === s).length} ${s}`)
    .join(', ');
  return [
    '# Docket benchmarks',
    '',
    `Written by \`npm run bench\`${report.quick ? ' --quick (figures not judged)' : ''} — do not edit by hand; the analysis at the end comes from \`bench/findings.md\`.`,
    '',
    '| machine | |',
    '|---|---|',
    `| date | ${m.date} |`,
    `| commit | ${m.commit} |`,
    `| CPU | ${cell(m.cpu)}, ${m.cores} cores, ${m.memoryGiB} GiB |`,
    `| Node | ${m.node} |`,
    `| Chromium | ${cell(m.chromium)} |`,
    `| platform | ${m.platform} |`,
    `| run time | ${formatNumber(report.durationS)} s |`,
    '',
    `Each figure: the median and min–max of its measured runs after a warm-up, the baseline measured in the same run, the ratio of the medians, the target and whether the median meets it (${counts}).`,
    '',
    '| area | figure | median | min–max | runs | baseline (median) | ratio | target | result |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...notes.map((n, i) => `${i + 1}. ${n}`),
    ...(report.errors.length
      ? ['', '## Suites that did not run', '', ...report.errors.map((e) => `- **${e.suite}**: ${e.message}`)]
      : []),
    '',
    '## How the figures grow',
    '',
    `![growth curves](${chartPath})`,
    '',
    ...report.series.flatMap((s) => [seriesTable(s), '']),
    findings.trim(),
    '',
  ].join('\n');
}
