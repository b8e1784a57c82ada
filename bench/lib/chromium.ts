import type { Page } from 'playwright-core';
import { type Docket, launchDocket } from '../../test/browser/support/chromium';
import type { BenchContext } from './types';

export type { Docket };

/** Chromium with the benchmark build loaded, in a fresh profile (the same flags as the browser tests). */
export function launchBench(ctx: BenchContext, args: string[] = []): Promise<Docket> {
  return launchDocket({ extensionDir: ctx.extensionDir, args });
}

/** Opens the bench page (extension/entrypoints/bench) and waits until its hooks are wired. */
export async function openBenchPage(docket: Docket): Promise<Page> {
  const page = await docket.context.newPage();
  await page.goto(docket.url('bench.html'));
  // The bench page's body is empty, so never "visible": wait for it to be there with its flag.
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20_000 });
  return page;
}
