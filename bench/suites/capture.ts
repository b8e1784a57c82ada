/**
 * Capture: how long a clip takes on Docket's real path (captureFromTab from an extension page, in Chromium with the
 * bench build) for pages of 100 kB–5 MB against a bare Readability + turndown baseline, a 20-message Gmail
 * conversation and a 50-page PDF. Every run checks the Markdown really holds the page before its time counts.
 */
import { bundleBareCapture } from '../baseline/bundle';
import { launchBench } from '../lib/chromium';
import type { Route } from './capture/serve';
import { RESOLVER_ARGS, serveGmail, serveHttp } from './capture/serve';
import type { Suite } from '../lib/types';
import { gmailFigure } from './capture/gmail';
import { pageFigures } from './capture/pages';
import { pdfFigure } from './capture/pdf';
import { openBenchPage } from '../lib/chromium';
import type { Env } from './capture/timing';

export const suite: Suite = {
  name: 'capture',
  async run(ctx) {
    const bareScript = await bundleBareCapture();
    const vendorRoutes = new Map<string, Route>();
    const gmailRoutes = new Map<string, Route>();
    const vendor = await serveHttp(vendorRoutes);
    const gmail = await serveGmail(gmailRoutes, ctx.tmp);
    const docket = await launchBench(ctx, RESOLVER_ARGS);
    try {
      const env: Env = {
        ctx,
        docket,
        bench: await openBenchPage(docket),
        vendor: { origin: vendor.origin, routes: vendorRoutes },
        gmail: { origin: gmail.origin, routes: gmailRoutes },
      };
      const pages = await pageFigures(env, bareScript);
      const figures = [...pages.figures, await gmailFigure(env), await pdfFigure(env)];
      return { figures, series: pages.series };
    } finally {
      await docket.close();
      await Promise.all([vendor.close(), gmail.close()]);
    }
  },
};
