/**
 * Sync in real Chromium against the real server: a first sync of a large space into an empty replica (10k and 50k
 * items, and its growth), the same 10k from the server on PostgreSQL, and how soon an edit in one browser shows in
 * a teammate's open log page. Quick mode syncs one small space, from SQLite only.
 */
import { launchBench, openBenchPage } from '../lib/chromium';
import { benchDatabase, POSTGRES_SETUP } from '../lib/postgres';
import { percentile, summarize } from '../lib/stats';
import { formatNumber } from '../report/format';
import type { BenchContext, Figure, Series, Suite } from '../lib/types';
import { type InitialSync, measureInitialSync } from './sync/initial';
import { measurePoke } from './sync/poke';

/** Sizes of the growth series; quick mode syncs one small space. */
const SIZES = [1_000, 10_000, 50_000];
const QUICK_SIZE = 500;
/** Runs at 50k: seeding and syncing 50k items takes long enough that more would not fit the suite's time budget. */
const RUNS_50K = 1;

/** From a CPU profile of the bench page during a 10k-item sync (5 Dec 2026, unminified bench build). */
const WHERE_TIME_GOES =
  "Where the time goes: the page's main thread is the limit (idle about 1 s of 11). A first sync now writes one " +
  'row per record (the record with its stamps; no history row, no field-by-field merge for a record new to the ' +
  'replica): IndexedDB put calls about 2.3 s and Dexie around them 0.8 s, zod validation about 2 s (the ' +
  "transport's check of each page, which the baseline does too, and each record's schema check), garbage " +
  'collection about 2 s; downloading is hidden behind applying, the next page being fetched meanwhile.';

const label = (items: number) => (items >= 1000 ? `${items / 1000}k items` : `${items} items`);

function initialFigure(id: string, name: string, run: InitialSync, note: string, target?: number): Figure {
  return {
    id,
    area: 'sync',
    name,
    unit: 'ms',
    result: run.sync,
    ...(run.download && { baseline: { name: 'downloading the same pages, stored nowhere', result: run.download } }),
    ...(target !== undefined && { target: { op: '<=' as const, value: target } }),
    note:
      `${run.items} items (${run.records} records, ${run.changes} changes in the server's log, captures of about ` +
      `2 000 characters) synced by the product's syncAll into an empty replica (a fresh IndexedDB database per run) ` +
      `until committed; the item count is checked. Server seeded in-process (same push path, ${(run.seedMs / 1000).toFixed(0)} s), ` +
      `rate limit off. ${note}`,
  };
}

/** The initial sync from the server on PostgreSQL, beside the same from SQLite in this run. */
function postgresFigure(pg: InitialSync, sqlite: InitialSync): Figure {
  const download =
    pg.download && sqlite.download
      ? ` Downloading the same pages, stored nowhere: ${formatNumber(pg.download.median)} ms from PostgreSQL, ` +
        `${formatNumber(sqlite.download.median)} ms from SQLite (the part the store decides; the rest is the ` +
        `replica's IndexedDB writes, the same on both).`
      : '';
  return {
    id: 'sync.initial-10k-postgres',
    area: 'sync',
    name: `initial sync of ${pg.items.toLocaleString('en')} items, from PostgreSQL`,
    unit: 'ms',
    result: pg.sync,
    baseline: { name: 'the same sync from the server on SQLite', result: sqlite.sync },
    note:
      `The SQLite figure's sync (${pg.items} items, ${pg.records} records, ${pg.changes} changes; syncAll into a ` +
      `fresh IndexedDB database per run, item count checked), from a server started with --database-url on a ` +
      `database seeded in-process the same way (${(pg.seedMs / 1000).toFixed(0)} s), rate limit off; ` +
      `${pg.sync.runs} runs right after the SQLite ones, in the same page.${download} ${POSTGRES_SETUP}`,
  };
}

export const suite: Suite = {
  name: 'sync',
  async run(ctx: BenchContext) {
    const sizes = ctx.quick ? [QUICK_SIZE] : SIZES;
    // Quick mode (npm test) skips it: seeding PostgreSQL and one more browser sync would add ≈ 10 s, and the
    // server suite's small PostgreSQL part already proves that harness.
    const pgItems = ctx.quick ? null : 10_000;
    if (ctx.quick) ctx.log('sync: quick mode, no initial sync from PostgreSQL (the server suite runs a small part)');
    const runs: InitialSync[] = [];
    let fromPg: InitialSync | undefined;
    const docket = await launchBench(ctx);
    try {
      const page = await openBenchPage(docket);
      for (const [i, items] of sizes.entries()) {
        // The first size's warm-up warms the page for the larger ones, which follow in it.
        const plan =
          items === 50_000
            ? { runs: RUNS_50K, warmup: 0, download: false }
            : { runs: ctx.runs, warmup: i === 0 ? ctx.warmup : 0 };
        runs.push(await measureInitialSync(ctx, page, items, plan));
        // The same sync from PostgreSQL, right after SQLite's in the same warmed page.
        if (items === pgItems) {
          const databaseUrl = await benchDatabase('sync');
          fromPg = await measureInitialSync(ctx, page, items, { runs: ctx.runs, warmup: 0, databaseUrl });
        }
      }
    } finally {
      await docket.close();
    }

    const poke = await measurePoke(ctx, ctx.quick ? 3 : 12);
    const figures: Figure[] = [];
    const at = (items: number) => runs.find((r) => r.items === items);
    const ten = at(10_000) ?? runs[0]!;
    figures.push(
      initialFigure(
        'sync.initial-10k',
        'initial sync of 10,000 items',
        ten,
        ctx.quick
          ? `Quick mode: ${ten.items} items, one run.`
          : `${ctx.runs} runs, in a page warmed by ${ctx.warmup} + ${ctx.runs} syncs of 1k items (no 10k warm-up: ` +
              `time budget). ${WHERE_TIME_GOES}`,
        3000,
      ),
    );
    if (fromPg) figures.push(postgresFigure(fromPg, ten));
    const fifty = at(50_000);
    if (fifty)
      figures.push(
        initialFigure(
          'sync.initial-50k',
          'initial sync of 50,000 items',
          fifty,
          `${RUNS_50K} run and no download baseline (it follows the 10k runs in the same page): seeding and ` +
            `syncing 50k items takes long enough that more would not fit the suite's time budget.`,
        ),
      );
    figures.push({
      id: 'sync.poke-visible',
      area: 'sync',
      name: 'poke to visible in a second browser (p50)',
      unit: 'ms',
      result: summarize(poke.visible),
      ...(poke.poked.length && {
        baseline: { name: 'edit to poke received in the second browser', result: summarize(poke.poked) },
      }),
      target: { op: '<=', value: 1000 },
      note:
        `${poke.visible.length} edits of an item's title (the store's updateItem) in the owner's profile, timed until ` +
        `the editor's open log page shows the new title (a DOM observer in that page; one wall clock). ` +
        `p95 ${percentile(poke.visible, 95)} ms, max ${Math.max(...poke.visible)} ms. The path: the owner's log page ` +
        `nudges its background (250 ms debounce), which pushes; the server pokes the editor's events stream; the ` +
        `editor's page nudges its background, which pulls; the page's live query re-renders. A space of ` +
        `${poke.items} items, one client.`,
    });
    const series: Series[] = [
      {
        id: 'sync.growth',
        title: 'Initial sync against item count',
        xLabel: 'items',
        unit: 'ms',
        points: runs.map((r) => ({ x: r.items, label: label(r.items), ...pick(r.sync) })),
      },
    ];
    return { figures, series };
  },
};

const pick = ({ median, min, max }: { median: number; min: number; max: number }) => ({ median, min, max });
