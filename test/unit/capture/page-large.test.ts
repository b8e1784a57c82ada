// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../extension/capture/extract-document';
import { generateLargePage } from '../../fixtures/generate';

const URL = 'https://portal.generated.example/proposals';

function lastLine(markdown: string): string {
  return markdown.slice(markdown.lastIndexOf('\n') + 1);
}

describe('generated large pages', () => {
  it('are deterministic for a seed and close to the asked size', () => {
    const a = generateLargePage(100_000, 7);
    expect(generateLargePage(100_000, 7)).toBe(a);
    expect(generateLargePage(100_000, 8)).not.toBe(a);
    expect(a.length).toBeGreaterThanOrEqual(100_000);
    expect(a.length).toBeLessThan(105_000);
    expect(a).toContain('<table class="line-items">');
  });

  it('caps the Markdown at maxChars on a line boundary, with a "truncated" warning', { timeout: 60_000 }, () => {
    const dom = new JSDOM(generateLargePage(300_000, 11), { url: URL });
    const draft = extractDocument(dom.window.document, { url: URL, mode: 'page', maxChars: 50_000 });
    expect(draft.markdown.length).toBeLessThanOrEqual(50_000);
    expect(draft.markdown.length).toBeGreaterThan(45_000);
    expect(draft.warnings.some((w) => /truncated/.test(w))).toBe(true);
    const last = lastLine(draft.markdown);
    if (last.startsWith('|')) expect(last.endsWith('|')).toBe(true);
  });

  it('reads a 5 MB page as its head and tail, well under the 2 000 000-character cap', { timeout: 180_000 }, () => {
    const html = generateLargePage(5_000_000, 42);
    expect(html.length).toBeGreaterThanOrEqual(5_000_000);
    const dom = new JSDOM(html, { url: URL });
    const before = dom.window.document.documentElement.outerHTML.length;
    const draft = extractDocument(dom.window.document, { url: URL, mode: 'page' });
    expect(draft.markdown.length).toBeLessThan(400_000);
    expect(draft.warnings.some((w) => /very large/.test(w))).toBe(true);
    expect(draft.markdown).toContain('| SKU | Description | Qty | Unit price | Amount |');
    expect(draft.markdown).toContain('left out here');
    // The page's last section closes with its total, after the part left out.
    expect(draft.markdown.slice(draft.markdown.indexOf('left out here'))).toMatch(/Total for proposal \d+:/);
    expect(draft.source.site).toBe('Generated Portal');
    expect(dom.window.document.documentElement.outerHTML.length).toBe(before);
  });
});
