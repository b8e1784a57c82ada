// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CaptureDraft } from '../../../shared/domain';
import { CaptureError, extractDocument } from '../../../extension/capture/extract-document';
import { extractSelection } from '../../../extension/capture/selection';
import { loadFixture } from '../../fixtures/pages/load';

function select(doc: Document, build: (range: Range) => void): void {
  const range = doc.createRange();
  build(range);
  const selection = doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

describe('selection capture', () => {
  it('captures only the selected text, with its links, and leaves the page unchanged', () => {
    const { doc, url } = loadFixture('long-article.html');
    const paragraph = [...doc.querySelectorAll('p')].find((p) => p.textContent!.includes('exit checklist'))!;
    select(doc, (r) => r.selectNodeContents(paragraph));
    const before = doc.documentElement.outerHTML;
    const draft = extractDocument(doc, { url, mode: 'selection' });
    expect(() => CaptureDraft.parse(draft)).not.toThrow();
    expect(draft.kind).toBe('selection');
    expect(draft.markdown).toBe(
      'Confirm that backups and monitoring data belong to the client, and that the provider will export them in a ' +
        'standard format. See our [exit checklist](https://www.vciojournal.com/guides/exit-checklist) for the full list.',
    );
    expect(draft.source.title).toBe('Seven clauses to read before you renew your MSP contract | The vCIO Journal');
    expect(draft.email).toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('keeps a partial text selection exactly', () => {
    const { doc, url } = loadFixture('vendor-quote-portal.html');
    const terms = [...doc.querySelectorAll('p')].find((p) => p.textContent!.startsWith('Prices are in US dollars'))!;
    const text = terms.firstChild!;
    const start = text.textContent!.indexOf('This quote is valid');
    select(doc, (r) => {
      r.setStart(text, start);
      r.setEnd(text, start + 'This quote is valid until December 15, 2026.'.length);
    });
    expect(extractSelection(doc, { url }).markdown).toBe('This quote is valid until December 15, 2026.');
  });

  it('keeps selected table rows as a GFM table and a selected list as a list', () => {
    const { doc, url } = loadFixture('vendor-quote-portal.html');
    const rows = doc.querySelectorAll('table.line-items tbody tr');
    select(doc, (r) => {
      r.setStartBefore(rows[0]!);
      r.setEndAfter(rows[1]!);
    });
    expect(extractSelection(doc, { url }).markdown).toBe(
      '| ACB-ENT-SEAT | Acme Cloud Backup Enterprise, per seat | 120 | $32.50 | $3,900.00 |\n' +
        '| --- | --- | --- | --- | --- |\n' +
        '| ACB-M365-ADD | Microsoft 365 mailbox protection add-on | 120 | $3.00 | $360.00 |',
    );
    const article = loadFixture('long-article.html');
    const items = article.doc.querySelectorAll('ol li');
    select(article.doc, (r) => {
      r.setStartBefore(items[0]!);
      r.setEndAfter(items[1]!);
    });
    expect(extractSelection(article.doc, { url: article.url }).markdown).toBe(
      '1. Documentation and network diagrams, in an editable format.\n2. All administrative credentials, rotated after handover.',
    );
  });

  it('refuses an empty or whitespace-only selection with a clear message', () => {
    const { doc, url } = loadFixture('long-article.html');
    expect(() => extractDocument(doc, { url, mode: 'selection' })).toThrow(
      expect.objectContaining({
        code: 'empty-selection',
        message: 'Nothing is selected on this page. Select some text, or capture the whole page.',
      }),
    );
    const blank = doc.createElement('p');
    blank.textContent = '   ';
    doc.body.appendChild(blank);
    select(doc, (r) => r.selectNodeContents(blank));
    expect(() => extractSelection(doc, { url })).toThrow(CaptureError);
  });

  it('in Gmail, keeps the selection but fills the headers of the message it was made in', () => {
    const { doc, url } = loadFixture('gmail-renewal-thread.html');
    const p = [...doc.querySelectorAll('.a3s p')].find((el) => el.textContent!.startsWith('That is a 17% increase'))!;
    select(doc, (r) => r.selectNodeContents(p));
    const before = doc.documentElement.outerHTML;
    const draft = extractDocument(doc, { url, mode: 'selection' });
    expect(draft.kind).toBe('selection');
    expect(draft.markdown).toMatch(/^That is a 17% increase on the seat price\./);
    expect(draft.markdown).not.toContain('Hi Dana');
    expect(draft.email).toMatchObject({
      provider: 'gmail',
      subject: 'Action required: Acme Cloud Backup renewal – 2027 pricing',
      from: { name: 'Priya Shah', address: 'priya.shah@acme-cloud.com' },
      messageId: '1938a2b4c5d6e7f9',
      threadId: '1938a2b4c5d6e7f8',
    });
    expect(draft.source.title).toBe('Action required: Acme Cloud Backup renewal – 2027 pricing');
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('in Gmail, a selection in an earlier message carries that message’s sender', () => {
    const { doc, url } = loadFixture('gmail-renewal-thread.html');
    const earlier = doc.querySelector(
      '[data-legacy-message-id="1935b2c3d4e5f602"] .a3s div[dir=ltr] div:nth-child(3)',
    )!;
    select(doc, (r) => r.selectNodeContents(earlier));
    const draft = extractSelection(doc, { url });
    expect(draft.markdown).toContain('3-year term discount');
    expect(draft.email?.from).toEqual({ name: 'Dana Whitfield', address: 'dana@northwind-advisory.com' });
    expect(draft.email?.messageId).toBe('1935b2c3d4e5f602');
  });

  it('in Outlook, fills the headers of the open message', () => {
    const { doc, url } = loadFixture('outlook-reading-pane.html');
    const table = doc.querySelector('#UniqueMessageBody_1 table')!;
    select(doc, (r) => r.selectNode(table));
    const draft = extractSelection(doc, { url });
    expect(draft.markdown).toContain('| Fibre Affaires 1 Gbit/s | 189,00 $ | 214,00 $ |');
    expect(draft.email?.provider).toBe('outlook');
    expect(draft.email?.from?.address).toBe('julie.tremblay@telecom-boreal.example');
  });
});
