/**
 * Whole-page captures of generated vendor-portal pages (100 kB, 1 MB, 5 MB), each against the bare baseline in the
 * same tab, the two paths taking turns.
 */
import { generateLargePage } from '../../../test/fixtures/generate';
import type { Figure, Series, SeriesPoint, Summary } from '../../lib/types';
import { injectBaseline } from './baseline';
import { openTab, timeInTurn, type Env } from './timing';

const SIZES = [
  { id: '100kb', label: '100 kB', bytes: 100_000 },
  { id: '1mb', label: '1 MB', bytes: 1_000_000 },
  { id: '5mb', label: '5 MB', bytes: 5_000_000 },
];
// On every generated page: the first section's closing line and the pricing tables' header row.
const PHRASES = ['Total for proposal 1:', '| SKU | Description | Qty | Unit price | Amount |'];
const BASELINE = 'bare Readability + turndown (gfm), same world';

const point = (x: number, label: string, s: Summary): SeriesPoint => ({ x, label, ...s });

export async function pageFigures(env: Env, bareScript: string): Promise<{ figures: Figure[]; series: Series[] }> {
  const { ctx } = env;
  const sizes = ctx.quick ? SIZES.slice(0, 1) : SIZES;
  const figures: Figure[] = [];
  const docketPoints: SeriesPoint[] = [];
  const barePoints: SeriesPoint[] = [];
  for (const [i, size] of sizes.entries()) {
    const path = `/pages/generated-${size.id}`;
    const html = generateLargePage(size.bytes, 5000 + i);
    env.vendor.routes.set(path, { type: 'text/html; charset=utf-8', body: html });
    const { page, tabId } = await openTab(env, env.vendor.origin + path);
    await injectBaseline(env, page, tabId, bareScript);

    ctx.log(`capture: page of ${size.label}…`);
    const args = { tabId, phrases: PHRASES };
    const [docket, bare, bareMain] = await timeInTurn(ctx, [
      {
        label: `Docket, page of ${size.label}`,
        run: () => env.bench.evaluate((a) => docketBench.capture.docket(a.tabId, { mode: 'page' }, a.phrases), args),
      },
      {
        label: `baseline, page of ${size.label}`,
        run: () => env.bench.evaluate((a) => docketBench.capture.bare(a.tabId, a.phrases, 'ISOLATED'), args),
      },
      // The main-world run is only a comparison; at 5 MB it would cost the suite more time than it tells.
      ...(size.bytes <= 1_000_000
        ? [
            {
              label: `baseline in the main world, page of ${size.label}`,
              run: () => env.bench.evaluate((a) => docketBench.capture.bare(a.tabId, a.phrases, 'MAIN'), args),
            },
          ]
        : []),
    ]);
    await page.close();
    env.vendor.routes.delete(path);

    const chars = (n: number) => n.toLocaleString('en-US');
    const warned = docket!.last.warnings?.length ? ` Docket warned: ${docket!.last.warnings.join(' ')}` : '';
    figures.push({
      id: `capture.page-${size.id}`,
      area: 'capture',
      name: `page of ${size.label}`,
      unit: 'ms',
      result: docket!.summary,
      baseline: { name: BASELINE, result: bare!.summary },
      ...(size.id === '1mb' && { target: { op: '<=' as const, value: 150 }, ratioTarget: 1.3 }),
      note:
        `Generated vendor portal (${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB of HTML, pricing tables). Docket: ` +
        'captureFromTab(page) timed in the bench page: request and /capture.js injected (executeScript ×2), clean ' +
        'pass, Readability, table-aware Markdown, text hints, draft back. Baseline: the two libraries as their ' +
        'READMEs show, loaded beforehand into the extension’s isolated world (where Docket runs), one executeScript. ' +
        (bareMain
          ? `The same baseline in the page’s main world: median ${bareMain.summary.median.toFixed(0)} ms (DOM ` +
            'access is cheaper there). '
          : '') +
        `Markdown: Docket ${chars(docket!.last.chars)} chars, baseline ${chars(bare!.last.chars)}.${warned}`,
    });
    docketPoints.push(point(size.bytes, size.label, docket!.summary));
    barePoints.push(point(size.bytes, size.label, bare!.summary));
  }
  const series = (id: string, title: string, points: SeriesPoint[]): Series => ({
    id,
    title,
    xLabel: 'page size (bytes of HTML)',
    unit: 'ms',
    points,
  });
  return {
    figures,
    series: [
      series('capture.growth', 'Capture time against page size', docketPoints),
      series('capture.growth-baseline', `Capture time against page size: ${BASELINE}`, barePoints),
    ],
  };
}
