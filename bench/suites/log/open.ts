import type { Docket } from '../../lib/chromium';
import type { BenchContext, Figure } from '../../lib/types';
import { count, msFigure } from './figures';

/** What counts as the first meaningful paint of the log page. */
const MEANINGFUL =
  'the landing client’s agenda is on screen: the four agenda sections and every item of its next meeting ' +
  '(the page opened with no route, as the popup opens it, lands on the first client by name)';

/**
 * Opens log.html in a fresh tab and returns the page's own clock (ms since navigation start) at the first animation
 * frame where the landing client's agenda rows are all in the DOM (that frame then paints them).
 */
async function openOnce(docket: Docket, rows: number): Promise<number> {
  const page = await docket.context.newPage();
  try {
    await page.goto(docket.url('log.html'), { waitUntil: 'commit' });
    const at = await page.waitForFunction(
      (want) =>
        document.querySelectorAll('.agenda-section').length === 4 &&
        document.querySelectorAll('[data-agenda-item]').length >= want &&
        performance.now(),
      rows,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await at.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/** Opening the log page `ctx.runs` times after `ctx.warmup`, each in a fresh tab. */
export async function timeOpens(ctx: BenchContext, docket: Docket, rows: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < ctx.warmup + ctx.runs; run++) {
    const ms = await openOnce(docket, rows);
    if (run >= ctx.warmup) samples.push(ms);
  }
  return samples;
}

export function openFigure(items: number, rows: number, samples: number[]): Figure {
  return msFigure('log.open-50k', `open the log page with ${count(items)} items`, samples, {
    target: { op: '<=', value: 300 },
    note:
      `From navigation start of log.html in a fresh tab to the first animation frame where ${MEANINGFUL} ` +
      `(${rows} rows here), by the page's own clock (performance.now()); the tab's JavaScript comes from ` +
      `Chromium's caches after the warm-up run, as it does for a user who opens the log daily.`,
  });
}
