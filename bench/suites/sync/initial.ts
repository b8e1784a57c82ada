/** Initial sync of a seeded space into an empty replica in Chromium, against downloading the same pages. */
import type { Page } from 'playwright-core';
import type { Account } from '../../in-extension/sync';
import { generateLog } from '../../data/log';
import { summarize } from '../../lib/stats';
import type { BenchContext, Summary } from '../../lib/types';
import { seededServer } from './seed';

export interface InitialSync {
  items: number;
  sync: Summary;
  /** Absent when the runs were too long to also time downloads. */
  download?: Summary;
  changes: number;
  records: number;
  seedMs: number;
}

let runNumber = 0;

/**
 * Seeds a server with `items` items (on SQLite, or on the PostgreSQL database at `databaseUrl`), then times `runs`
 * initial syncs (after `warmup`), each followed by a download of the same pages unless `download` is false.
 */
export async function measureInitialSync(
  ctx: BenchContext,
  page: Page,
  items: number,
  {
    runs,
    warmup,
    download = true,
    databaseUrl,
  }: { runs: number; warmup: number; download?: boolean; databaseUrl?: string },
): Promise<InitialSync> {
  const log = generateLog({ items, captureChars: 2000 });
  const records = Object.values(log).reduce((sum, list: unknown[]) => sum + list.length, 0);
  const seeded = await seededServer(ctx.tmp, log, databaseUrl);
  const on = databaseUrl ? ' on PostgreSQL' : '';
  ctx.log(
    `sync: ${items} items seeded${on} (${seeded.changes} changes, ${records} records) in ${seeded.seedMs.toFixed(0)} ms`,
  );
  try {
    const account: Account = {
      serverUrl: seeded.server.url,
      token: seeded.editorToken,
      space: seeded.space,
      role: 'editor',
    };
    const syncs: number[] = [];
    const downloads: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const name = `bench-sync-${++runNumber}`;
      const ms = await page.evaluate(([a, n, count]) => docketBench.sync.initialSync(a, n, count), [
        account,
        name,
        items,
      ] as const);
      if (i < warmup) {
        ctx.log(`sync: ${items} items${on}, warm-up: ${ms.toFixed(0)} ms`);
        continue;
      }
      const downloadMs = download
        ? await page.evaluate(([a, r]) => docketBench.sync.downloadOnly(a, r), [account, records] as const)
        : null;
      const shown = downloadMs === null ? '' : ` (download ${downloadMs.toFixed(0)} ms)`;
      ctx.log(`sync: ${items} items${on}, run ${i + 1 - warmup}: ${ms.toFixed(0)} ms${shown}`);
      syncs.push(ms);
      if (downloadMs !== null) downloads.push(downloadMs);
    }
    return {
      items,
      sync: summarize(syncs),
      ...(downloads.length && { download: summarize(downloads) }),
      changes: seeded.changes,
      records,
      seedMs: seeded.seedMs,
    };
  } finally {
    await seeded.server.stop();
  }
}
