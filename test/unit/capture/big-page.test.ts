// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { generatePriceList, PRICE_LIST } from '../../../bench/data/price-list';
import { boundedPage, PAGE_BUDGET } from '../../../extension/capture/bounded';
import { extractDocument } from '../../../extension/capture/extract-document';
import { captureHints, scannedText } from '../../../extension/capture/hints';
import { SCAN_LIMIT } from '../../../shared/hints/text-hints';

const URL = 'https://portal.keystone-distribution.example/price-lists/2027';
const NOW = new Date('2027-01-15T12:00:00Z');
// Text well over the head + tail budget: the copy must leave out most of the table.
const BIG = generatePriceList(1_500_000, 3);

describe('a very large price list', () => {
  const dom = new JSDOM(BIG, { url: URL });
  const doc = dom.window.document;
  const before = doc.documentElement.outerHTML.length;
  const draft = extractDocument(doc, { url: URL, mode: 'page' });

  it('keeps the head (title, quote, table header, first rows) and the tail (the total row)', () => {
    expect(draft.markdown).toContain(`# ${PRICE_LIST.title}`);
    expect(draft.markdown).toContain(PRICE_LIST.quote);
    expect(draft.markdown).toContain('| SKU | Product | Category | Unit | List price | Your price |');
    expect(draft.markdown).toContain(`| ${PRICE_LIST.firstSku} |`);
    expect(draft.markdown).toMatch(new RegExp(`\\| ${PRICE_LIST.totalLabel} \\|.*\\| \\${PRICE_LIST.total} \\|`));
    expect(draft.markdown).toContain(PRICE_LIST.validUntil);
  });

  it('marks where the middle was left out, as a row of the same table, and says so in a warning', () => {
    const marker = draft.markdown.split('\n').find((l) => l.includes('left out here'));
    expect(marker).toMatch(/^\| … about [\d,]+ characters of this very large page are left out here … \|/);
    expect(draft.warnings.join(' ')).toMatch(/This page is very large \([\d,]+ characters of text\)/);
    // Every table line between the header and the total is still a six-column row.
    for (const line of draft.markdown.split('\n').filter((l) => l.startsWith('|')))
      expect(line.split('|').length - 2).toBe(6);
  });

  it('reads a bounded part of the page, whatever its size, and leaves the live page alone', () => {
    const text = doc.body.textContent!.length;
    expect(draft.markdown.length).toBeLessThan((PAGE_BUDGET.head + PAGE_BUDGET.tail) * 1.6);
    expect(draft.markdown.length).toBeLessThan(text / 2);
    expect(doc.documentElement.outerHTML.length).toBe(before);
  });

  it('suggests the total from the last row, the title and the validity date', () => {
    const hints = captureHints(draft, NOW);
    expect(hints.title).toBe(PRICE_LIST.title);
    expect(hints.amounts.map((a) => a.value)).toContain(184_250);
    expect(hints.dates.map((d) => d.date)).toContain('2027-03-31');
  });
});

describe('boundedPage', () => {
  it('leaves a page within the budget to be read whole', () => {
    const dom = new JSDOM(generatePriceList(20_000, 1), { url: URL });
    expect(boundedPage(dom.window.document)).toBeNull();
  });

  it('never cuts a row in half, and keeps the rows in page order', () => {
    const dom = new JSDOM(generatePriceList(60_000, 1), { url: URL });
    const bounded = boundedPage(dom.window.document, { head: 2_000, tail: 800 })!;
    const rows = [...bounded.doc.querySelectorAll('tbody tr')];
    const cells = rows.map((r) => r.querySelectorAll('td').length);
    expect(cells.filter((n) => n !== 6)).toEqual([1]); // the marker row alone
    const skus = rows.map((r) => r.firstElementChild!.textContent!).filter((t) => t.startsWith('KD-'));
    expect(skus).toEqual([...skus].sort());
    expect(bounded.doc.querySelector('tfoot')!.textContent).toContain(PRICE_LIST.total);
    expect(bounded.doc.title).toBe(PRICE_LIST.title);
  });
});

describe('scannedText', () => {
  it('is the text itself up to the scan limit', () => {
    const text = 'a line\n'.repeat(1000);
    expect(scannedText(text)).toBe(text);
  });

  it('reads the lead, then the close, then the rest of the head of a long text, within the limit', () => {
    const text = `LEAD\n${'row\n'.repeat(SCAN_LIMIT / 2)}CLOSE`;
    const scanned = scannedText(text);
    expect(scanned.length).toBeLessThanOrEqual(SCAN_LIMIT);
    expect(scanned.indexOf('LEAD')).toBe(0);
    expect(scanned.indexOf('CLOSE')).toBeLessThan(2_000);
  });
});
