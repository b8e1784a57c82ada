import { describe, expect, it } from 'vitest';
import { judge } from '../../../bench/lib/judge';
import type { Machine } from '../../../bench/lib/machine';
import { summarize } from '../../../bench/lib/stats';
import { niceStep, renderChart } from '../../../bench/report/chart';
import { formatNumber } from '../../../bench/report/format';
import { renderMarkdown } from '../../../bench/report/markdown';

const machine: Machine = {
  cpu: 'AMD EPYC',
  cores: 2,
  memoryGiB: 24,
  node: 'v20.20.2',
  chromium: 'Chromium 156',
  platform: 'linux x64',
  commit: 'abc1234',
  date: '2026-11-26T12:00:00.000Z',
};

describe('the benchmark report', () => {
  it('formats to three significant figures with grouped thousands', () => {
    expect(formatNumber(0.41234)).toBe('0.412');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(148.6)).toBe('149');
    expect(formatNumber(2345)).toBe('2 345');
  });

  it('gives every figure its median, range, baseline, ratio, target and verdict, with notes numbered', () => {
    const figures = [
      judge(
        {
          id: 'capture.page-1mb',
          area: 'capture',
          name: 'page of 1 MB',
          unit: 'ms',
          result: summarize([120, 110, 130, 125, 118]),
          baseline: { name: 'Readability + turndown', result: summarize([100, 101, 99, 102, 98]) },
          target: { op: '<=', value: 150 },
          ratioTarget: 1.3,
          note: 'generated | page',
        },
        false,
      ),
      judge({ id: 'x', area: 'server', name: 'memory', unit: 'MB', result: summarize([80]) }, false),
    ];
    const md = renderMarkdown(
      { machine, quick: false, durationS: 312, figures, series: [], errors: [] },
      '## Findings\n\nAll good.',
      'bench/chart.svg',
    );
    expect(md).toContain('| Chromium | Chromium 156 |');
    expect(md).toContain(
      '| capture | page of 1 MB [1] | 120 ms | 110–130 | 5 | Readability + turndown: 100 ms | 1.20 | ≤ 150 ms, ratio ≤ 1.3 | ✅ pass |',
    );
    expect(md).toContain('| server | memory | 80.0 MB | 80.0–80.0 | 1 | — | — | — | ℹ️ info |');
    expect(md).toContain('1. generated | page');
    expect(md).toContain('![growth curves](bench/chart.svg)');
    expect(md.trimEnd().endsWith('All good.')).toBe(true);
  });

  it('lists suites that failed to run', () => {
    const md = renderMarkdown(
      { machine, quick: true, durationS: 1, figures: [], series: [], errors: [{ suite: 'sync', message: 'boom' }] },
      '',
      'chart.svg',
    );
    expect(md).toContain('- **sync**: boom');
    expect(md).toContain('--quick (figures not judged)');
  });

  it('draws one panel per growth series, with a point per size, escaping labels', () => {
    const svg = renderChart([
      {
        id: 'capture.growth',
        title: 'Capture <time> against page size',
        xLabel: 'page size',
        unit: 'ms',
        points: [
          { x: 1e5, label: '100 kB', median: 20, min: 18, max: 25 },
          { x: 1e6, label: '1 MB', median: 120, min: 110, max: 130 },
          { x: 5e6, label: '5 MB', median: 600, min: 580, max: 650 },
        ],
      },
    ]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('Capture &lt;time&gt; against page size');
    expect(svg).not.toContain('NaN');
    expect(renderChart([])).toContain('no growth series');
  });

  it('puts grid lines on round values', () => {
    expect(niceStep(2548)).toBe(1000);
    expect(niceStep(40)).toBe(10);
    expect(niceStep(0.9)).toBe(0.5);
    expect(niceStep(65_000)).toBe(20_000);
  });
});
