import type { Page } from 'playwright-core';
import type { Docket } from '../../lib/chromium';

/**
 * The bench page, once its hooks are wired. (openBenchPage in bench/lib waits for the body to be *visible*, which
 * an empty page never is, so this waits for the flag itself.)
 */
export async function openSyncBenchPage(docket: Docket): Promise<Page> {
  const page = await docket.context.newPage();
  await page.goto(docket.url('bench.html'));
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 20_000 });
  return page;
}
