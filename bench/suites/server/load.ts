/** Many clients pulling at once, with autocannon in this process: one connection per client, one token each. */
import autocannon from 'autocannon';
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

/**
 * `ctx.warmup` then `ctx.runs` runs for each target, alternated so both see the same machine; a short pause
 * between runs lets the rate limiter's buckets refill as they would between bursts.
 */
export async function loadRuns(
  ctx: BenchContext,
  targets: { url: string; tokens: string[] }[],
  shape: LoadShape,
): Promise<LoadResult[]> {
  const seen = targets.map(() => ({ rps: [] as number[], p99: [] as number[], errors: 0 }));
  for (let run = 0; run < ctx.warmup + ctx.runs; run++) {
    for (const [i, target] of targets.entries()) {
      const r = await loadRun(target.url, target.tokens, shape);
      if (run >= ctx.warmup) {
        seen[i]!.rps.push(r.rps);
        seen[i]!.p99.push(r.p99);
        seen[i]!.errors += r.errors;
      }
      await pause(ctx.quick ? 100 : 500);
    }
  }
  return seen.map((s) => ({ rps: summarize(s.rps), p99: summarize(s.p99), errors: s.errors }));
}
