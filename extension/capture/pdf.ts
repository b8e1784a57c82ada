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
  getPage(pageNumber: number): Promise<PdfPageLike>;
}
export interface PdfPageLike {
  getTextContent(): Promise<{ items: PdfTextPart[] }>;
  /** The page's box, [x1, y1, x2, y2] in points (pdf.js sets it). */
  view?: number[];
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
        const page = await doc.getPage(n);
        const lines = pageLines((await page.getTextContent()).items);
        firstLine ??= firstMeaningfulLine(lines);
        pages.push(linesToMarkdown(lines, pageWidth(page.view)));
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

function pageWidth(view: number[] | undefined): number | undefined {
  const [x1, , x2] = view ?? [];
  return typeof x1 === 'number' && typeof x2 === 'number' && x2 > x1 ? x2 - x1 : undefined;
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
  /** Where the line's ink starts and ends on the baseline; null when an item had no position. */
  x0: number | null;
  x1: number | null;
  /** A column gap split the line (a table row, "Date:      November 26, 2026"). */
  columns: boolean;
  /** Width of the line's first word, to tell a line that wrapped from one that ended early. */
  firstWord: number;
}

/** A page's text as Markdown paragraphs (see pageLines and linesToMarkdown). */
export function pageToMarkdown(items: PdfTextPart[], pageWidth?: number): string {
  return linesToMarkdown(pageLines(items), pageWidth);
}

/**
 * A horizontal gap between two pieces of text on a baseline wider than this many ems is a column gap, not a word
 * space: pdf.js keeps in-flow spaces (up to 0.6 em) inside its items, and even a justified line's stretched spaces
 * stay under it, while a table's columns or a "Label:      value" header leave much more.
 */
const COLUMN_GAP_EM = 0.7;
/** A piece of text that is itself a label ("Name: Jan Kowalski", "Pour le Client :"). */
const LABEL = /^[^:|]{0,40}\p{L}[^:|]{0,40}:/u;

/**
 * What a column gap becomes: " | " between columns, so a row still reads as a row once rendered. After a label's
 * colon ("Date:      November 26, 2026") the colon already separates, unless what follows is another label (two
 * signature blocks side by side: "Name: | Name: Jan Kowalski").
 */
function columnSeparator(before: string, after: string): string {
  return /:\s*$/.test(before) && !LABEL.test(after) ? ' ' : ' | ';
}

/** Lines from text items: hasEOL or a change of baseline ends a line. */
function pageLines(items: PdfTextPart[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  // The end of the line's last visible text: whitespace items only widen the gap after it.
  let lineEnd: number | null = null;
  let spaced = false;
  const end = () => {
    if (line) lines.push(line);
    line = null;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const [, , , d = 0, x = null, y = null] = item.transform ?? [];
    const size = Math.abs(d) || 10;
    if (line && y !== null && line.y !== null && Math.abs(y - line.y) > Math.max(line.size, size) / 2) end();
    if (!line) {
      line = { text: '', y, size, x0: null, x1: null, columns: false, firstWord: 0 };
      lineEnd = null;
      spaced = false;
    }
    const current: Line = line;
    const str = item.str;
    const ink = str.trim();
    if (!ink) {
      // A run of spaces (pdf.js gives a wide gap as its own " " item): remembered, written before the next text.
      if (str) spaced = true;
    } else {
      const lead = str.length - str.trimStart().length;
      const perChar = str.length > 0 && item.width ? item.width / str.length : size * 0.5;
      const inkX = x !== null ? x + lead * perChar : null;
      const gap = inkX !== null && lineEnd !== null ? inkX - lineEnd : 0;
      if (current.text) {
        if (gap > size * COLUMN_GAP_EM) {
          current.text = current.text.trimEnd() + columnSeparator(current.text, ink);
          current.columns = true;
        } else if ((spaced || lead > 0 || gap > size * 0.15) && !/\s$/.test(current.text)) current.text += ' ';
      } else {
        current.x0 = inkX;
        const word = /^\S+/.exec(ink)?.[0] ?? '';
        current.firstWord = (word.length / Math.max(1, ink.length)) * (item.width ?? ink.length * size * 0.5);
      }
      current.text += ink;
      spaced = /\s$/.test(str);
      const trail = str.length - str.trimEnd().length;
      lineEnd = x !== null ? x + (item.width ?? 0) - trail * perChar : null;
      current.x1 = lineEnd;
    }
    current.size = Math.max(current.size, size);
    if (item.hasEOL) end();
  }
  end();
  return lines;
}

/**
 * Paragraphs from the gaps between lines. Wrapped prose is joined; a line that holds columns or that ended early
 * keeps its own line, as a Markdown hard break. `pageWidth` (when known) tells how far the text could have run.
 */
function linesToMarkdown(all: Line[], pageWidth?: number): string {
  const lines = all.filter((line) => line.text.trim());
  // A move up the page starts a new column of text, with its own margins.
  const runs: Line[][] = [];
  const blocks: Line[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous || movesUp(previous, line)) runs.push([line]);
    else runs.at(-1)?.push(line);
    if (!previous || startsParagraph(previous, line)) blocks.push([line]);
    else blocks.at(-1)?.push(line);
  });
  const margins = new Map<Line, Margins | null>();
  for (const run of runs) {
    const runMargins = textMargins(run, runs.length === 1 ? pageWidth : undefined);
    for (const line of run) margins.set(line, runMargins);
  }
  return blocks
    .map((block) => {
      const blockRight = block.reduce((right, line) => Math.max(right, line.x1 ?? -Infinity), -Infinity);
      let paragraph = '';
      block.forEach((current, i) => {
        const text = current.text.replace(/\s+/g, ' ').trim();
        const previous = block[i - 1];
        if (!previous) paragraph = bullet(text);
        else {
          const columns = previous.columns || current.columns;
          const short = endsShort(previous, current, margins.get(previous) ?? null, blockRight);
          const item = CLAUSE.test(text) || (LABELLED.test(text) && /[.;!?]$/.test(paragraph));
          paragraph = joinLines(paragraph, text, columns, columns || item || short);
        }
      });
      return paragraph;
    })
    .join('\n\n');
}

interface Margins {
  left: number;
  right: number;
}

/**
 * Where a column of text runs: its leftmost start to its rightmost end. On a page of one column, the mirror of its
 * left margin counts too, so a page of short lines (a signature page) still shows they are short.
 */
function textMargins(lines: Line[], pageWidth?: number): Margins | null {
  // Loops, not Math.min(...all): a page of a long price list has thousands of lines.
  let left = Infinity;
  let right = -Infinity;
  for (const line of lines) {
    if (line.x0 !== null) left = Math.min(left, line.x0);
    if (line.x1 !== null) right = Math.max(right, line.x1);
  }
  if (!Number.isFinite(left) || !Number.isFinite(right)) return null;
  if (pageWidth && pageWidth > left * 2) right = Math.max(right, pageWidth - left);
  return right > left ? { left, right } : null;
}

function movesUp(previous: Line, current: Line): boolean {
  return previous.y !== null && current.y !== null && current.y >= previous.y;
}

/** A wider gap than ~1.5 lines, a move up the page (new column) or a change of font size starts a paragraph. */
function startsParagraph(previous: Line, current: Line): boolean {
  if (previous.y === null || current.y === null) return false;
  const drop = previous.y - current.y;
  return drop <= 0 || drop > Math.max(previous.size, current.size) * 1.5 || Math.abs(previous.size - current.size) > 1;
}

/**
 * Whether a line ended early, so its break was meant ("Prepared for Northwind" / "Attention: …"): prose only wraps
 * when the next word does not fit, so there is room for the next line's first word before the right margin. A line
 * that still runs most of the way across is measured against its own paragraph's widest line too, with a couple of
 * ems to spare, since hand-wrapped prose has a ragged margin.
 */
function endsShort(previous: Line, current: Line, margins: Margins | null, blockRight: number): boolean {
  if (previous.x1 === null || !margins) return false;
  const needed = current.firstWord + previous.size * 0.6;
  if (margins.right - previous.x1 <= needed) return false;
  const mostOfTheWay = previous.x1 - margins.left >= (margins.right - margins.left) * 0.7;
  return !mostOfTheWay || blockRight - previous.x1 > needed + previous.size * 2;
}

/** A numbered clause of a contract ("4.2 Urgences : …", "12.1.3 Notices"), which starts its own line. */
const CLAUSE = /^\d{1,3}(?:\.\d{1,3})+\.?\s+\p{L}/u;
/** A line led by a short label ("Term: 36 months", "Facturation : …"), which after a full stop starts its own line. */
const LABELLED = /^\p{Lu}[\p{L}’'/-]*(?: [\p{L}’'/-]+){0,3} ?: \S/u;
const BULLET = /^([•◦▪●‣]|[-*–]\s|\d{1,3}[.)]\s)/;

function bullet(text: string): string {
  return text.replace(/^[•◦▪●‣]\s*/, '- ');
}

/**
 * Wrapped prose joins with a space, list items keep their own line and a meant break (a short line, a row of
 * columns) stays a Markdown hard break. A line ending in "word-" was hyphenated: "imple-" + "mentation" is one word
 * again, while "Acme-" + "Cloud" keeps its hyphen (a compound name).
 */
function joinLines(paragraph: string, text: string, columns: boolean, hardBreak: boolean): string {
  if (BULLET.test(text)) return `${paragraph}\n${bullet(text)}`;
  if (!columns && /\p{L}-$/u.test(paragraph))
    return /^\p{Ll}/u.test(text) ? paragraph.slice(0, -1) + text : paragraph + text;
  return hardBreak ? `${paragraph}\\\n${text}` : `${paragraph} ${text}`;
}
