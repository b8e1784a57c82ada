/**
 * The local log, in Chromium with the bench build: a bulk write (a client-log import) against raw IndexedDB, then
 * for logs of 1k, 10k and 50k items (written straight into the extension's database from the bench page): the
 * search index build and full-text searches as the log page runs them, opening the log page, and at the largest
 * size a 200-item agenda; and opening one item whose capture is 2 MB of Markdown. Quick mode: 1,000 items for
 * everything, one run.
 */
import { launchBench, openBenchPage } from '../lib/chromium';
import type { Figure, SeriesPoint, Suite } from '../lib/types';
import { agendaFigure, timeAgenda } from './log/agenda';
import { bulkWriteFigures } from './log/bulk-write';
import { evidenceFigure } from './log/evidence';
import { count, growth, point } from './log/figures';
import { openFigure, timeOpens } from './log/open';
import { firstSearchFigure, searchFigures, timeFirstSearch, timeSearches } from './log/search';

const SIZES = [1_000, 10_000, 50_000];
const CAPTURE_CHARS = 2000;
const AGENDA_ITEMS = 200;

export const suite: Suite = {
  name: 'log',
  async run(ctx) {
    const sizes = ctx.quick ? [1_000] : SIZES;
    const largest = sizes.at(-1)!;
    const docket = await launchBench(ctx);
    try {
      const bench = await openBenchPage(docket);
      const figures: Figure[] = await bulkWriteFigures(ctx, bench, ctx.quick ? 1_000 : 10_000);
      ctx.log('log: opening an item with a 2 MB capture');
      figures.push(await evidenceFigure(ctx, docket, bench));
      const searches: SeriesPoint[] = [];
      const opens: SeriesPoint[] = [];
      const builds: SeriesPoint[] = [];
      for (const items of sizes) {
        ctx.log(`log: seeding ${count(items)} items`);
        await bench.evaluate(() => docketBench.log.wipe()); // the previous size's log
        const seeded = await bench.evaluate((opts) => docketBench.log.seed(opts), {
          items,
          captureChars: CAPTURE_CHARS,
          agendaItems: AGENDA_ITEMS,
        });
        ctx.log(`log: searching ${count(items)} items`);
        const search = await timeSearches(ctx, bench);
        searches.push(point(items, search.samples));
        builds.push(point(items, [search.build]));
        figures.push(...searchFigures(ctx, items, largest, search));
        ctx.log(`log: opening the log page over ${count(items)} items`);
        const open = await timeOpens(ctx, docket, seeded.landing.itemIds.length);
        opens.push(point(items, open));
        if (items !== largest) continue;
        figures.push(openFigure(items, seeded.landing.itemIds.length, open));
        ctx.log(`log: first search from opening the log over ${count(items)} items`);
        figures.push(firstSearchFigure(items, await timeFirstSearch(ctx, docket)));
        ctx.log(`log: agenda of ${seeded.agenda.itemIds.length} items`);
        const from = { clientId: seeded.landing.clientId, meetingId: null, itemIds: seeded.landing.itemIds };
        const agenda = await timeAgenda(ctx, docket, from, seeded.agenda);
        figures.push(agendaFigure(items, seeded.clients, seeded.agenda, agenda));
      }
      return {
        figures,
        series: [
          growth('log.search-growth', 'Search against log size', searches),
          growth('log.open-growth', 'Opening the log page against log size', opens),
          growth('log.search-index-growth', 'Building the search index against log size', builds),
        ],
      };
    } finally {
      await docket.close();
    }
  },
};
