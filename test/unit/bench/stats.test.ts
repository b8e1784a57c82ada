import { describe, expect, it } from 'vitest';
import { judge } from '../../../bench/lib/judge';
import { measure, median, percentile, summarize } from '../../../bench/lib/stats';
import type { Figure } from '../../../bench/lib/types';

describe('bench statistics', () => {
  it('takes the median of odd and even counts without reordering the input', () => {
    const samples = [9, 1, 5];
    expect(median(samples)).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(samples).toEqual([9, 1, 5]);
    expect(() => median([])).toThrow(/no values/);
  });

  it('reads nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarises min, max and run count', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3, samples: [3, 1, 2] });
  });

  it('measures the runs after the warm-up, with setup outside the timing', async () => {
    let calls = 0;
    let setups = 0;
    const summary = await measure(() => calls++, { runs: 5, warmup: 2, setup: () => setups++ });
    expect(calls).toBe(7);
    expect(setups).toBe(7);
    expect(summary.runs).toBe(5);
    expect(summary.min).toBeGreaterThanOrEqual(0);
  });
});

const figure = (median: number, over: Partial<Figure> = {}): Figure => ({
  id: 'capture.page-1mb',
  area: 'capture',
  name: 'page of 1 MB',
  unit: 'ms',
  result: summarize([median]),
  ...over,
});

describe('judging a figure', () => {
  it('passes at the target and misses past it, both ways', () => {
    expect(judge(figure(150, { target: { op: '<=', value: 150 } }), false).status).toBe('pass');
    expect(judge(figure(151, { target: { op: '<=', value: 150 } }), false).status).toBe('miss');
    expect(judge(figure(1999, { target: { op: '>=', value: 2000 } }), false).status).toBe('miss');
  });

  it('computes the ratio to the baseline and holds it to the ratio target', () => {
    const base = { name: 'bare', result: summarize([100]) };
    const ok = judge(figure(120, { baseline: base, ratioTarget: 1.3, target: { op: '<=', value: 150 } }), false);
    expect(ok.ratio).toBeCloseTo(1.2);
    expect(ok.status).toBe('pass');
    expect(judge(figure(140, { baseline: base, ratioTarget: 1.3 }), false).status).toBe('miss');
  });

  it('holds a throughput to a ratio floor against a faster baseline', () => {
    const base = { name: 'bare', result: summarize([1000]) };
    expect(judge(figure(150, { baseline: base, ratioFloor: 0.15 }), false).status).toBe('pass');
    expect(judge(figure(149, { baseline: base, ratioFloor: 0.15 }), false).status).toBe('miss');
    expect(judge(figure(149, { ratioFloor: 0.15 }), false).status).toBe('miss'); // no baseline, no ratio
  });

  it('reports figures without targets as information and never judges a quick run', () => {
    expect(judge(figure(5), false).status).toBe('info');
    expect(judge(figure(5000, { target: { op: '<=', value: 1 } }), true).status).toBe('unjudged');
  });
});
