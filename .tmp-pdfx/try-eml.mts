import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { emlToDraft } from '../extension/capture/eml.ts';
const parseHtml = (html: string) => new JSDOM(html).window.document;
for (const f of ['vendor-renewal', 'outlook-reply', 'outlook-web-reply', 'french-renewal']) {
  const raw = readFileSync(`test/fixtures/eml/${f}.eml`);
  for (const opts of [{ parseHtml }, {}]) {
    const d = await emlToDraft(new Uint8Array(raw), { fileName: f + '.eml', ...opts });
    console.log('=====', f, Object.keys(opts));
    console.log(JSON.stringify({ ...d, markdown: undefined }, null, 1));
    console.log(d.markdown);
  }
}
