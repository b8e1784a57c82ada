import type { CaptureDraft } from '../../shared/domain';
import { emlToDraft, repairC1 } from './eml';
import { extractDocument } from './extract-document';
import { pdfToDraft, type PdfjsLike } from './pdf';
import { CaptureError } from './text';

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
    const draft = extractDocument(deps.parseHtml(decodeHtml(file.bytes, file.type), url), { url, mode: 'page' });
    return { ...draft, source: { ...draft.source, site: draft.source.site || file.name }, file: info };
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

/**
 * Bytes of a saved page as text, in the order browsers use: byte-order mark, then the charset of the
 * MIME type, then a `<meta charset>` near the top; UTF-8 when none is given or the label is unknown.
 */
export function decodeHtml(bytes: Uint8Array, mimeType = ''): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(mimeType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? repairC1(text) : text;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
