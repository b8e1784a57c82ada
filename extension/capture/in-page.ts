import { expandFolded } from './expand-folded';
import { CaptureError, extractDocument } from './extract-document';
import { captureHints } from './hints';
import type { CaptureRequest, InPageResult } from './request';

function hasSelection(doc: Document): boolean {
  return (doc.getSelection()?.toString().trim().length ?? 0) > 0;
}

/** Runs inside the page, on demand. Reads the page; only a webmail page is changed, to open folded messages. */
export async function captureInPage(doc: Document, request: CaptureRequest | undefined): Promise<InPageResult> {
  try {
    const url = doc.location?.href ?? doc.URL;
    if (doc.contentType === 'application/pdf') return { ok: true, pdf: { url } };
    const asked = request?.mode ?? 'auto';
    const mode = asked === 'auto' ? (hasSelection(doc) ? 'selection' : 'page') : asked === 'link' ? 'page' : asked;
    if (mode === 'page') await expandFolded(doc, url);
    const draft = extractDocument(doc, { url, mode });
    return { ok: true, captured: { draft, text: captureHints(draft, new Date()) } };
  } catch (error) {
    if (error instanceof CaptureError) return { ok: false, code: error.code, message: error.message };
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, code: 'unreadable-page', message: `Docket could not read this page (${detail}).` };
  }
}
