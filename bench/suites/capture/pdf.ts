/** A long text PDF linked from a page, read the way a right-click "clip linked PDF" reads it (pdf.js). */
import { generatePdf } from '../../data/pdf';
import type { Figure } from '../../lib/types';
import { openTab, timeInTurn, type Env } from './timing';

export async function pdfFigure(env: Env): Promise<Figure> {
  const pdf = generatePdf(env.ctx.quick ? 5 : 50, 42);
  const file = `/files/msa-${pdf.pages}.pdf`;
  env.vendor.routes.set(file, { type: 'application/pdf', body: pdf.bytes });
  env.vendor.routes.set('/files/', {
    type: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><title>Agreements</title><p><a href="${file}">Master services agreement</a></p>`,
  });
  const { page, tabId } = await openTab(env, `${env.vendor.origin}/files/`);
  const linkUrl = env.vendor.origin + file;
  env.ctx.log(`capture: ${pdf.pages}-page PDF…`);
  const [result] = await timeInTurn(env.ctx, [
    {
      label: `Docket, ${pdf.pages}-page PDF`,
      run: () =>
        env.bench.evaluate(
          (a) => docketBench.capture.docket(a.tabId, { mode: 'link', linkUrl: a.linkUrl }, a.phrases),
          {
            tabId,
            linkUrl,
            phrases: [pdf.pageEnd(1), pdf.pageEnd(pdf.pages)],
          },
        ),
      check: (t) => {
        if (t.kind !== 'pdf' || t.pageCount !== pdf.pages)
          throw new Error(`PDF: read as ${t.kind} of ${t.pageCount} pages, not a PDF of ${pdf.pages}`);
      },
    },
  ]);
  await page.close();
  return {
    id: `capture.pdf-${pdf.pages}`,
    area: 'capture',
    name: `${pdf.pages}-page PDF to text`,
    unit: 'ms',
    result: result!.summary,
    ...(pdf.pages === 50 && { target: { op: '<=' as const, value: 1500 } }),
    note:
      `Generated text PDF (${(pdf.bytes.length / 1e3).toFixed(0)} kB, ~48 lines a page). captureFromTab(link) timed ` +
      'in the bench page: fetched inside the tab, bytes back as base64, pdf.js (with its worker) in the extension ' +
      `page, text hints. The run checks the last page was read. Markdown: ${result!.last.chars.toLocaleString('en-US')} chars.`,
  };
}
