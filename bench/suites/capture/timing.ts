/** Timed runs of one or more capture paths, taken in turn so a noisy moment hits every path alike. */
import type { Page } from 'playwright-core';
import { tabIdOf } from '../../../test/browser/support/chromium';
import type { Docket } from '../../lib/chromium';
import { summarize } from '../../lib/stats';
import type { BenchContext, Summary } from '../../lib/types';
import type { Timed } from '../../in-extension/capture';
import type { Route } from './serve';

/** What every part of the suite shares: the browser, its bench page and the two local sites. */
export interface Env {
  ctx: BenchContext;
  docket: Docket;
  bench: Page;
  vendor: { origin: string; routes: Map<string, Route> };
  gmail: { origin: string; routes: Map<string, Route> };
}

export type Run = () => Promise<Timed>;

/** A benchmark of a failed extraction is worthless: stop the suite with what went wrong. */
export function verify(label: string, t: Timed): void {
  if (t.chars === 0) throw new Error(`${label}: the capture returned no Markdown`);
  if (t.missing.length)
    throw new Error(`${label}: the Markdown lacks ${t.missing.map((p) => JSON.stringify(p)).join(', ')}`);
}

/**
 * `ctx.warmup` unmeasured rounds, then `ctx.runs` measured ones; each round runs every path once, in order.
 * Returns one summary per path and each path's last result, for the figure's note.
 */
export async function timeInTurn(
  ctx: BenchContext,
  paths: { label: string; run: Run; check?: (t: Timed) => void }[],
): Promise<{ summary: Summary; last: Timed }[]> {
  const samples = paths.map(() => [] as number[]);
  const last: Timed[] = [];
  for (let round = 0; round < ctx.warmup + ctx.runs; round++) {
    for (const [i, path] of paths.entries()) {
      const t = await path.run();
      verify(path.label, t);
      path.check?.(t);
      last[i] = t;
      if (round >= ctx.warmup) samples[i]!.push(t.ms);
    }
  }
  return paths.map((_, i) => ({ summary: summarize(samples[i]!), last: last[i]! }));
}

/** Opens `url` in a new tab and returns it with the id the extension knows it by. */
export async function openTab(env: Env, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await env.docket.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return { page, tabId: await tabIdOf(env.bench, url) };
}
