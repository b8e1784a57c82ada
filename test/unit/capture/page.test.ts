// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CaptureDraft } from '../../../shared/domain';
import { CaptureError, extractDocument } from '../../../extension/capture/extract-document';
import { extractPage } from '../../../extension/capture/page';
import { loadFixture } from '../../fixtures/pages/load';

function tableLines(markdown: string): string[] {
  return markdown.split('\n').filter((l) => l.startsWith('|'));
}

describe('page capture: long article', () => {
  const { doc, url } = loadFixture('long-article.html');
  const before = doc.documentElement.outerHTML;
  const draft = extractDocument(doc, { url, mode: 'page' });

  it('is a valid page draft with title, site and excerpt', () => {
    expect(() => CaptureDraft.parse(draft)).not.toThrow();
    expect(draft.kind).toBe('page');
    expect(draft.source).toEqual({
      url,
      title: 'Seven clauses to read before you renew your MSP contract',
      site: 'The vCIO Journal',
    });
    expect(draft.excerpt.startsWith('Most managed service provider agreements renew themselves.')).toBe(true);
    expect(draft.excerpt.length).toBeLessThanOrEqual(300);
    expect(draft.email).toBeNull();
  });

  it('keeps the article: headings, lists, quote, resolved links', () => {
    expect(draft.markdown).toContain('## 2. Notice period'.replace('2.', '2\\.'));
    expect(draft.markdown).toContain('- Check who may give notice: some agreements require an officer of the company.');
    expect(draft.markdown).toContain('1. Documentation and network diagrams, in an editable format.');
    expect(draft.markdown).toContain('> A renewal you did not decide is a decision someone else made for your client.');
    expect(draft.markdown).toContain('[exit checklist](https://www.vciojournal.com/guides/exit-checklist)');
  });

  it('keeps the comparison table as a GFM table with the right cells', () => {
    expect(tableLines(draft.markdown)).toEqual([
      '| Escalator | Year 1 | Year 2 | Year 3 | Three-year total |',
      '| --- | --- | --- | --- | --- |',
      '| Fixed 3% per year | $144,000 | $148,320 | $152,770 | $445,090 |',
      '| CPI capped at 5% | $144,000 | $150,480 | $157,250 | $451,730 |',
      '| "Then-current rates" | $144,000 | Unknown | Unknown | Unknown |',
    ]);
  });

  it('leaves out navigation, ads, comments, sidebar, footer and scripts', () => {
    for (const junk of [
      'Vendor management',
      'Advertisement',
      'registered mail. Great list',
      'Get the weekly briefing',
      'All rights reserved',
      'dataLayer',
      'Accept all',
      'Share this article',
    ]) {
      expect(draft.markdown).not.toContain(junk);
    }
  });

  it('does not change the live page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('page capture: vendor quote portal (mostly a pricing table)', () => {
  const { doc, url } = loadFixture('vendor-quote-portal.html');
  const before = doc.documentElement.outerHTML;
  const draft = extractPage(doc, { url });

  it('keeps the quote number, validity date, line items and the total', () => {
    expect(draft.markdown).toContain('Quote Q-2026-1042');
    expect(draft.markdown).toContain('December 15, 2026');
    expect(draft.markdown).toContain(
      '| ACB-ENT-SEAT | Acme Cloud Backup Enterprise, per seat | 120 | $32.50 | $3,900.00 |',
    );
    expect(draft.markdown).toContain('| DISC-MULTI | Multi-product discount | 1 | −$380.00 | −$380.00 |');
    expect(draft.markdown).toContain('| **Total** | **$4,500/month** |');
    expect(draft.markdown).toContain('| GST (5%) | $211.00 |');
  });

  it('drops the portal navigation and the accept/decline form controls', () => {
    expect(draft.markdown).not.toContain('Support tickets');
    expect(draft.markdown).not.toContain('Accept quote');
    expect(draft.markdown).not.toContain('b1946ac92492d2347c6235b4d2611184');
    expect(draft.source.site).toBe('Acme Cloud Customer Portal');
  });

  it('resolves relative links against the page URL', () => {
    expect(draft.markdown).toContain('[Master Services Agreement](https://portal.acme-cloud.com/legal/msa-2026)');
  });

  it('does not change the live page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('page capture: fallback and failure', () => {
  it('falls back to the main region with a warning when Readability finds too little', () => {
    const html =
      '<html><head><title>Circuit quote</title></head><body><nav><a href="/">Home</a> <a href="/x">Billing</a></nav>' +
      '<main><h1>Circuit quote TQ-77</h1><table><tr><th>Circuit</th><th>Monthly</th></tr>' +
      '<tr><td>DIA 500 Mbit/s</td><td>$1,150</td></tr><tr><td>Backup LTE</td><td>$85</td></tr></table></main>' +
      '<footer>© Telco</footer></body></html>';
    const { doc } = loadFixture('empty.html', html);
    const draft = extractPage(doc, { url: 'https://www.telco.example/quotes/TQ-77' });
    expect(draft.warnings.join(' ')).toMatch(/full page was kept/);
    expect(draft.markdown).toContain('| DIA 500 Mbit/s | $1,150 |');
    expect(draft.markdown).toContain('Circuit quote TQ-77');
    expect(draft.markdown).not.toContain('Billing');
    expect(draft.markdown).not.toContain('© Telco');
    expect(draft.source).toMatchObject({ title: 'Circuit quote TQ-77', site: 'telco.example' });
  });

  it('refuses a page with nothing readable, with a clear error', () => {
    const { doc, url } = loadFixture('empty.html');
    const before = doc.documentElement.outerHTML;
    expect(() => extractDocument(doc, { url, mode: 'page' })).toThrow(CaptureError);
    try {
      extractDocument(doc, { url, mode: 'page' });
    } catch (error) {
      expect((error as CaptureError).code).toBe('unreadable-page');
      expect((error as CaptureError).message).toMatch(/no readable text/);
    }
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
