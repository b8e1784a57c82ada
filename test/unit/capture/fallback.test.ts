import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { extractDocument } from '../../../extension/capture/extract-document';
import { fileToDraft, type FileToDraftDeps } from '../../../extension/capture/file';
import * as gmail from '../../../extension/capture/gmail';
import * as markdown from '../../../extension/capture/markdown';
import { markupText, visibleText } from '../../../extension/capture/page-text';
import { CaptureError } from '../../../extension/capture/text';
import { CaptureDraft } from '../../../shared/domain';

const URL = 'https://vendor.example/renewal';
const ARTICLE = `<!doctype html><html><head><title>Renewal of the backup service</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Renewal of the backup service</h1>
${'<p>The backup service renews on March 1, 2027 at $1,450 a month for 36 months, with off-site copies kept for ninety days and a restore test each quarter. </p>'.repeat(4)}
<p>Cancel in writing <a href="javascript:alert(1)">here</a> before January 30.</p></article></body></html>`;
const doc = (html: string) => new JSDOM(html, { url: URL }).window.document;

/**
 * A page nested `depth` divs deep with its text at the bottom, built from the bottom up (jsdom's parser is
 * quadratic in nesting depth; appending to a detached node is not).
 */
function deep(depth: number): Document {
  const page = doc('<html><head><title>Deep quote</title></head><body></body></html>');
  let node: Element = page.createElement('p');
  node.textContent = 'Quote Q-77 total $9,800';
  for (let i = 0; i < depth; i++) {
    const div = page.createElement('div');
    div.appendChild(node);
    node = div;
  }
  page.body.appendChild(node);
  return page;
}

describe('page extraction stages', () => {
  it('keeps the article when it converts, with no fallback warning', () => {
    const draft = extractDocument(doc(ARTICLE), { url: URL, mode: 'page' });
    expect(draft.warnings).toEqual([]);
    expect(draft.markdown).toContain('$1,450 a month');
  });

  it('falls back to the full page when converting the article throws, and says so', () => {
    const real = markdown.htmlToMarkdown;
    const spy = vi.spyOn(markdown, 'htmlToMarkdown');
    spy.mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    spy.mockImplementation(real);
    try {
      const draft = extractDocument(doc(ARTICLE), { url: URL, mode: 'page' });
      expect(draft.warnings).toContain(
        'Article extraction failed (Maximum call stack size exceeded); the full page was kept instead.',
      );
      expect(draft.markdown).toContain('$1,450 a month');
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('falls back to the plain text when no stage can lay the page out', () => {
    const spy = vi.spyOn(markdown, 'htmlToMarkdown').mockImplementation(() => {
      throw new TypeError("Cannot create property 'border-width' on string 'inherit'");
    });
    try {
      const draft = extractDocument(doc(ARTICLE), { url: URL, mode: 'page' });
      expect(CaptureDraft.parse(draft)).toEqual(draft);
      expect(draft.warnings[0]).toBe(
        "Docket could not lay out this page (Cannot create property 'border-width' on string 'inherit'): " +
          'only its plain text was kept, without headings, links or tables.',
      );
      expect(draft.source.title).toBe('Renewal of the backup service');
      expect(draft.markdown).toMatch(/^Home\n\nRenewal of the backup service\n\nThe backup service renews/);
      expect(draft.markdown).toContain('$1,450 a month for 36 months');
      expect(draft.markdown).toContain('Cancel in writing here before January 30.');
      expect(draft.markdown).not.toContain('javascript:');
    } finally {
      spy.mockRestore();
    }
  });

  // How fast is for `npm run bench`, not a timed assertion on a shared machine: the warning shows the slow stages
  // were skipped.
  it('reads a page nested too deep to lay out in time as its text', () => {
    const page = deep(1_500);
    const draft = extractDocument(page, { url: URL, mode: 'page' });
    expect(draft.markdown).toBe('# Deep quote\n\nQuote Q-77 total $9,800');
    expect(draft.warnings).toEqual([
      'This page nests its elements more than 200 levels deep: only its plain text was kept, without headings, ' +
        'links or tables.',
    ]);
  });

  it('lays out a page nested within the limit as usual', () => {
    const draft = extractDocument(deep(60), { url: URL, mode: 'page' });
    expect(draft.warnings.join(' ')).not.toMatch(/plain text/);
    expect(draft.markdown).toContain('Quote Q-77 total $9,800');
  });

  it('still refuses a page that shows no text at all', () => {
    const empty = doc(
      '<html><head><title>Loading</title><script>var text = "not shown"</script></head><body><div hidden>x</div></body></html>',
    );
    expect(() => extractDocument(empty, { url: URL, mode: 'page' })).toThrow(
      expect.objectContaining({ code: 'unreadable-page', message: expect.stringMatching(/no readable text/) }),
    );
  });

  it('falls back to the page when a webmail adapter breaks on a page it does not expect', () => {
    const url = 'https://mail.google.com/mail/u/0/#inbox/abc';
    const spy = vi.spyOn(gmail, 'extractGmail').mockImplementation(() => {
      throw new TypeError("Cannot read properties of null (reading 'closest')");
    });
    try {
      const draft = extractDocument(new JSDOM(ARTICLE, { url }).window.document, { url, mode: 'page' });
      expect(draft.kind).toBe('page');
      expect(draft.warnings[0]).toBe(
        "Docket could not read this as Gmail (Cannot read properties of null (reading 'closest')); it was captured " +
          'as a web page.',
      );
      expect(draft.markdown).toContain('$1,450 a month');
      // Its own verdicts still stand.
      spy.mockImplementation(() => {
        throw new CaptureError('no-open-message', 'Open the e-mail you want to clip, then try again.');
      });
      expect(() => extractDocument(new JSDOM(ARTICLE, { url }).window.document, { url, mode: 'page' })).toThrow(
        expect.objectContaining({ code: 'no-open-message' }),
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('visibleText', () => {
  it('keeps blocks apart, table cells on one line, and escapes what Markdown or HTML would read', () => {
    const body = doc(
      '<body><h2># not a heading</h2><p>a <b>bold</b> [link](javascript:x) &lt;script&gt;alert(1)&lt;/script&gt;</p>' +
        '<table><tr><td>Seats</td><td>60</td></tr></table><ul><li>1. first</li><li>- second</li></ul>' +
        '<p style="display:none">hidden</p><noscript>enable JS</noscript><p>\u0000nul\u202eRTL עברית 🚀</p></body>',
    ).body;
    expect(visibleText(body).split('\n\n')).toEqual([
      '\\# not a heading',
      'a bold \\[link\\](javascript:x) &lt;script>alert(1)&lt;/script>',
      'Seats 60',
      '1\\. first',
      '\\- second',
      'nul\u202eRTL עברית 🚀',
    ]);
  });

  it('walks a tree deeper than any recursion could', () => {
    // jsdom itself recurses when it attaches a tree this deep, so the tree is made of the few fields the walk reads.
    type Fake = {
      nodeType: number;
      nodeValue?: string;
      tagName?: string;
      childNodes: Fake[];
      hasAttributes?: () => boolean;
    };
    let node: Fake = { nodeType: 3, nodeValue: 'Quote Q-77 total $9,800', childNodes: [] };
    for (let i = 0; i < 200_000; i++)
      node = { nodeType: 1, tagName: 'SPAN', childNodes: [node], hasAttributes: () => false };
    expect(visibleText(node as unknown as Node)).toBe('Quote Q-77 total $9,800');
  });
});

describe('saved pages whose parse fails', () => {
  const deps = (parseHtml: FileToDraftDeps['parseHtml']): FileToDraftDeps => ({ parseHtml, pdfjs: {} as never });
  const bytes = new TextEncoder().encode(
    '<html><head><title>Quote &amp; terms</title><style>p{border:inherit}</style></head>' +
      '<body><h1>Quote</h1><p>Total: 9&nbsp;800 &euro; &#8212; <script>evil()</script>valid 30 days</p></body></html>',
  );

  it('reads the text straight from the markup, with a warning', async () => {
    const parse = () => {
      throw new TypeError("Cannot create property 'border-width' on string 'inherit'");
    };
    const draft = await fileToDraft({ name: 'quote.html', type: 'text/html', bytes }, deps(parse));
    expect(draft.source.title).toBe('Quote & terms');
    expect(draft.markdown).toContain('Total: 9 800 € — valid 30 days');
    expect(draft.markdown).not.toContain('evil');
    expect(draft.warnings[0]).toMatch(/^Docket could not read this page as HTML \(Cannot create property/);
  });

  it('refuses markup with no text', async () => {
    const parse = () => {
      throw new Error('no');
    };
    const empty = new TextEncoder().encode(
      '<html><head><script>x()</script></head><body><!-- nothing --></body></html>',
    );
    await expect(fileToDraft({ name: 'e.html', type: '', bytes: empty }, deps(parse))).rejects.toBeInstanceOf(
      CaptureError,
    );
  });

  it('markupText drops comments, scripts and tags, and keeps blocks apart', () => {
    expect(markupText('<p>a<!-- <p>no</p> --></p><div>b &lt;i&gt; &#x41;</div><style>x{}</style>')).toBe(
      'a\n\nb &lt;i> A',
    );
  });
});
