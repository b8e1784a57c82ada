import type { Page } from 'playwright-core';
import { summarize } from '../../lib/stats';
import type { BenchContext, Figure } from '../../lib/types';
import { count, msFigure } from './figures';

/** Importing a one-client log of `items` items (each with a capture): Docket's write against raw IndexedDB puts. */
export async function bulkWriteFigures(ctx: BenchContext, bench: Page, items: number): Promise<Figure[]> {
  const captureChars = 2000;
  ctx.log(`log: bulk write of ${count(items)} items, ${ctx.warmup} + ${ctx.runs} runs`);
  const got = await bench.evaluate((opts) => docketBench.log.bulkWrite(opts), {
    items,
    captureChars,
    runs: ctx.runs,
    warmup: ctx.warmup,
  });
  const what = `${count(items)} items with a capture each (~${count(captureChars)} characters of Markdown)`;
  return [
    msFigure('log.bulk-write-10k', `bulk write of ${count(items)} items with captures`, got.docket, {
      baseline: { name: `raw IndexedDB puts of the same items and captures`, result: summarize(got.raw) },
      ratioTarget: 2,
      note:
        `Importing a client log file of ${what}, as a user importing a client's log does: ` +
        `applyImport writes the import plan's ${count(got.records)} records (the client, its meetings and vendors, ` +
        `the items, the captures and a "create" history entry for each) into the extension's database in one ` +
        `transaction; timed from the call to the commit, in the page. Baseline: the same item and capture objects ` +
        `put with plain IndexedDB (no Dexie, no indexes, no history) into a bare database in one transaction. ` +
        `Docket writes three rows per record: the record (with its field stamps), its outbox entry (which names ` +
        `the fields; the push reads the values from the row) and the file's history entry (a capture's "created" ` +
        `entry without the text the capture keeps), and keeps its indexes (6 on items, 5 on captures, 3 on history). ` +
        `The import queues what it adds for sync, so a client log imported and then shared reaches the team. ` +
        `Runs alternate Docket and baseline; the database is emptied before each.`,
    }),
    msFigure('log.import-check-10k', `checking a client log file of ${count(items)} items before import`, got.check, {
      note:
        `Reading the same file (${what}, history included) with parseClientLog (JSON, every record through the ` +
        `zod schemas, references) and planImport against an empty log: what happens between choosing the file ` +
        `and the import button, before anything is written.`,
    }),
  ];
}
