import { afterEach, describe, expect, it } from 'vitest';
import { htmlParser } from '../../../cli/html';
import { extractDocument } from '../../../extension/capture/extract-document';

// jsdom's CSS library (cssstyle) throws on this sheet while the page loads; a real page of the corpus had it.
const BAD_SHEET = '<style>.box { border: inherit; border-width: 1px 2px }</style>';
const page = (head: string) =>
  `<!doctype html><html><head><title>Renewal notice</title>${head}</head><body><main><h1>Renewal notice</h1>` +
  `<p>Your <a href="/plan">support plan</a> renews on March 1 at $1,200 a month unless cancelled.</p></main></body></html>`;

describe('htmlParser', () => {
  const parser = htmlParser();
  afterEach(() => parser.close());

  it('parses a page whose style sheet breaks jsdom, keeping its URL for links', () => {
    const doc = parser.parseHtml(page(BAD_SHEET), 'https://vendor.example/notice');
    expect(doc.querySelector('h1')?.textContent).toBe('Renewal notice');
    expect(doc.URL).toBe('https://vendor.example/notice');
    const draft = extractDocument(doc, { url: 'https://vendor.example/notice', mode: 'page' });
    expect(draft.markdown).toContain('[support plan](https://vendor.example/plan)');
    expect(draft.markdown).toContain('$1,200 a month');
  });

  it('keeps the page its window for ordinary pages', () => {
    const doc = parser.parseHtml(page('<style>p { color: red }</style>'), 'file:///notice.html');
    expect(doc.defaultView).not.toBeNull();
  });
});
