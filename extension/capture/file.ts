import type { CaptureDraft } from '../../shared/domain';
import { emlToDraft } from './eml';
import { extractDocument } from './extract-document';
import { decodeHtml } from './html-charset';
import { decodeEntities, markupText, NOTHING_TO_READ, textDraft } from './page-text';
import { pdfToDraft, type PdfjsLike } from './pdf';
import { CaptureError } from './text';

export { decodeHtml } from './html-charset';

export interface DroppedFile {
  name: string;
  /** MIME type as the browser or OS reported it; often empty. */
  type: string;
  bytes: Uint8Array;
}

export interface FileToDraftDeps {
  parseHtml: (html: string, url: string) => Document;
  pdfjs: PdfjsLike;
  /** Default 50 MB. */
  maxBytes?: number;
  /** Where a saved page or PDF came from, when known (so a saved Gmail page reads as Gmail); else `file:///<name>`. */
  url?: string | null;
}

type FileKind = 'eml' | 'html' | 'pdf';

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * A dropped or saved file as a capture draft. The kind stays what the content is (a saved web page is a
 * 'page', an .eml an 'email', a PDF a 'pdf'); `file` records that it came from a file.
 */
export async function fileToDraft(file: DroppedFile, deps: FileToDraftDeps): Promise<CaptureDraft> {
  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (file.bytes.length > maxBytes) {
    throw new CaptureError(
      'too-large',
      `"${file.name}" is ${megabytes(file.bytes.length)}; Docket reads files up to ${megabytes(maxBytes)}.`,
    );
  }
  const kind = fileKind(file);
  const info = { name: file.name.slice(0, 500), type: file.type.slice(0, 200), size: file.bytes.length };
  if (kind === 'eml') {
    const parseHtml = (html: string) => deps.parseHtml(html, 'about:blank');
    return { ...(await emlToDraft(file.bytes, { fileName: file.name, parseHtml })), file: info };
  }
  if (kind === 'pdf') {
    const draft = await pdfToDraft(file.bytes, { url: deps.url ?? null, fileName: file.name, pdfjs: deps.pdfjs });
    return { ...draft, file: info };
  }
  if (kind === 'html') {
    const url = deps.url || `file:///${encodeURIComponent(file.name)}`;
    const notes: string[] = [];
    const draft = savedPage(decodeHtml(file.bytes, file.type, notes), url, deps.parseHtml);
    const warnings = [...new Set([...notes, ...draft.warnings])];
    return { ...draft, source: { ...draft.source, site: draft.source.site || file.name }, warnings, file: info };
  }
  throw new CaptureError(
    'unsupported-file',
    `Docket can read .eml, .html and .pdf files; "${file.name}" is none of these.`,
  );
}

/** The file name's extension decides, then the MIME type, then (for nameless, typeless files) the first bytes. */
export function fileKind(file: Pick<DroppedFile, 'name' | 'type' | 'bytes'>): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'eml') return 'eml';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'pdf') return 'pdf';
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'message/rfc822') return 'eml';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf') return 'pdf';
  if (ext || (type && type !== 'application/octet-stream')) return null;
  const head = new TextDecoder('latin1').decode(file.bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('%pdf-')) return 'pdf';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return null;
}

/** A saved page's draft; when no DOM can be made of it or read, its text straight from the markup. */
function savedPage(html: string, url: string, parseHtml: FileToDraftDeps['parseHtml']): CaptureDraft {
  let why: string;
  try {
    return extractDocument(parseHtml(html, url), { url, mode: 'page' });
  } catch (error) {
    if (error instanceof CaptureError && error.message === NOTHING_TO_READ) throw error;
    // The extractors' own errors already say the page could not be read; an unexpected one is named.
    const detail = error instanceof CaptureError ? '' : ` (${error instanceof Error ? error.message : String(error)})`;
    why = `Docket could not read this page as HTML${detail}`;
  }
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1] ?? null;
  const text = markupText(html);
  return textDraft(text, title && decodeEntities(title), { url }, `${why}: only its text was kept.`);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
