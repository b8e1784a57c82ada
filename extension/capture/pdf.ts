import type { CaptureDraft } from '../../shared/domain';
import { capMarkdown, CaptureError, DEFAULT_MAX_CHARS, makeExcerpt, siteFromUrl } from './text';

/**
 * The slice of pdf.js this module uses. pdf.js is injected, never imported here, so the extension can
 * lazy-load its own build (with a worker) and Node can pass the legacy build (see cli/pdfjs.ts).
 */
export interface PdfjsLike {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean }): PdfLoadingTaskLike;
}
export interface PdfLoadingTaskLike {
  promise: Promise<PdfDocumentLike>;
  destroy(): Promise<void>;
}
export interface PdfDocumentLike {
  numPages: number;
  getMetadata(): Promise<{ info: object }>;
  getPage(pageNumber: number): Promise<{ getTextContent(): Promise<{ items: PdfTextPart[] }> }>;
}
/** A pdf.js text item (`str` set) or marked-content marker (`type` set, ignored). */
export interface PdfTextPart {
  str?: string;
  hasEOL?: boolean;
  /** [a, b, c, d, x, y]: d is the font size, x/y the baseline origin. */
  transform?: number[];
  width?: number;
  type?: string;
}

export interface PdfToDraftOptions {
  url?: string | null;
  fileName?: string | null;
  /** Pages read at most; the rest are left out with a warning. Default 500. */
  maxPages?: number;
  pdfjs: PdfjsLike;
}

/**
 * A PDF without any text (a scan) is still evidence, so it yields a draft with this warning and its
 * page count rather than an error. 'empty-pdf' is the code of that warning, not of a thrown error.
 */
export const EMPTY_PDF_WARNING =
  'This PDF has no text layer (it may be a scan): only its page count was kept. Add a note or attach the file.';

export async function pdfToDraft(bytes: Uint8Array, opts: PdfToDraftOptions): Promise<CaptureDraft> {
  const maxPages = Math.max(1, opts.maxPages ?? 500);
  // pdf.js may transfer (detach) the buffer it is given; a copy keeps the caller's bytes usable.
  const task = opts.pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw loadError(error);
    });
    const warnings: string[] = [];
    const readPages = Math.min(doc.numPages, maxPages);
    if (doc.numPages > maxPages) warnings.push(`Only the first ${maxPages} of ${doc.numPages} pages were read.`);

    const pages: string[] = [];
    const unreadable: number[] = [];
    let firstLine: string | null = null;
    for (let n = 1; n <= readPages; n++) {
      try {
        const lines = pageLines((await (await doc.getPage(n)).getTextContent()).items);
        firstLine ??= firstMeaningfulLine(lines);
        pages.push(linesToMarkdown(lines));
      } catch {
        unreadable.push(n);
        pages.push('');
      }
    }
    if (readPages > 0 && unreadable.length === readPages) throw loadError(null);
    if (unreadable.length > 0) warnings.push(`Page(s) ${unreadable.join(', ')} could not be read.`);

    const blank = pages.filter((text) => text === '').length - unreadable.length;
    const hasText = pages.some((text) => text !== '');
    if (!hasText) warnings.push(EMPTY_PDF_WARNING);
    else if (blank > 0) warnings.push(`${blank} of ${readPages} pages have no text layer (scanned pages?).`);

    const markdown = hasText
      ? pages.map((text, i) => `## Page ${i + 1}\n\n${text || '_(no text on this page)_'}`).join('\n\n')
      : `_No text could be extracted from this PDF (${doc.numPages} page${doc.numPages === 1 ? '' : 's'})._`;
    const title = metadataTitle(await doc.getMetadata().catch(() => ({ info: {} })));
    return {
      kind: 'pdf',
      source: source(opts, title ?? firstLine),
      markdown: capMarkdown(markdown, DEFAULT_MAX_CHARS, warnings),
      excerpt: makeExcerpt(pages.join('\n\n')),
      email: null,
      pdf: { pageCount: doc.numPages },
      file: null,
      warnings,
    };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

function loadError(error: unknown): CaptureError {
  if (error instanceof CaptureError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') {
    return new CaptureError(
      'encrypted-pdf',
      'This PDF is password-protected; open it, save an unprotected copy and clip that.',
    );
  }
  return new CaptureError('unreadable-pdf', 'This PDF could not be read (it may be damaged or not a PDF).');
}

function metadataTitle(meta: { info: object }): string | null {
  const raw = (meta.info as { Title?: unknown }).Title;
  if (typeof raw !== 'string') return null;
  // Office leaves titles like "Microsoft Word - draft-v3.docx": a file name says less than the first line.
  const title = raw.replace(/^Microsoft (Word|PowerPoint|Excel) - /, '').trim();
  const useless = !/\p{L}{2}/u.test(title) || /^untitled$/i.test(title) || /\.[a-z0-9]{2,5}$/i.test(title);
  return useless ? null : title.slice(0, 300);
}

/** The first line that reads like words (not a page number or a date stamp). */
function firstMeaningfulLine(lines: Line[]): string | null {
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if ((text.match(/\p{L}/gu)?.length ?? 0) >= 3) return text.length > 200 ? `${text.slice(0, 199)}…` : text;
  }
  return null;
}

function source(opts: PdfToDraftOptions, title: string | null): CaptureDraft['source'] {
  const fileName = opts.fileName?.trim() || null;
  return {
    url: opts.url ?? null,
    title: title ?? fileName ?? 'Untitled PDF',
    site: (opts.url && siteFromUrl(opts.url)) || fileName || '',
  };
}

interface Line {
  text: string;
  y: number | null;
  size: number;
}

/** A page's text as Markdown paragraphs (see pageLines and linesToMarkdown). */
export function pageToMarkdown(items: PdfTextPart[]): string {
  return linesToMarkdown(pageLines(items));
}

/** Lines from text items: hasEOL or a change of baseline ends a line. */
function pageLines(items: PdfTextPart[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let lineEnd: number | null = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const [, , , d = 0, x = null, y = null] = item.transform ?? [];
    const size = Math.abs(d) || 10;
    if (line && y !== null && line.y !== null && Math.abs(y - line.y) > Math.max(line.size, size) / 2) {
      lines.push(line);
      line = null;
    }
    if (!line) {
      line = { text: '', y, size };
      lineEnd = null;
    }
    // Words drawn as separate items with a visible gap but no space character between them.
    const gap = x !== null && lineEnd !== null ? x - lineEnd : 0;
    if (gap > size * 0.15 && line.text && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' ';
    line.text += item.str;
    line.size = Math.max(line.size, size);
    lineEnd = x !== null ? x + (item.width ?? 0) : null;
    if (item.hasEOL) {
      lines.push(line);
      line = null;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Paragraphs from the gaps between lines; wrapped lines joined. */
function linesToMarkdown(lines: Line[]): string {
  const paragraphs: string[] = [];
  let previous: Line | null = null;
  for (const current of lines) {
    const text = current.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const last = paragraphs.length - 1;
    if (previous && last >= 0 && !startsParagraph(previous, current)) {
      paragraphs[last] = joinLines(paragraphs[last] ?? '', text);
    } else paragraphs.push(bullet(text));
    previous = current;
  }
  return paragraphs.join('\n\n');
}

/** A wider gap than ~1.5 lines, a move up the page (new column) or a change of font size starts a paragraph. */
function startsParagraph(previous: Line, current: Line): boolean {
  if (previous.y === null || current.y === null) return false;
  const drop = previous.y - current.y;
  return drop <= 0 || drop > Math.max(previous.size, current.size) * 1.5 || Math.abs(previous.size - current.size) > 1;
}

const BULLET = /^([•◦▪●‣]|[-*–]\s|\d{1,3}[.)]\s)/;

function bullet(text: string): string {
  return text.replace(/^[•◦▪●‣]\s*/, '- ');
}

/**
 * Wrapped prose joins with a space and list items keep their own line. A line ending in "word-" was hyphenated:
 * "imple-" + "mentation" is one word again, while "Acme-" + "Cloud" keeps its hyphen (a compound name).
 */
function joinLines(paragraph: string, text: string): string {
  if (BULLET.test(text)) return `${paragraph}\n${bullet(text)}`;
  if (/\p{L}-$/u.test(paragraph)) return /^\p{Ll}/u.test(text) ? paragraph.slice(0, -1) + text : paragraph + text;
  return `${paragraph} ${text}`;
}
