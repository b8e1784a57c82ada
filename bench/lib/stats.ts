import type { Summary } from './types';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  return {
    median: median(samples),
    min: Math.min(...samples),
    max: Math.max(...samples),
    runs: samples.length,
    samples: [...samples],
  };
}

/**
 * Times `fn` `runs` times after `warmup` unmeasured calls. `setup` runs before each call, outside the timing.
 * For work inside Chromium, time there and pass the samples to `summarize` instead.
 */
export async function measure(
  fn: () => unknown,
  opts: { runs: number; warmup: number; setup?: () => unknown },
): Promise<Summary> {
  for (let i = 0; i < opts.warmup; i++) {
    await opts.setup?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    await opts.setup?.();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}
