import type { Page } from 'playwright-core';
import type { Docket } from '../../lib/chromium';
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
  /** Building the index in the worker when nothing is saved (one run: it is the set-up of the searches). */
  build: number;
  /** The longest main-thread task of the page while the worker built the index (a search every 100 ms meanwhile). */
  buildLongest: number;
  /** Searches answered with hits from the partly built index. */
  partial: number;
  /** Per run of 20 edits each followed by a search: the longest main-thread task, and the slowest search. */
  updateLongest: number[];
  updateSlowest: number[];
}

const EDITS = 20;

/** Builds the index as the log page does, then times every query `runs` times after `warmup`. */
export async function timeSearches(ctx: BenchContext, bench: Page): Promise<SearchTimes> {
  const built = await bench.evaluate(() => docketBench.log.buildIndex());
  const { times, hits } = await bench.evaluate(
    ({ queries, runs, warmup }) => docketBench.log.search(queries, runs, warmup),
    { queries: QUERIES.map((x) => x.q), runs: ctx.runs, warmup: ctx.warmup },
  );
  const updateLongest: number[] = [];
  const updateSlowest: number[] = [];
  for (let run = 0; run < ctx.warmup + ctx.runs; run++) {
    const u = await bench.evaluate(({ edits, run }) => docketBench.log.updateIndex(edits, run), { edits: EDITS, run });
    if (run < ctx.warmup) continue;
    updateLongest.push(u.longest);
    updateSlowest.push(u.slowest);
  }
  await bench.evaluate(() => docketBench.log.dropIndex());
  // A fast search that finds nothing proves nothing: every query but the no-hit one must find items.
  for (const x of QUERIES)
    if ('none' in x ? hits[x.q] !== 0 : !hits[x.q]) throw new Error(`search for “${x.q}” found ${hits[x.q]} item(s)`);
  const medians = Object.entries(times).map(([q, ms]) => ({ q, median: median(ms) }));
  const worst = medians.reduce((a, b) => (b.median > a.median ? b : a));
  return {
    samples: Object.values(times).flat(),
    worst,
    build: built.ms,
    buildLongest: built.longest,
    partial: built.partial,
    updateLongest,
    updateSlowest,
  };
}

/** The query typed into the search box of a freshly opened log page. */
const FIRST_QUERY = 'renewal';

/**
 * Opens log.html in a fresh tab (the index saved by an earlier page), puts a query in the search box as soon as it
 * is on screen, as one input event (a paste, or the last key of a word typed fast), and returns, by the page's own
 * clock, the time from that input to the first animation frame showing the hits, and from navigation start to it.
 */
async function firstSearchOnce(docket: Docket): Promise<{ fromInput: number; fromOpen: number }> {
  const page = await docket.context.newPage();
  try {
    await page.goto(docket.url('log.html'), { waitUntil: 'commit' });
    const box = page.locator('input[name="search"]');
    await box.waitFor({ state: 'visible', timeout: 60_000 });
    await page.evaluate(() => {
      const w = window as unknown as { firstInput?: number };
      document.addEventListener('input', () => (w.firstInput ??= performance.now()), { capture: true });
    });
    await box.fill(FIRST_QUERY);
    const at = await page.waitForFunction(
      (q) => {
        const heading = document.querySelector('section[aria-label="Search results"] h2')?.textContent ?? '';
        const rows = document.querySelectorAll('[data-testid="search-results"] li').length;
        const w = window as unknown as { firstInput?: number };
        return heading.includes(q) && rows > 0 && !document.querySelector('[data-testid="search-progress"]')
          ? [performance.now() - w.firstInput!, performance.now()]
          : false;
      },
      FIRST_QUERY,
      { polling: 'raf', timeout: 60_000 },
    );
    const [fromInput, fromOpen] = (await at.jsonValue()) as [number, number];
    return { fromInput, fromOpen };
  } finally {
    await page.close();
  }
}

export interface FirstSearch {
  fromInput: number[];
  fromOpen: number[];
}

/** The first search of a freshly opened log page, `ctx.runs` times after `ctx.warmup`, each in a fresh tab. */
export async function timeFirstSearch(ctx: BenchContext, docket: Docket): Promise<FirstSearch> {
  const out: FirstSearch = { fromInput: [], fromOpen: [] };
  for (let run = 0; run < ctx.warmup + ctx.runs; run++) {
    const once = await firstSearchOnce(docket);
    if (run < ctx.warmup) continue;
    out.fromInput.push(once.fromInput);
    out.fromOpen.push(once.fromOpen);
  }
  return out;
}

export function firstSearchFigure(items: number, first: FirstSearch): Figure {
  return msFigure(
    'log.search-first-50k',
    `first search at ${count(items)} items, from opening the log`,
    first.fromInput,
    {
      target: { op: '<=', value: 300 },
      note:
        `A fresh tab of log.html, the search index saved by an earlier page: “${FIRST_QUERY}” is put in the search box ` +
        `as soon as the box is on screen (one input event), timed by the page's own clock from that input to the first ` +
        `animation frame showing the hits of the whole log (the search worker starting, loading the saved index, ` +
        `catching up with the log, searching, and the view reading the hits' items and drawing them). From navigation ` +
        `start to that frame: median ${median(first.fromOpen).toFixed(0)} ms (the page's own loading included).`,
    },
  );
}

function searchNote(times: SearchTimes): string {
  const list = QUERIES.map((x) => `“${x.q}” (${x.what})`).join(', ');
  return (
    `What the search view runs on each keystroke: a message to the search worker, which searches its index (no ` +
    `write since the last search: nothing read from IndexedDB but the hits' captures for their snippets) for 100 ` +
    `hits over all clients, and the hits back; timed in the bench page of the extension. ` +
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
        `When no index is saved (first run, another format): the search worker reads every item and vendor, then ` +
        `the captures 2,000 at a time (~2,000 characters each), indexes them and saves the index; timed in the bench ` +
        `page from the first search to the first answer over the whole log. One run per log size (it is the set-up ` +
        `of the searches). Meanwhile searches answer from what is indexed so far (${times.partial} of the searches ` +
        `sent every 100 ms during this build had hits), and the search view says how far indexing has got.`,
    }),
    msFigure(
      'log.search-build-longtask-50k',
      `longest main-thread task while the index of ${count(items)} items builds`,
      [times.buildLongest],
      {
        target: { op: '<=', value: 100 },
        note:
          `The longest task of the bench page's main thread (PerformanceObserver 'longtask', which reports tasks over ` +
          `50 ms; 0 when there was none) while the search worker built the index, with a search sent every 100 ms. One ` +
          `run (the build above).`,
      },
    ),
    msFigure(
      'log.search-update-longtask-50k',
      `longest main-thread task while the index of ${count(items)} items updates`,
      times.updateLongest,
      {
        target: { op: '<=', value: 100 },
        note:
          `Per run, ${EDITS} items edited through the product's updateItem, each followed by the search the open search ` +
          `view runs (the worker catches up with the edit, then searches, and must find the item by its new notes): the ` +
          `longest task of the page's main thread (PerformanceObserver 'longtask', over 50 ms; 0 when none), the ` +
          `edits' own work included. The slowest search after an edit: median ${median(times.updateSlowest).toFixed(0)} ms.`,
      },
    ),
  );
  return figures;
}
