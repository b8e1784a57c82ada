import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadNodePdfjs } from '../../../cli/pdfjs';
import { EMPTY_PDF_WARNING, pdfToDraft, type PdfjsLike } from '../../../extension/capture/pdf';
import { CaptureError } from '../../../extension/capture/text';
import { CaptureDraft } from '../../../shared/domain';
import { makePdf } from '../../fixtures/make-pdf';
import { PROPOSAL_TITLE } from '../../fixtures/pdf/proposal-pages';

const fixture = (name: string) =>
  readFile(new URL(`../../fixtures/pdf/${name}`, import.meta.url)).then((b) => new Uint8Array(b));

let pdfjs: PdfjsLike;
beforeAll(async () => {
  pdfjs = await loadNodePdfjs();
});

async function captureError(promise: Promise<unknown>): Promise<CaptureError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaptureError);
  return error as CaptureError;
}

describe('pdfToDraft on the proposal fixture', () => {
  it('reads the pages, the metadata title and the pricing', async () => {
    const draft = await pdfToDraft(await fixture('proposal.pdf'), { fileName: 'proposal.pdf', pdfjs });
    expect(CaptureDraft.parse(draft)).toEqual(draft);
    expect(draft.kind).toBe('pdf');
    expect(draft.pdf).toEqual({ pageCount: 3 });
    expect(draft.source).toEqual({ url: null, title: PROPOSAL_TITLE, site: 'proposal.pdf' });
    expect(draft.warnings).toEqual([]);
    expect(draft.markdown).toContain('$4,500/month');
    expect(draft.markdown).toContain('This proposal is valid until December 15, 2026.');
    expect(draft.excerpt.startsWith('Managed Services Proposal')).toBe(true);
  });

  it('puts a heading per page and rebuilds paragraphs, hyphenated words and bullets', async () => {
    const { markdown } = await pdfToDraft(await fixture('proposal.pdf'), { fileName: 'proposal.pdf', pdfjs });
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Page 1', '## Page 2', '## Page 3']);
    // Wrapped prose lines are one paragraph; "arrange-" + "ment" is one word again.
    expect(markdown).toContain(
      'Acme Cloud Services proposes to take over day-to-day management of Northwind’s servers, workstations and network,',
    );
    expect(markdown).toContain('time-and-materials arrangement with a fixed monthly fee.');
    expect(markdown).toContain(
      'Pricing\n\n- Managed services (up to 60 users): $4,500/month\n- Onboarding (one-time): $6,000',
    );
  });

  it('names the site after the URL when there is one, and keeps the caller’s bytes intact', async () => {
    const bytes = await fixture('proposal.pdf');
    const url = 'https://www.portal.acme-cloud.com/docs/proposal.pdf';
    const draft = await pdfToDraft(bytes, { url, fileName: null, pdfjs });
    expect(draft.source.url).toBe(url);
    expect(draft.source.site).toBe('portal.acme-cloud.com');
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });
});

describe('pdfToDraft layout lines', () => {
  it('keeps a price table’s rows and a header block’s lines as lines, columns apart, prose joined', async () => {
    const bytes = makePdf([
      [
        'Prepared for:   Cabinet Roy Avocats',
        '                Attention: Me Julie Roy, Managing Partner',
        'Date:           November 26, 2026',
        '',
        'Item                                Qty    Monthly      One-time',
        'Managed workstation (per user)       26    $3,770.00',
        'Onboarding and documentation          1                 $5,400.00',
        'Total                                      $5,415.32    $8,749.60',
        '',
        'All prices are in Canadian dollars. The monthly fee is invoiced on the first of each month;',
        'onboarding is invoiced 50% on signature and 50% on completion.',
      ],
    ]);
    const draft = await pdfToDraft(bytes, { fileName: 'proposal.pdf', pdfjs });
    expect(draft.markdown).toBe(
      [
        '## Page 1',
        '',
        'Prepared for: Cabinet Roy Avocats\\',
        'Attention: Me Julie Roy, Managing Partner\\',
        'Date: November 26, 2026',
        '',
        'Item | Qty | Monthly | One-time\\',
        'Managed workstation (per user) | 26 | $3,770.00\\',
        'Onboarding and documentation | 1 | $5,400.00\\',
        'Total | $5,415.32 | $8,749.60',
        '',
        'All prices are in Canadian dollars. The monthly fee is invoiced on the first of each month; onboarding is ' +
          'invoiced 50% on signature and 50% on completion.',
      ].join('\n'),
    );
    // The excerpt is plain text: no hard-break backslashes.
    expect(draft.excerpt).toMatch(/^Prepared for: Cabinet Roy Avocats Attention: Me Julie Roy/);
  });
});

describe('pdfToDraft titles', () => {
  it('falls back to the first line with words when there is no metadata title', async () => {
    const bytes = makePdf([['12', '', 'Quote Q-2291: firewall refresh', 'Total $18,200']]);
    const draft = await pdfToDraft(bytes, { fileName: 'q.pdf', pdfjs });
    expect(draft.source.title).toBe('Quote Q-2291: firewall refresh');
  });

  it('ignores a metadata title that is only a file name', async () => {
    const bytes = makePdf([['Renewal terms 2027']], { title: 'Microsoft Word - renewal-v3.docx' });
    expect((await pdfToDraft(bytes, { pdfjs })).source.title).toBe('Renewal terms 2027');
  });

  it('falls back to the file name when no line reads like words', async () => {
    const draft = await pdfToDraft(makePdf([['12 000', '2026']]), { fileName: 'scan-0042.pdf', pdfjs });
    expect(draft.source.title).toBe('scan-0042.pdf');
  });
});

describe('pdfToDraft on long documents', () => {
  const fiftyPages = () =>
    makePdf(
      Array.from({ length: 50 }, (_, i) => [
        `Section ${i + 1}`,
        '',
        `Service level clause ${i + 1}: response within 4 hours.`,
      ]),
      { title: 'Master Services Agreement' },
    );

  it('reads a 50-page proposal whole', async () => {
    const draft = await pdfToDraft(fiftyPages(), { fileName: 'msa.pdf', pdfjs });
    expect(draft.pdf?.pageCount).toBe(50);
    expect(draft.markdown.match(/^## Page \d+$/gm)).toHaveLength(50);
    expect(draft.markdown).toContain('## Page 50\n\nSection 50\n\nService level clause 50: response within 4 hours.');
  });

  it('stops at maxPages with a warning but reports the real page count', async () => {
    const draft = await pdfToDraft(fiftyPages(), { fileName: 'msa.pdf', pdfjs, maxPages: 10 });
    expect(draft.pdf?.pageCount).toBe(50);
    expect(draft.markdown).toContain('## Page 10');
    expect(draft.markdown).not.toContain('## Page 11');
    expect(draft.warnings).toEqual(['Only the first 10 of 50 pages were read.']);
  });
});

describe('pdfToDraft failures', () => {
  it('rejects the truncated fixture as unreadable', async () => {
    const error = await captureError(pdfToDraft(await fixture('corrupt.pdf'), { fileName: 'corrupt.pdf', pdfjs }));
    expect(error.code).toBe('unreadable-pdf');
    expect(error.message).toBe('This PDF could not be read (it may be damaged or not a PDF).');
  });

  it.each([
    ['not a PDF at all', new TextEncoder().encode('<html><body>hello</body></html>')],
    ['zero bytes', new Uint8Array()],
  ])('rejects %s as unreadable', async (_label, bytes) => {
    expect((await captureError(pdfToDraft(bytes, { pdfjs }))).code).toBe('unreadable-pdf');
  });

  it('says when a PDF is password-protected', async () => {
    const error = await captureError(pdfToDraft(makePdf([['secret']], { encrypted: true }), { pdfjs }));
    expect(error.code).toBe('encrypted-pdf');
    expect(error.message).toMatch(/password/);
  });
});

describe('pdfToDraft without a text layer', () => {
  it('keeps a scan as a draft with its page count and a warning, not an error', async () => {
    const draft = await pdfToDraft(makePdf([[], [], []]), { fileName: 'scan.pdf', pdfjs });
    expect(draft.pdf).toEqual({ pageCount: 3 });
    expect(draft.warnings).toEqual([EMPTY_PDF_WARNING]);
    expect(draft.markdown).toBe('_No text could be extracted from this PDF (3 pages)._');
    expect(draft.source.title).toBe('scan.pdf');
    expect(draft.excerpt).toBe('');
  });

  it('marks the pages without text in an otherwise readable PDF', async () => {
    const draft = await pdfToDraft(makePdf([['Cover letter'], [], ['Signed copy attached']]), { pdfjs });
    expect(draft.markdown).toContain('## Page 2\n\n_(no text on this page)_\n\n## Page 3');
    expect(draft.warnings).toEqual(['1 of 3 pages have no text layer (scanned pages?).']);
  });
});

describe('pdfToDraft and the pdf.js document lifetime', () => {
  function fakePdfjs(opts: { fail?: unknown; pageText?: string; pageFails?: boolean }) {
    const destroy = vi.fn(async () => {});
    const items = [{ str: opts.pageText ?? 'Hello', hasEOL: false, transform: [1, 0, 0, 10, 0, 0] }];
    const doc = {
      numPages: 2,
      getMetadata: async () => ({ info: {} }),
      getPage: async () => {
        if (opts.pageFails) throw new Error('bad xref entry');
        return { getTextContent: async () => ({ items }) };
      },
    };
    const promise = opts.fail ? Promise.reject(opts.fail) : Promise.resolve(doc);
    promise.catch(() => {});
    const getDocument = vi.fn((_src: { data: Uint8Array; isEvalSupported?: boolean }) => ({ promise, destroy }));
    return { pdfjs: { getDocument } satisfies PdfjsLike, destroy, getDocument };
  }

  it('destroys the loading task after a successful read', async () => {
    const fake = fakePdfjs({ pageText: 'Quote' });
    const draft = await pdfToDraft(new Uint8Array([1, 2, 3]), { pdfjs: fake.pdfjs });
    expect(draft.markdown).toBe('## Page 1\n\nQuote\n\n## Page 2\n\nQuote');
    expect(fake.destroy).toHaveBeenCalledTimes(1);
    expect(fake.getDocument.mock.calls[0]?.[0]).toMatchObject({ isEvalSupported: false });
  });

  it('calls a PDF whose every page fails unreadable (not a scan), and still destroys it', async () => {
    const fake = fakePdfjs({ pageFails: true });
    expect((await captureError(pdfToDraft(new Uint8Array([1]), { pdfjs: fake.pdfjs }))).code).toBe('unreadable-pdf');
    expect(fake.destroy).toHaveBeenCalledTimes(1);
  });

  it('destroys the loading task when the document cannot be opened', async () => {
    const fake = fakePdfjs({ fail: Object.assign(new Error('No password given'), { name: 'PasswordException' }) });
    expect((await captureError(pdfToDraft(new Uint8Array([1]), { pdfjs: fake.pdfjs }))).code).toBe('encrypted-pdf');
    expect(fake.destroy).toHaveBeenCalledTimes(1);
  });
});
