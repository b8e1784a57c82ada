import type { Page } from 'playwright-core';
import { median } from '../../lib/stats';
import type { BenchContext, Figure } from '../../lib/types';
import { count, msFigure } from './figures';

/** A vCIO's searches: a common word, two words, a word being typed, a rare word, a vendor, and a word not there. */
export const QUERIES = [
  { q: 'renewal', what: 'a common word' },
  { q: 'price increase', what: 'two words' },
  { q: 'licen', what: 'a prefix, as while typing “licence”' },
  { q: '777', what: 'a rare word: one item’s number' },
  { q: 'Télécom Boréal', what: 'a vendor name, with accents' },
  { q: 'kubernetes', what: 'a word not in the log', none: true },
] as const;

export interface SearchTimes {
  /** Every query × run. */
  samples: number[];
  worst: { q: string; median: number };
  /** Building the index as the page does on its first search (one run: it is the set-up of the searches). */
  build: number;
}

/** Builds the index as the log page does, then times every query `runs` times after `warmup`. */
export async function timeSearches(ctx: BenchContext, bench: Page): Promise<SearchTimes> {
  const build = await bench.evaluate(() => docketBench.log.buildIndex());
  const { times, hits } = await bench.evaluate(
    ({ queries, runs, warmup }) => docketBench.log.search(queries, runs, warmup),
    { queries: QUERIES.map((x) => x.q), runs: ctx.runs, warmup: ctx.warmup },
  );
  await bench.evaluate(() => docketBench.log.dropIndex());
  // A fast search that finds nothing proves nothing: every query but the no-hit one must find items.
  for (const x of QUERIES)
    if ('none' in x ? hits[x.q] !== 0 : !hits[x.q]) throw new Error(`search for “${x.q}” found ${hits[x.q]} item(s)`);
  const medians = Object.entries(times).map(([q, ms]) => ({ q, median: median(ms) }));
  const worst = medians.reduce((a, b) => (b.median > a.median ? b : a));
  return { samples: Object.values(times).flat(), worst, build };
}

function searchNote(times: SearchTimes): string {
  const list = QUERIES.map((x) => `“${x.q}” (${x.what})`).join(', ');
  return (
    `What the search view runs on each keystroke: logIndex (no write since the last search: nothing read from ` +
    `IndexedDB), then LogSearch.search for 100 hits over all clients; timed in the bench page of the extension. ` +
    `Median over the queries × runs of ${list}; each run checks the hits. Slowest query: “${times.worst.q}”, ` +
    `median ${times.worst.median.toFixed(1)} ms. Rendering the hits is not included.`
  );
}

/** The search figures a log of `items` items gives (quick mode's one size stands for both), and the index build. */
export function searchFigures(ctx: BenchContext, items: number, largest: number, times: SearchTimes): Figure[] {
  const search = (id: string, target: number) =>
    msFigure(id, `full-text search over ${count(items)} items`, times.samples, {
      target: { op: '<=', value: target },
      note: searchNote(times),
    });
  const figures: Figure[] = [];
  if (items === (ctx.quick ? items : 10_000)) figures.push(search('log.search-10k', 50));
  if (items !== largest) return figures;
  figures.push(
    search('log.search-50k', 150),
    msFigure('log.search-index-50k', `building the search index of ${count(items)} items`, [times.build], {
      note:
        `logIndex on a fresh database handle, as the log page does on its first search: every item and vendor, ` +
        `then the captures 2,000 at a time (~2,000 characters each), through LogSearch. One run per log size (it ` +
        `is the set-up of the searches); the first search waits for it.`,
    }),
  );
  return figures;
}
