import { JSDOM } from 'jsdom';
import { generateLargePage } from './test/fixtures/generate';
import { extractDocument } from './extension/capture/extract-document';
for (const size of [100_000, 1_000_000, 5_000_000]) {
  const html = generateLargePage(size, 42);
  let t = performance.now();
  const dom = new JSDOM(html, { url: 'https://portal.example.com/x' });
  const parse = performance.now() - t;
  t = performance.now();
  const d = extractDocument(dom.window.document, { url: 'https://portal.example.com/x', mode: 'page', maxChars: 200_000 });
  console.log(size, html.length, 'parse', parse.toFixed(0), 'extract', (performance.now() - t).toFixed(0), d.markdown.length, d.warnings);
}
