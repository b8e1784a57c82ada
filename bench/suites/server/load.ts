/** Many clients pulling at once, with autocannon in this process: one connection per client, one token each. */
import autocannon from 'autocannon';
import type { CpuMeter, CpuSpent } from '../../lib/cpu';
import { summarize } from '../../lib/stats';
import type { BenchContext, Summary } from '../../lib/types';
import { pause } from './http';

export interface LoadShape {
  connections: number;
  seconds: number;
}

export interface LoadResult {
  /** Successful responses per second. */
  rps: Summary;
  /** 99th-percentile latency, ms. */
  p99: Summary;
  errors: number;
  /** With a meter: where the CPU went over the measured runs. */
  cpu?: CpuSpent;
}

export const loadShape = (ctx: BenchContext): LoadShape =>
  ctx.quick ? { connections: 10, seconds: 1 } : { connections: 50, seconds: 3 };

/** One run against `url`; connection i sends `tokens[i]`. A non-2xx answer (a 429 from the limiter) fails it. */
export async function loadRun(url: string, tokens: string[], shape: LoadShape) {
  let next = 0;
  const result = await autocannon({
    url,
    connections: shape.connections,
    duration: shape.seconds,
    setupClient: (client) => client.setHeaders({ authorization: `Bearer ${tokens[next++ % tokens.length]}` }),
  });
  if (result.non2xx > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers (${JSON.stringify(result.statusCodeStats)})`);
  }
  return { rps: result['2xx'] / result.duration, p99: result.latency.p99, errors: result.errors + result.timeouts };
}

export interface LoadTarget {
  url: string;
  tokens: string[];
}

/**
 * One run split over several targets at once (as many autocannon instances in this process, started together,
 * sharing the shape's connections): answers per second add up; the p99 is the highest of the instances' (an upper
 * bound of the whole run's).
 */
export async function splitRun(legs: LoadTarget[], shape: LoadShape) {
  const connections = Math.floor(shape.connections / legs.length);
  const runs = await Promise.all(legs.map((leg) => loadRun(leg.url, leg.tokens, { ...shape, connections })));
  return {
    rps: runs.reduce((sum, r) => sum + r.rps, 0),
    p99: Math.max(...runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

/**
 * `ctx.warmup` then `ctx.runs` runs for each target, alternated so all see the same machine; a short pause
 * between runs lets the rate limiter's buckets refill as they would between bursts. A target given as a list is
 * loaded as one `splitRun`.
 */
export async function loadRuns(
  ctx: BenchContext,
  targets: (LoadTarget | LoadTarget[])[],
  shape: LoadShape,
  meter?: CpuMeter,
): Promise<LoadResult[]> {
  const seen = targets.map(() => ({
    rps: [] as number[],
    p99: [] as number[],
    errors: 0,
    ms: 0,
    requests: 0,
    cpu: {} as Record<string, number>,
  }));
  for (let run = 0; run < ctx.warmup + ctx.runs; run++) {
    for (const [i, target] of targets.entries()) {
      const before = await meter?.();
      const start = performance.now();
      const r = Array.isArray(target) ? await splitRun(target, shape) : await loadRun(target.url, target.tokens, shape);
      const ms = performance.now() - start;
      const after = await meter?.();
      if (run >= ctx.warmup) {
        const s = seen[i]!;
        s.rps.push(r.rps);
        s.p99.push(r.p99);
        s.errors += r.errors;
        s.ms += ms;
        s.requests += r.rps * shape.seconds;
        for (const [key, ms] of Object.entries(after ?? {})) s.cpu[key] = (s.cpu[key] ?? 0) + ms - before![key]!;
      }
      await pause(ctx.quick ? 100 : 500);
    }
  }
  return seen.map((s) => ({
    rps: summarize(s.rps),
    p99: summarize(s.p99),
    errors: s.errors,
    ...(meter && {
      cpu: {
        perRequestUs: Object.fromEntries(Object.entries(s.cpu).map(([k, v]) => [k, (v * 1000) / s.requests])),
        cores: Object.fromEntries(Object.entries(s.cpu).map(([k, v]) => [k, v / s.ms])),
      },
    }),
  }));
}
