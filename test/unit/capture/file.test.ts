import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodePdfjs } from '../../../cli/pdfjs';
import { decodeHtml, fileKind, fileToDraft, type FileToDraftDeps } from '../../../extension/capture/file';
import { CaptureError } from '../../../extension/capture/text';
import { CaptureDraft } from '../../../shared/domain';

const fixture = (path: string) =>
  readFile(new URL(`../../fixtures/${path}`, import.meta.url)).then((b) => new Uint8Array(b));
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes for text made of Latin-1 characters plus € (0x80) and – (0x96). */
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c === '–' ? 0x96 : c.charCodeAt(0))));

const PRICING_PAGE = `<!doctype html><html><head><meta charset="windows-1252"><title>Acme Cloud – Pricing</title></head>
<body><main><h1>Business plan</h1><p>12 000 € HT par an, café et support inclus. The business plan covers up to
sixty users with monitoring, patching and a named service manager, billed yearly in advance.</p></main></body></html>`;

let deps: FileToDraftDeps;
beforeAll(async () => {
  deps = { parseHtml: (html, url) => new JSDOM(html, { url }).window.document, pdfjs: await loadNodePdfjs() };
});

async function captureError(promise: Promise<unknown>): Promise<CaptureError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaptureError);
  return error as CaptureError;
}

describe('fileToDraft dispatch', () => {
  it('reads a dropped .eml as an e-mail and records the file', async () => {
    const bytes = await fixture('eml/outlook-reply.eml');
    const draft = await fileToDraft({ name: 'outlook-reply.eml', type: '', bytes }, deps);
    expect(CaptureDraft.parse(draft)).toEqual(draft);
    expect(draft.kind).toBe('email');
    expect(draft.email?.provider).toBe('eml');
    expect(draft.file).toEqual({ name: 'outlook-reply.eml', type: '', size: bytes.length });
  });

  it('reads a dropped PDF as a pdf and records the file', async () => {
    const bytes = await fixture('pdf/proposal.pdf');
    const draft = await fileToDraft({ name: 'proposal.pdf', type: 'application/pdf', bytes }, deps);
    expect(draft.kind).toBe('pdf');
    expect(draft.pdf).toEqual({ pageCount: 3 });
    expect(draft.source.site).toBe('proposal.pdf');
    expect(draft.file).toEqual({ name: 'proposal.pdf', type: 'application/pdf', size: bytes.length });
  });

  it('reads a saved page as a page at a file: URL, decoding its declared charset', async () => {
    const bytes = cp1252(PRICING_PAGE);
    const draft = await fileToDraft({ name: 'acme pricing.html', type: '', bytes }, deps);
    expect(CaptureDraft.parse(draft)).toEqual(draft);
    expect(draft.kind).toBe('page');
    expect(draft.source.url).toBe('file:///acme%20pricing.html');
    expect(draft.source.site).toBe('acme pricing.html');
    expect(draft.source.title).toContain('Acme Cloud – Pricing');
    expect(draft.markdown).toContain('12 000 € HT par an, café et support inclus.');
    expect(draft.file).toEqual({ name: 'acme pricing.html', type: '', size: bytes.length });
  });

  it('uses the given URL for a saved page', async () => {
    const url = 'https://portal.acme-cloud.com/pricing';
    const draft = await fileToDraft(
      { name: 'p.htm', type: 'text/html', bytes: cp1252(PRICING_PAGE) },
      { ...deps, url },
    );
    expect(draft.source.url).toBe(url);
    expect(draft.source.site).toBe('portal.acme-cloud.com');
  });

  it('rejects an unsupported file with its name in the message', async () => {
    const error = await captureError(fileToDraft({ name: 'notes.txt', type: 'text/plain', bytes: utf8('hi') }, deps));
    expect(error.code).toBe('unsupported-file');
    expect(error.message).toBe('Docket can read .eml, .html and .pdf files; "notes.txt" is none of these.');
  });

  it('rejects a file over the size limit before reading it', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024);
    const error = await captureError(
      fileToDraft({ name: 'big.pdf', type: '', bytes }, { ...deps, maxBytes: 2 * 1024 * 1024 }),
    );
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('"big.pdf" is 3 MB; Docket reads files up to 2 MB.');
  });

  it('passes extractor errors through (a damaged PDF)', async () => {
    const bytes = await fixture('pdf/corrupt.pdf');
    expect((await captureError(fileToDraft({ name: 'c.pdf', type: '', bytes }, deps))).code).toBe('unreadable-pdf');
  });
});

describe('fileKind', () => {
  const none = new Uint8Array();
  it.each([
    ['quote.EML', '', 'eml'],
    ['page.htm', '', 'html'],
    ['page.xhtml', '', 'html'],
    ['Quote.PDF', '', 'pdf'],
    ['download', 'message/rfc822', 'eml'],
    ['download', 'text/html; charset=utf-8', 'html'],
    ['download', 'application/pdf', 'pdf'],
    ['notes.txt', 'text/html', 'html'],
    ['notes.txt', '', null],
    ['photo.png', 'image/png', null],
  ] as const)('%s (%s) → %s', (name, type, kind) => {
    expect(fileKind({ name, type, bytes: none })).toBe(kind);
  });

  it('sniffs the first bytes only when neither the name nor the type says anything', () => {
    expect(fileKind({ name: 'download', type: '', bytes: utf8('%PDF-1.7\n') })).toBe('pdf');
    expect(fileKind({ name: 'download', type: 'application/octet-stream', bytes: utf8('\n<!DOCTYPE html><p>') })).toBe(
      'html',
    );
    expect(fileKind({ name: 'download', type: '', bytes: utf8('hello') })).toBeNull();
    expect(fileKind({ name: 'x.doc', type: '', bytes: utf8('%PDF-1.7') })).toBeNull();
  });
});

describe('decodeHtml', () => {
  it('defaults to UTF-8', () => {
    expect(decodeHtml(utf8('<p>12 000 € – café</p>'))).toBe('<p>12 000 € – café</p>');
  });

  it('honours <meta charset> and <meta http-equiv> for windows-1252 and iso-8859-1', () => {
    expect(decodeHtml(cp1252('<meta charset="windows-1252"><p>12 000 € – café</p>'))).toContain('12 000 € – café');
    const equiv = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>€ café</p>';
    expect(decodeHtml(cp1252(equiv))).toContain('<p>€ café</p>');
  });

  it('lets a byte-order mark, then the MIME type, win over the meta tag', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<meta charset="windows-1252">é')]);
    expect(decodeHtml(bom)).toBe('<meta charset="windows-1252">é');
    expect(decodeHtml(cp1252('<meta charset="utf-8">é'), 'text/html; charset=windows-1252')).toBe(
      '<meta charset="utf-8">é',
    );
  });

  it('falls back to UTF-8 for an unknown label', () => {
    expect(decodeHtml(utf8('<meta charset="x-made-up">é'))).toBe('<meta charset="x-made-up">é');
  });
});
