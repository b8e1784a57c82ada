// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CaptureError, extractDocument } from '../../../extension/capture/extract-document';
import { loadFixture } from '../../fixtures/pages/load';

function expectSafe(markdown: string): void {
  for (const bad of [
    '<script',
    '<iframe',
    '<svg',
    '<img',
    '<object',
    '<embed',
    '<form',
    'onerror',
    'onload',
    'onclick',
    'onmouseover',
    'javascript:',
    'vbscript:',
    'data:text',
    'srcdoc',
  ]) {
    expect(markdown.toLowerCase()).not.toContain(bad.toLowerCase());
  }
  // The only "alert(" left is the one the page shows as text.
  expect(markdown.replace("alert('text')", '')).not.toContain('alert(');
}

describe('hostile page', () => {
  it('extracts the content and nothing executable, and leaves the page unchanged', () => {
    const { doc, url } = loadFixture('hostile.html');
    const before = doc.documentElement.outerHTML;
    const draft = extractDocument(doc, { url, mode: 'page' });
    expectSafe(draft.markdown);
    expect(draft.markdown).toContain('**$2,100/month** for 36 months');
    expect(draft.markdown).toContain('- Notice: 90 days before the end of the term');
    expect(draft.markdown).toContain('ends February 28, 2027');
    // Unsafe links keep their text; the javascript: <base> is ignored, so relative links resolve against the page.
    expect(draft.markdown).toContain(
      'Review the full proposal, the pricing annex, the service levels and the signed copy, or call us.',
    );
    expect(draft.markdown).toContain('[contract PDF](https://portal.printfleet.example/contracts/mps-2027.pdf)');
    // Tag-looking text stays visible as text, escaped.
    expect(draft.markdown).toContain("&lt;script>alert('text')&lt;/script>");
    for (const hidden of [
      'template content',
      'noscript content',
      'framed',
      'SVG text',
      'defaced',
      '4111111111111111',
    ]) {
      expect(draft.markdown).not.toContain(hidden);
    }
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('selection of the whole hostile body is safe too', () => {
    const { doc, url } = loadFixture('hostile.html');
    const range = doc.createRange();
    range.selectNodeContents(doc.body);
    doc.getSelection()!.addRange(range);
    const before = doc.documentElement.outerHTML;
    const draft = extractDocument(doc, { url, mode: 'selection' });
    expectSafe(draft.markdown);
    expect(draft.markdown).toContain('$2,100/month');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('ignores what the page did to its own document object (overridden methods, throwing getters)', () => {
    const { doc, url } = loadFixture('hostile.html');
    const boom = () => {
      throw new Error('hostile override');
    };
    Object.assign(doc, { querySelectorAll: boom, querySelector: boom, cloneNode: boom, getElementsByTagName: boom });
    Object.defineProperty(doc, 'title', { get: boom });
    const draft = extractDocument(doc, { url, mode: 'page' });
    expect(draft.markdown).toContain('$2,100/month');
    expect(draft.source.title).toBe('Managed Print Services – contract summary');
  });

  it('Gmail still extracts when the page replaced document.querySelectorAll', () => {
    const { doc, url } = loadFixture('gmail-renewal-thread.html');
    Object.assign(doc, { querySelectorAll: () => [] });
    expect(extractDocument(doc, { url, mode: 'page' }).email?.messageId).toBe('1938a2b4c5d6e7f9');
  });

  it('turns a broken DOM (engine getters that throw) into a clear CaptureError, not a TypeError', () => {
    const { doc, url, dom } = loadFixture('hostile.html');
    Object.defineProperty(dom.window.Document.prototype, 'body', {
      configurable: true,
      get() {
        throw new TypeError("Cannot read properties of undefined (reading 'body')");
      },
    });
    let caught: unknown;
    try {
      extractDocument(doc, { url, mode: 'page' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CaptureError);
    expect((caught as CaptureError).code).toBe('unreadable-page');
    expect((caught as CaptureError).message).toMatch(/^Docket could not read this page \(.+\)\./);
  });

  it('falls back to the page text when cloning fails, and reports a failing selection API as unreadable-page', () => {
    const page = loadFixture('hostile.html');
    Object.defineProperty(page.dom.window.Node.prototype, 'cloneNode', {
      configurable: true,
      value() {
        throw new Error('cloning disabled');
      },
    });
    const draft = extractDocument(page.doc, { url: page.url, mode: 'page' });
    expect(draft.warnings[0]).toMatch(/could not lay out this page \(.*cloning disabled.*\): only its plain text/);
    expect(draft.markdown).toContain('PrintFleet');
    expect(draft.markdown).not.toMatch(/<script|javascript:|onerror/i);
    const sel = loadFixture('hostile.html');
    Object.assign(sel.doc, {
      getSelection: () => {
        throw new Error('no selection for you');
      },
    });
    expect(() => extractDocument(sel.doc, { url: sel.url, mode: 'selection' })).toThrow(
      expect.objectContaining({ code: 'unreadable-page' }),
    );
  });
});
