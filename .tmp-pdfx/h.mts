import { JSDOM } from 'jsdom';
import { fileToDraft } from '../extension/capture/file.ts';
import { loadNodePdfjs } from '../cli/pdfjs.ts';
const html = `<!doctype html><html><head><meta charset="windows-1252"><title>Acme Cloud – Pricing</title></head><body><main><h1>Pricing</h1><p>Business plan: 12 000 \u20ac HT par an, caf\u00e9 included. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></main></body></html>`;
const bytes = new Uint8Array([...html].map((c) => (c === '\u20ac' ? 0x80 : c.charCodeAt(0))));
const d = await fileToDraft({ name: 'pricing.html', type: '', bytes }, { parseHtml: (h, url) => new JSDOM(h, { url }).window.document, pdfjs: await loadNodePdfjs() });
console.log(JSON.stringify(d, null, 1));
