import { describe, expect, it } from 'vitest';
import { pageToMarkdown, type PdfTextPart } from '../../../extension/capture/pdf';

/** A text item at (x, y) in a font of `size` points, about 0.5 em per character wide. */
const item = (str: string, x: number, y: number, opts: { size?: number; eol?: boolean } = {}): PdfTextPart => {
  const size = opts.size ?? 10;
  return { str, hasEOL: opts.eol ?? false, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5 };
};

describe('pageToMarkdown', () => {
  it('adds a space between words drawn as separate items with a gap, but not inside a word', () => {
    const text = pageToMarkdown([item('Total', 0, 700), item('due', 40, 700), item('now', 55, 700)]);
    expect(text).toBe('Total duenow');
  });

  it('ends a line at a baseline change even without hasEOL', () => {
    const text = pageToMarkdown([item('Renewal', 0, 700), item('notice', 0, 688), item('period', 0, 676)]);
    expect(text).toBe('Renewal notice period');
  });

  it('starts a paragraph at a wide gap, a move up the page (next column) and a font-size change', () => {
    const items = [
      item('Pricing', 0, 740, { size: 16, eol: true }),
      item('Licences cost', 0, 716, { eol: true }),
      item('$12 each.', 0, 704, { eol: true }),
      item('Support is', 0, 670, { eol: true }),
      item('included.', 300, 740, { eol: true }),
    ];
    expect(pageToMarkdown(items)).toBe('Pricing\n\nLicences cost $12 each.\n\nSupport is\n\nincluded.');
  });

  it('drops a line-end hyphen before lower case and keeps it, unspaced, before a capital', () => {
    const items = [
      item('a fixed-price imple-', 0, 700, { eol: true }),
      item('mentation by Acme-', 0, 688, { eol: true }),
      item('Cloud staff', 0, 676, { eol: true }),
    ];
    expect(pageToMarkdown(items)).toBe('a fixed-price implementation by Acme-Cloud staff');
  });

  it('keeps bullets and numbered items on their own lines', () => {
    const items = [
      item('Included:', 0, 700, { eol: true }),
      item('• Monitoring', 0, 688, { eol: true }),
      item('1. Patching', 0, 676, { eol: true }),
    ];
    expect(pageToMarkdown(items)).toBe('Included:\n- Monitoring\n1. Patching');
  });

  it('ignores marked-content markers and empty items', () => {
    const items: PdfTextPart[] = [
      { type: 'beginMarkedContent' },
      item('', 0, 700, { eol: true }),
      item('Only', 0, 688),
    ];
    expect(pageToMarkdown(items)).toBe('Only');
  });
});
