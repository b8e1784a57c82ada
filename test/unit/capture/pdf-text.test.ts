import { describe, expect, it } from 'vitest';
import { pageToMarkdown, type PdfTextPart } from '../../../extension/capture/pdf';

/** A text item at (x, y) in a font of `size` points, about 0.5 em per character wide. */
const item = (str: string, x: number, y: number, opts: { size?: number; eol?: boolean } = {}): PdfTextPart => {
  const size = opts.size ?? 10;
  return { str, hasEOL: opts.eol ?? false, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5 };
};

describe('pageToMarkdown', () => {
  it('adds a space between words drawn as separate items with a gap, but not inside a word', () => {
    // "Total" ends at 25: a 3 pt gap is a word space (a gap over 0.7 em is a column gap, see below).
    const text = pageToMarkdown([item('Total', 0, 700), item('due', 28, 700), item('now', 43, 700)]);
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

  describe('layout lines', () => {
    /** A row of cells, each [text, x]: items separated by wide gaps, as pdf.js gives a table row. */
    const row = (y: number, ...cells: Array<[string, number]>): PdfTextPart[] =>
      cells.map(([str, x], i) => item(str, x, y, { eol: i === cells.length - 1 }));

    it('keeps a price table row per line, its columns separated by " | "', () => {
      const items = [
        ...row(700, ['Item', 72], ['Qty', 250], ['Monthly', 320], ['One-time', 400]),
        ...row(686, ['Managed workstation (per user)', 72], ['26', 250], ['$3,770.00', 320]),
        ...row(672, ['Onboarding', 72], ['1', 250], ['$5,400.00', 400]),
        ...row(658, ['Total', 72], ['$5,415.32', 320], ['$8,749.60', 400]),
      ];
      expect(pageToMarkdown(items)).toBe(
        [
          'Item | Qty | Monthly | One-time\\',
          'Managed workstation (per user) | 26 | $3,770.00\\',
          'Onboarding | 1 | $5,400.00\\',
          'Total | $5,415.32 | $8,749.60',
        ].join('\n'),
      );
    });

    it('reads a gap made of a wide space item (how pdf.js splits "Qty      Unit price") as a column gap', () => {
      const items: PdfTextPart[] = [
        item('Item', 72, 700),
        { str: ' ', hasEOL: false, transform: [10, 0, 0, 10, 92, 700], width: 60 },
        item('Qty', 152, 700, { eol: true }),
        item('Managed server', 72, 686),
        { str: ' ', hasEOL: false, transform: [10, 0, 0, 10, 142, 686], width: 10 },
        item('2', 152, 686, { eol: true }),
      ];
      expect(pageToMarkdown(items)).toBe('Item | Qty\\\nManaged server | 2');
    });

    it('keeps a header block’s lines apart and a label’s colon as the separator from its value', () => {
      const items = [
        ...row(700, ['Prepared for:', 72], ['Cabinet Roy Avocats', 150]),
        item('Attention: Me Julie Roy, Managing Partner', 150, 686, { eol: true }),
        ...row(672, ['Date:', 72], ['November 26, 2026', 150]),
        item('Cabinet Roy Avocats relies on 26 lawyers and staff working from the Old Montréal office,', 72, 644, {
          eol: true,
        }),
        item('and from home.', 72, 630, { eol: true }),
      ];
      expect(pageToMarkdown(items)).toBe(
        [
          'Prepared for: Cabinet Roy Avocats\\',
          'Attention: Me Julie Roy, Managing Partner\\',
          'Date: November 26, 2026',
          '',
          'Cabinet Roy Avocats relies on 26 lawyers and staff working from the Old Montréal office, and from home.',
        ].join('\n'),
      );
    });

    it('keeps a bar between side-by-side labels (two signature blocks)', () => {
      const items = row(700, ['Name:', 72], ['Name: Jan Kowalski', 300]);
      expect(pageToMarkdown(items)).toBe('Name: | Name: Jan Kowalski');
    });

    it('keeps a short line’s break when the next line’s first word would have fitted, and joins wrapped prose', () => {
      const items = [
        item('Managed Services Proposal', 72, 700, { eol: true }),
        item('Prepared for Northwind Dental Group by Acme Cloud Services, Inc.', 72, 686, { eol: true }),
        item('This proposal is valid until December 15, 2026, after which the prices', 72, 660, { eol: true }),
        item('may change.', 72, 646, { eol: true }),
        item('Signature: ____________', 72, 632, { eol: true }),
      ];
      expect(pageToMarkdown(items, 612)).toBe(
        [
          'Managed Services Proposal\\',
          'Prepared for Northwind Dental Group by Acme Cloud Services, Inc.',
          '',
          'This proposal is valid until December 15, 2026, after which the prices may change.\\',
          'Signature: ____________',
        ].join('\n'),
      );
    });

    it('joins hand-wrapped prose whose lines end a little short of the widest line', () => {
      const items = [
        // 78, 80 and 83 characters: "before" (6) and "is" would not have fitted after the first two lines.
        item('Either party may elect not to renew by written notice delivered no later than 90', 72, 700, {
          eol: true,
        }),
        item('days before the end of the current term. If no notice is given and this Schedule', 72, 686, {
          eol: true,
        }),
        item('is not signed, the Agreement renews for 12 months at the renewal fees below, agreed.', 72, 672, {
          eol: true,
        }),
      ];
      expect(pageToMarkdown(items, 612)).toBe(
        'Either party may elect not to renew by written notice delivered no later than 90 days before the end of the ' +
          'current term. If no notice is given and this Schedule is not signed, the Agreement renews for 12 months at ' +
          'the renewal fees below, agreed.',
      );
    });

    it('starts a labelled line ("Billing: …") on its own line after a full stop', () => {
      const items = [
        item(
          'Term: 36 months from the service start date, renewable for 12 months unless either party objects.',
          72,
          700,
          {
            eol: true,
          },
        ),
        item('Billing: monthly in advance.', 72, 686, { eol: true }),
      ];
      expect(pageToMarkdown(items)).toBe(
        'Term: 36 months from the service start date, renewable for 12 months unless either party objects.\\\n' +
          'Billing: monthly in advance.',
      );
    });

    it('starts a numbered clause on its own line', () => {
      const items = [
        item('4.1 Support desk: Monday to Friday, 7 am to 6 pm, except on public holidays in Québec.', 72, 700, {
          eol: true,
        }),
        item('4.2 Emergencies: 24/7.', 72, 686, { eol: true }),
      ];
      expect(pageToMarkdown(items)).toBe(
        '4.1 Support desk: Monday to Friday, 7 am to 6 pm, except on public holidays in Québec.\\\n4.2 Emergencies: 24/7.',
      );
    });
  });
});
